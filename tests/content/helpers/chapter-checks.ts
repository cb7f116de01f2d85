import { ChapterSchema, type Chapter } from '../../../src/schemas/chapter.js';
import { frontmatterLine, isJsx, lineOf, walk, type MdNode, type MdxFile } from './mdx.js';
import type { Problem } from './problem.js';
import { schemaProblems } from './yaml-file.js';

/** The kind each position of the course must have: sessions and lessons alternate, session first. */
export const KIND_BY_ORDER = [
	'session',
	'lesson',
	'session',
	'lesson',
	'session',
	'lesson',
] as const;

/** A chapter's frontmatter, parsed, or `undefined` with problems when it does not parse. */
export function checkFrontmatter(mdx: MdxFile): {
	chapter: Chapter | undefined;
	problems: Problem[];
} {
	if (!mdx.frontmatter) return { chapter: undefined, problems: [] };
	const problems = schemaProblems(mdx.frontmatter, ChapterSchema);
	const result = ChapterSchema.safeParse(mdx.data);
	if (!result.success) return { chapter: undefined, problems };
	const chapter = result.data;
	for (const key of ['teaching', 'exercises'] as const) {
		if (chapter[key] <= 0) {
			problems.push({
				file: mdx.file,
				line: frontmatterLine(mdx, [key]),
				message: `${key}: minutes must be positive, found ${chapter[key]}`,
			});
		}
	}
	for (const key of ['objectives', 'keypoints', 'questions'] as const) {
		chapter[key].forEach((text, index) => {
			if (text.trim() === '') {
				const line = frontmatterLine(mdx, [key, index]);
				problems.push({ file: mdx.file, line, message: `${key}.${index} is blank` });
			}
		});
	}
	return { chapter, problems };
}

/** A chapter's place in the course, for the order check. */
export interface Placed {
	file: string;
	line: number;
	order: number;
	kind: Chapter['kind'];
}

/** Checks that orders are exactly 1–6 with no gap or repeat, and kinds alternate from a session. */
export function checkCourseOrder(placed: readonly Placed[]): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<number, Placed>();
	for (const chapter of placed) {
		const other = seen.get(chapter.order);
		if (other) {
			const message = `order ${chapter.order} is also used by ${other.file}`;
			problems.push({ file: chapter.file, line: chapter.line, message });
		}
		seen.set(chapter.order, chapter);
		const expected = KIND_BY_ORDER[chapter.order - 1];
		if (expected && chapter.kind !== expected) {
			const message = `kind: chapter ${chapter.order} must be a ${expected} (sessions and lessons alternate), found ${chapter.kind}`;
			problems.push({ file: chapter.file, line: chapter.line, message });
		}
	}
	KIND_BY_ORDER.forEach((kind, index) => {
		if (!seen.has(index + 1)) {
			const message = `no chapter has order ${index + 1} (expected a ${kind}); orders must run 1–6 with no gap`;
			problems.push({ file: 'content/chapters', line: 1, message });
		}
	});
	return problems;
}

/** Checks the body: no `#` heading, and an `<InstructorNote>` in every `##` section. */
export function checkStructure(mdx: MdxFile): Problem[] {
	if (!mdx.tree) return [];
	const problems: Problem[] = [];
	walk(mdx.tree, (node) => {
		if ((node.type === 'heading' && node.depth === 1) || isJsx(node, 'h1')) {
			const message = 'an h1 in the body: the page title is the only h1; use ## for sections';
			problems.push({ file: mdx.file, line: lineOf(node), message });
		}
	});
	let section: { heading: MdNode; hasNote: boolean } | undefined;
	const close = (): void => {
		if (section && !section.hasNote) {
			const title = headingText(section.heading);
			const message = `section "## ${title}" has no <InstructorNote>`;
			problems.push({ file: mdx.file, line: lineOf(section.heading), message });
		}
	};
	for (const node of mdx.tree.children ?? []) {
		if (node.type === 'heading' && node.depth === 2) {
			close();
			section = { heading: node, hasNote: false };
		} else if (section && containsNote(node)) {
			section.hasNote = true;
		}
	}
	close();
	return problems;
}

/** Tells whether a node is or contains an `<InstructorNote>`. */
function containsNote(node: MdNode): boolean {
	let found = false;
	walk(node, (inner) => {
		if (isJsx(inner, 'InstructorNote')) found = true;
	});
	return found;
}

/** The plain text of a heading. */
function headingText(node: MdNode): string {
	let text = '';
	walk(node, (inner) => {
		if (inner.type === 'text' || inner.type === 'inlineCode') text += inner.value ?? '';
	});
	return text;
}
