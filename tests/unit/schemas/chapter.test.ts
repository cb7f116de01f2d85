import { describe, expect, test } from 'vitest';
import { ChapterSchema, type ChapterInput } from '../../../src/schemas/chapter.js';

const valid: ChapterInput = {
	title: 'Meet Spin',
	kind: 'session',
	order: 1,
	summary: 'What Spin is, which services fit it, and how it keeps them safe.',
	questions: ['What is Spin?'],
	objectives: ['Describe what Spin runs.'],
	keypoints: ['Spin runs containers.'],
	teaching: 40,
	exercises: 15,
	videos: ['spin-overview'],
	exerciseIds: ['security-first-look'],
};

/** Returns the first error message of a failed parse, path first. */
function firstError(input: unknown): string {
	const result = ChapterSchema.safeParse(input);
	if (result.success) return 'no error';
	const issue = result.error.issues[0];
	return `${issue?.path.join('.')}: ${issue?.message}`;
}

describe('ChapterSchema', () => {
	test('accepts a complete chapter', () => {
		expect(ChapterSchema.parse(valid)).toEqual(valid);
	});

	test('fills in empty videos and exercises', () => {
		const { videos: _v, exerciseIds: _e, ...rest } = valid;
		expect(ChapterSchema.parse(rest)).toMatchObject({ videos: [], exerciseIds: [] });
	});

	test('throws on a misspelt field, naming it', () => {
		expect(firstError({ ...valid, objectivs: ['x'] })).toMatchInlineSnapshot(
			`": Unrecognized key(s) in object: 'objectivs'"`
		);
	});

	test('throws on an unknown kind', () => {
		expect(firstError({ ...valid, kind: 'workshop' })).toMatchInlineSnapshot(
			`"kind: Invalid enum value. Expected 'session' | 'lesson', received 'workshop'"`
		);
	});

	test('throws when the order is outside the six chapters', () => {
		expect(firstError({ ...valid, order: 7 })).toMatchInlineSnapshot(
			`"order: Number must be less than or equal to 6"`
		);
	});

	test('throws when minutes are missing', () => {
		const { teaching: _t, ...rest } = valid;
		expect(firstError(rest)).toMatchInlineSnapshot(`"teaching: Required"`);
	});

	test('throws on an exercise id that is not kebab-case', () => {
		expect(firstError({ ...valid, exerciseIds: ['Flask Image'] })).toMatchInlineSnapshot(
			`"exerciseIds.0: Invalid"`
		);
	});
});
