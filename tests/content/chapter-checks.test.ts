import { describe, expect, test } from 'vitest';
import {
	checkCourseOrder,
	checkFrontmatter,
	checkStructure,
	type Placed,
} from './helpers/chapter-checks.js';
import { readMdx } from './helpers/mdx.js';
import { formatProblems } from './helpers/problem.js';
import { FRONTMATTER, GOOD_BODY, sample } from './helpers/sample.js';

/** The sample frontmatter with one line replaced. */
function edited(from: string, to: string): string {
	expect(FRONTMATTER).toContain(from);
	return FRONTMATTER.replace(from, to);
}

/** Problems of the frontmatter check on a sample chapter, formatted. */
function frontmatterProblems(frontmatter: string): string[] {
	const mdx = sample(GOOD_BODY, frontmatter);
	return formatProblems([...mdx.problems, ...checkFrontmatter(mdx).problems]);
}

describe('readMdx', () => {
	test('reports a file without frontmatter', () => {
		expect(formatProblems(readMdx('x.mdx', '# Title\n').problems)).toEqual([
			'x.mdx:1: no frontmatter: the file must start with ---',
		]);
	});

	test('reports an MDX syntax error at its file line', () => {
		const mdx = sample('Text.\n\n<Callout>\n\nno closing tag\n');
		expect(mdx.tree).toBeUndefined();
		expect(formatProblems(mdx.problems)).toEqual([
			expect.stringMatching(/^sample\.mdx:\d+: MDX does not parse: .*Callout/),
		]);
	});

	test('keeps file line numbers in the body', () => {
		const mdx = sample('Intro.\n\n## Section\n');
		const heading = mdx.tree?.children?.find((node) => node.type === 'heading');
		expect(heading?.position?.start.line).toBe(19);
	});
});

describe('checkFrontmatter', () => {
	test('accepts a complete frontmatter', () => {
		expect(frontmatterProblems(FRONTMATTER)).toEqual([]);
	});

	test('names the line of a field that does not fit the schema', () => {
		expect(frontmatterProblems(edited('kind: session', 'kind: workshop'))).toEqual([
			"sample.mdx:3: kind: Invalid enum value. Expected 'session' | 'lesson', received 'workshop'",
		]);
	});

	test('fails on zero minutes of teaching or exercises', () => {
		expect(frontmatterProblems(edited('exercises: 15', 'exercises: 0'))).toEqual([
			'sample.mdx:13: exercises: minutes must be positive, found 0',
		]);
		expect(frontmatterProblems(edited('teaching: 40', 'teaching: 0'))).toEqual([
			'sample.mdx:12: teaching: minutes must be positive, found 0',
		]);
	});

	test('fails on empty or blank objectives and key points', () => {
		expect(
			frontmatterProblems(edited('keypoints:\n  - Spin runs containers.', 'keypoints: []'))
		).toEqual(['sample.mdx:10: keypoints: Array must contain at least 1 element(s)']);
		expect(frontmatterProblems(edited('  - Describe what Spin runs.', "  - '    '"))).toEqual([
			'sample.mdx:9: objectives.0 is blank',
		]);
	});

	test('reports a YAML syntax error at its file line', () => {
		expect(frontmatterProblems(edited('order: 1', 'order: [1'))).toContainEqual(
			expect.stringMatching(/^sample\.mdx:5: YAML does not parse: Flow sequence/)
		);
	});
});

describe('checkCourseOrder', () => {
	const kinds = ['session', 'lesson', 'session', 'lesson', 'session', 'lesson'] as const;
	const course: Placed[] = kinds.map((kind, i) => ({
		file: `c${i + 1}.mdx`,
		line: 4,
		order: i + 1,
		kind,
	}));

	test('accepts six chapters, sessions and lessons alternating', () => {
		expect(checkCourseOrder(course)).toEqual([]);
	});

	test('fails on a gap and on a repeated order', () => {
		const gap = course.map((c) => (c.order === 4 ? { ...c, order: 2 } : c));
		expect(formatProblems(checkCourseOrder(gap))).toEqual([
			'c4.mdx:4: order 2 is also used by c2.mdx',
			'content/chapters:1: no chapter has order 4 (expected a lesson); orders must run 1–6 with no gap',
		]);
	});

	test('fails when two sessions follow each other', () => {
		const swapped = course.map((c) => (c.order === 2 ? { ...c, kind: 'session' as const } : c));
		expect(formatProblems(checkCourseOrder(swapped))).toEqual([
			'c2.mdx:4: kind: chapter 2 must be a lesson (sessions and lessons alternate), found session',
		]);
	});
});

describe('checkStructure', () => {
	test('accepts sections that each have an instructor note', () => {
		expect(checkStructure(sample(GOOD_BODY))).toEqual([]);
	});

	test('fails on a ## section without an instructor note, naming it', () => {
		const body = `${GOOD_BODY}\n## Second section\n\nNo note here.\n\n### Sub\n\nStill none.\n`;
		expect(formatProblems(checkStructure(sample(body)))).toEqual([
			'sample.mdx:31: section "## Second section" has no <InstructorNote>',
		]);
	});

	test('finds a note nested in other JSX, and does not carry it to the next section', () => {
		const nested =
			'## A\n\n<Challenge>\n\n<InstructorNote>\n\nHi.\n\n</InstructorNote>\n\n</Challenge>\n\n## B\n\nText.\n';
		expect(formatProblems(checkStructure(sample(nested)))).toEqual([
			'sample.mdx:29: section "## B" has no <InstructorNote>',
		]);
	});

	test('fails on an h1 in the body, but not on a # comment in a code block', () => {
		const body = `# Title\n\n\`\`\`bash\n# a comment\n\`\`\`\n\n${GOOD_BODY}`;
		expect(formatProblems(checkStructure(sample(body)))).toEqual([
			'sample.mdx:17: an h1 in the body: the page title is the only h1; use ## for sections',
		]);
	});
});
