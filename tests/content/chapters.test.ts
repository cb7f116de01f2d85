import { describe, expect, test } from 'vitest';
import { checkCourseOrder, checkFrontmatter, checkStructure } from './helpers/chapter-checks.js';
import { frontmatterLine } from './helpers/mdx.js';
import { loadChapters } from './helpers/load.js';
import { formatProblems } from './helpers/problem.js';

const chapters = loadChapters();
const cases = chapters.map((mdx) => [mdx.file, mdx] as const);

describe('chapters', () => {
	test.each(cases)('%s parses, and its frontmatter fits ChapterSchema', (_, mdx) => {
		const problems = [...mdx.problems, ...checkFrontmatter(mdx).problems];
		expect(formatProblems(problems)).toEqual([]);
	});

	test('orders are 1–6 with no gap, sessions and lessons alternating', () => {
		const placed = chapters.flatMap((mdx) => {
			const { chapter } = checkFrontmatter(mdx);
			if (!chapter) return [];
			const line = frontmatterLine(mdx, ['order']);
			return [{ file: mdx.file, line, order: chapter.order, kind: chapter.kind }];
		});
		expect(placed).toHaveLength(chapters.length);
		expect(formatProblems(checkCourseOrder(placed))).toEqual([]);
	});

	test.each(cases)('%s has no h1 and an <InstructorNote> in every ## section', (_, mdx) => {
		expect(formatProblems(checkStructure(mdx))).toEqual([]);
	});
});
