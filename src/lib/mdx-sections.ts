import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A section of a chapter: heading, anchor, depth and its plain text. */
export interface MdxSection {
	heading: string;
	anchor: string;
	depth: number;
	text: string;
}

/** A loose mdast node: enough to walk the tree. */
interface Node {
	type: string;
	name?: string | null;
	depth?: number;
	children?: Node[];
	value?: string;
}

/** JSX elements whose content is not for learners' search (instructor notes, exercises). */
const SKIP = new Set(['InstructorNote', 'Exercise', 'Video', 'SlideBreak']);

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Plain text of a node, leaving out skipped JSX elements. */
function textOf(node: Node): string {
	if (
		(node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
		SKIP.has(node.name ?? '')
	) {
		return '';
	}
	if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') return '';
	if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'text')
		return node.value ?? '';
	return (node.children ?? []).map(textOf).join(node.type === 'paragraph' ? '' : ' ');
}

/** Splits an MDX body into its h2/h3 sections, with anchors as the site renders them. */
export function mdxSections(body: string): MdxSection[] {
	const tree = parser.parse(body) as Node;
	const slugger = new GithubSlugger();
	const sections: MdxSection[] = [];
	let current: MdxSection | undefined;
	for (const node of tree.children ?? []) {
		if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
			const heading = toString(node as Parameters<typeof toString>[0]);
			current = { heading, anchor: slugger.slug(heading), depth: node.depth, text: '' };
			sections.push(current);
			continue;
		}
		if (node.type === 'heading') slugger.slug(toString(node as Parameters<typeof toString>[0]));
		if (current) current.text = `${current.text} ${textOf(node)}`.replace(/\s+/g, ' ').trim();
	}
	return sections;
}
