import type { Center } from '../../../src/core/center.js';
import type { Diagnostic, SourceKind } from '../../../src/core/types.js';
import { validate } from '../../../src/core/validate.js';
import { lineOf, walk, type MdxFile } from './mdx.js';
import type { Problem } from './problem.js';

/** A fenced code block of a chapter: fence line, language, meta words and text. */
export interface CodeBlock {
	file: string;
	line: number;
	lang: string;
	meta: string[];
	text: string;
}

/** Every fenced code block of a file, including those inside JSX such as `<Solution>`. */
export function codeBlocks(mdx: MdxFile): CodeBlock[] {
	const blocks: CodeBlock[] = [];
	if (!mdx.tree) return blocks;
	walk(mdx.tree, (node) => {
		if (node.type !== 'code') return;
		blocks.push({
			file: mdx.file,
			line: lineOf(node),
			lang: (node.lang ?? '').toLowerCase(),
			meta: (node.meta ?? '').split(/\s+/).filter(Boolean),
			text: node.value ?? '',
		});
	});
	return blocks;
}

/** Tells whether a block is marked as a wrong example (fence meta `wrong`). */
export function isWrong(block: CodeBlock): boolean {
	return block.meta.includes('wrong');
}

/** How a YAML text is graded: Kubernetes when it has `apiVersion`/`kind`, Compose for `services:`. */
export function yamlKind(text: string): 'k8s' | 'compose' | 'undecidable' {
	if (/^(?:-\s+)?(?:apiVersion|kind):/m.test(text)) return 'k8s';
	if (/^services:/m.test(text)) return 'compose';
	return 'undecidable';
}

/** The validator kind of a block; `undecidable` for YAML of neither kind, `undefined` if not graded. */
export function blockKind(block: CodeBlock): SourceKind | 'undecidable' | undefined {
	if (block.lang === 'dockerfile') return 'dockerfile';
	if (block.lang === 'yaml' || block.lang === 'yml') return yamlKind(block.text);
	return undefined;
}

/** What checking one block found: its kind, the error and warning diagnostics, and problems. */
export interface BlockResult {
	kind: SourceKind | 'undecidable' | undefined;
	findings: Diagnostic[];
	problems: Problem[];
}

/**
 * Validates a block. Errors and warnings fail it unless it is marked `wrong`; a `wrong` block
 * must get at least one of them. Info diagnostics never count.
 */
export function checkCodeBlock(block: CodeBlock, center: Center): BlockResult {
	const kind = blockKind(block);
	const at = (line: number, message: string): Problem => ({ file: block.file, line, message });
	const tag = `\`\`\`${block.lang}${block.meta.length > 0 ? ` ${block.meta.join(' ')}` : ''}`;
	if (kind === undefined) {
		const problems = isWrong(block)
			? [
					at(
						block.line,
						`${tag} is marked wrong, but ${block.lang || 'untagged'} blocks are not validated`
					),
				]
			: [];
		return { kind, findings: [], problems };
	}
	if (kind === 'undecidable') {
		const message = `${tag}: cannot tell Kubernetes (apiVersion/kind) from Compose (services:), so it cannot be validated; complete it or tag it text`;
		return { kind, findings: [], problems: [at(block.line, message)] };
	}
	const findings = validate(kind, block.text, { center }).filter((d) => d.severity !== 'info');
	if (isWrong(block)) {
		const message = `${tag} is marked wrong, but the ${kind} validators report no error or warning: remove the mark or keep the mistake`;
		return { kind, findings, problems: findings.length === 0 ? [at(block.line, message)] : [] };
	}
	const problems = findings.map((d) =>
		at(
			block.line + d.range.start.line,
			`${kind} block: ${d.severity} ${d.ruleId}: ${d.message} (mark the fence \`wrong\` if the mistake is meant)`
		)
	);
	return { kind, findings, problems };
}
