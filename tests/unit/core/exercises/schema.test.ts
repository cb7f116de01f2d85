import { describe, expect, test } from 'vitest';
import { ExerciseSchema, type ExerciseInput } from '../../../../src/core/exercises/schema.js';

/** A small valid exercise to vary. */
/** The first check of the base exercise. */
function firstCheck(): NonNullable<ExerciseInput['checks']>[number] {
	const check = base().checks?.[0];
	if (!check) throw new Error('the base exercise has no check');
	return check;
}

function base(): ExerciseInput {
	return {
		id: 'tiny',
		title: 'A tiny exercise',
		chapter: 'l1-first-app',
		kind: 'dockerfile',
		task: 'Write a Dockerfile that runs as the numeric user {{uid}} and nothing else.',
		files: [{ name: 'Dockerfile', kind: 'dockerfile' }],
		params: { uid: { label: 'Your UID', pattern: '[1-9][0-9]{3,7}', example: '54321' } },
		checks: [
			{
				id: 'user-is-you',
				description: 'The last USER is {{uid}}.',
				type: 'user',
				equals: '{{uid}}',
			},
		],
		hints: ['Look at USER.', 'USER takes a number.', 'Write USER and your number.'],
	};
}

/** The messages of a failed parse. */
function problems(input: unknown): string[] {
	const result = ExerciseSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('ExerciseSchema', () => {
	test('accepts a valid exercise and fills defaults', () => {
		const parsed = ExerciseSchema.parse({
			...base(),
			params: undefined,
			task: 'Write a Dockerfile that runs as a numeric user and nothing else.',
			checks: [{ id: 'user', description: 'The last USER is numeric.', type: 'user' }],
			hints: ['one hint here', 'two hints here', 'three hints here'],
		});
		expect(parsed.params).toEqual({});
		const run = ExerciseSchema.parse({
			...base(),
			checks: [
				{
					id: 'pip',
					description: 'pip runs somewhere.',
					type: 'run-command',
					command: ['pip', 'install'],
				},
			],
		});
		expect(run.checks[0]).toMatchObject({ present: 'required', stage: 'final' });
	});
	test('rejects unknown keys, such as cases in the yaml', () => {
		expect(problems({ ...base(), cases: [] })).not.toEqual([]);
		expect(problems({ ...base(), checks: [{ ...firstCheck(), extra: 1 }] })).not.toEqual([]);
	});
	test('rejects an unknown chapter, kind or check type', () => {
		expect(problems({ ...base(), chapter: 'l4-extra' })).not.toEqual([]);
		expect(problems({ ...base(), kind: 'helm' })).not.toEqual([]);
		expect(
			problems({
				...base(),
				checks: [{ id: 'x', description: 'An unknown check.', type: 'magic' }],
			})
		).not.toEqual([]);
	});
	test('needs three hints and kebab-case check ids, each used once', () => {
		expect(problems({ ...base(), hints: ['one hint here', 'two hints here'] })).not.toEqual([]);
		expect(problems({ ...base(), checks: [{ ...firstCheck(), id: 'User_Is' }] })).not.toEqual([]);
		expect(problems({ ...base(), checks: [firstCheck(), firstCheck()] })).toContain(
			'check id user-is-you is used twice'
		);
	});
	test('needs declared params for every placeholder, with an example that fits', () => {
		expect(problems({ ...base(), params: {} })).toContain(
			'placeholder {{uid}} is not a declared param'
		);
		expect(
			problems({
				...base(),
				params: { uid: { label: 'Your UID', pattern: '[0-9]+', example: 'alice' } },
			})
		).toContain('the example must match the pattern');
	});
	test('needs each check to have exactly one file of its kind, or to name it', () => {
		const two = {
			...base(),
			kind: 'k8s',
			files: [
				{ name: 'Dockerfile', kind: 'dockerfile' },
				{ name: 'deploy.yaml', kind: 'k8s' },
			],
		};
		expect(problems(two)).toEqual([]);
		expect(
			problems({ ...two, files: [...two.files, { name: 'Dockerfile.web', kind: 'dockerfile' }] })
		).toContain('check user-is-you must name its file: several dockerfile files exist');
		expect(problems({ ...base(), checks: [{ ...firstCheck(), file: 'deploy.yaml' }] })).toContain(
			'check user-is-you reads deploy.yaml, which is not an exercise file'
		);
		expect(problems({ ...base(), kind: 'compose' })).toContain(
			'a compose exercise needs a compose file'
		);
	});
	test('rejects a /regex/ pattern that does not compile', () => {
		const bad = {
			id: 'img',
			description: 'The image is right.',
			type: 'compose-service',
			service: 'app',
			image: '/(/',
		};
		expect(
			problems({
				...base(),
				kind: 'compose',
				files: [{ name: 'docker-compose.yml', kind: 'compose' }],
				checks: [bad],
			})
		).toContain('a /regex/ pattern must compile');
	});
});
