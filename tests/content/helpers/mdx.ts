import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Problem } from './problem.js';
import { readYaml, yamlLine, type YamlFile } from './yaml-file.js';

/** A loose mdast/MDX node: enough to walk the tree and read positions. */
export interface MdNode {
	type: string;
	name?: string | null;
	depth?: number;
	lang?: string | null;
	meta?: string | null;
	url?: string;
	value?: string;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: MdNode[];
	position?: { start: { line: number; column: number }; end: { line: number } };
}

/**
 * A chapter (or any MDX file) read for checking. `data` is the parsed frontmatter, `tree` the
 * body parsed with remark-parse + remark-mdx + remark-gfm, with line numbers of the whole file
 * (the frontmatter is blanked out, not cut, before the body is parsed). `problems` holds what
 * could not be read at all (no frontmatter, YAML or MDX syntax errors).
 */
export interface MdxFile {
	file: string;
	data: unknown;
	frontmatter: YamlFile | undefined;
	tree: MdNode | undefined;
	problems: Problem[];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Matches a leading `---` frontmatter block; group 1 is its YAML. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Reads an MDX text: frontmatter as YAML with line positions, body as an mdast tree. */
export function readMdx(file: string, source: string): MdxFile {
	const problems: Problem[] = [];
	const match = FRONTMATTER.exec(source);
	let frontmatter: YamlFile | undefined;
	let body = source;
	if (!match) {
		problems.push({ file, line: 1, message: 'no frontmatter: the file must start with ---' });
	} else {
		frontmatter = readYaml(file, match[1] ?? '', 2);
		problems.push(...frontmatter.problems);
		body = match[0].replace(/[^\n]/g, '') + source.slice(match[0].length);
	}
	let tree: MdNode | undefined;
	try {
		tree = parser.parse(body) as MdNode;
	} catch (error) {
		const where = error as { line?: number; reason?: string; message?: string };
		const message = where.reason ?? where.message ?? String(error);
		problems.push({ file, line: where.line ?? 1, message: `MDX does not parse: ${message}` });
	}
	return { file, data: frontmatter?.data, frontmatter, tree, problems };
}

/** Returns the file line of a frontmatter value (e.g. `['exerciseIds', 2]`), or 1. */
export function frontmatterLine(mdx: MdxFile, path: readonly PropertyKey[]): number {
	return mdx.frontmatter ? yamlLine(mdx.frontmatter, path) : 1;
}

/** Start line of a node, or 1 when it has no position. */
export function lineOf(node: MdNode): number {
	return node.position?.start.line ?? 1;
}

/** Calls `visit` for every node of a tree, depth first, with its ancestors (nearest last). */
export function walk(
	node: MdNode,
	visit: (node: MdNode, ancestors: readonly MdNode[]) => void,
	ancestors: MdNode[] = []
): void {
	visit(node, ancestors);
	for (const child of node.children ?? []) walk(child, visit, [...ancestors, node]);
}

/** Tells whether a node is a JSX element (flow or text) with the given name. */
export function isJsx(node: MdNode, name: string): boolean {
	return (
		(node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name
	);
}

/** Every JSX element of a tree with the given name. */
export function jsxElements(tree: MdNode, name: string): MdNode[] {
	const found: MdNode[] = [];
	walk(tree, (node) => {
		if (isJsx(node, name)) found.push(node);
	});
	return found;
}

/** A JSX attribute's value: a string, `undefined` when absent, or `null` when it is an expression. */
export function jsxAttribute(node: MdNode, name: string): string | null | undefined {
	const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
	if (!attribute) return undefined;
	return typeof attribute.value === 'string' ? attribute.value : null;
}
