import { describe, expect, test } from 'vitest';
import { gradeExercise } from '../../../../src/core/exercises/grade.js';
import { ExerciseSchema, type ExerciseInput } from '../../../../src/core/exercises/schema.js';
import { missingMessage, terminalOutcomes } from '../../../../src/core/exercises/terminal.js';
import { createState } from '../../../../src/core/sim/engine.js';
import { TerminalChecksSchema } from '../../../../src/core/sim/tasks.js';
import { loadCenter } from '../../helpers/center.js';

/** A small valid terminal exercise to vary. */
function base(): ExerciseInput {
	return {
		id: 'tiny-terminal',
		title: 'A tiny terminal task',
		chapter: 's2-running-services',
		kind: 'terminal',
		task: 'Create the namespace demo in the simulated cluster, then press Check.',
		files: [{ name: 'commands.txt', kind: 'commands' }],
		terminal: {
			checks: [
				{
					id: 'namespace',
					description: 'The namespace demo exists.',
					type: 'namespace-exists',
					name: 'demo',
				},
			],
		},
		hints: ['Namespaces are created.', 'kubectl creates them.', 'kubectl create namespace demo'],
	};
}

/** The messages of a failed parse. */
function problems(input: unknown): string[] {
	const result = ExerciseSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const center = loadCenter();

describe('terminal exercises in ExerciseSchema', () => {
	test('accept a terminal block, default its setup and need no file checks', () => {
		const parsed = ExerciseSchema.parse(base());
		expect(parsed.checks).toEqual([]);
		expect(parsed.terminal?.setup).toEqual([]);
		expect(parsed.terminal?.checks.map((c) => c.id)).toEqual(['namespace']);
	});

	test('need the terminal block, and only the commands.txt script as their file', () => {
		expect(problems({ ...base(), terminal: undefined })).toContain(
			'a terminal exercise needs a terminal block'
		);
		expect(problems({ ...base(), files: [] })).toContain(
			'a terminal exercise has one file, commands.txt, of kind commands'
		);
		expect(problems({ ...base(), files: [{ name: 'history.txt', kind: 'commands' }] })).toContain(
			'a terminal exercise has one file, commands.txt, of kind commands'
		);
		expect(
			problems({
				...base(),
				files: [...(base().files ?? []), { name: 'Dockerfile', kind: 'dockerfile' }],
			})
		).toContain('a terminal exercise has one file, commands.txt, of kind commands');
	});

	test('reject file checks in a terminal exercise', () => {
		expect(
			problems({
				...base(),
				checks: [{ id: 'user', description: 'The last USER is numeric.', type: 'user' }],
			})
		).toContain('a terminal exercise is checked by its terminal checks only');
	});

	test('keep file exercises as they were: checks needed, no terminal parts', () => {
		const dockerfile = {
			...base(),
			kind: 'dockerfile',
			files: [{ name: 'Dockerfile', kind: 'dockerfile' }],
			terminal: undefined,
			checks: [{ id: 'user', description: 'The last USER is numeric.', type: 'user' }],
		};
		expect(problems(dockerfile)).toEqual([]);
		expect(problems({ ...dockerfile, checks: [] })).toContain('a dockerfile exercise needs checks');
		expect(problems({ ...dockerfile, terminal: base().terminal })).toContain(
			'only a terminal exercise has a terminal block'
		);
		expect(
			problems({
				...dockerfile,
				files: [...dockerfile.files, { name: 'commands.txt', kind: 'commands' }],
			})
		).toContain('only a terminal exercise has a commands file');
	});

	test('reject bad terminal checks and undeclared placeholders in them', () => {
		const check = base().terminal?.checks[0];
		expect(problems({ ...base(), terminal: { checks: [] } })).not.toEqual([]);
		expect(
			problems({ ...base(), terminal: { checks: [{ ...check, type: 'magic' }] } })
		).not.toEqual([]);
		expect(problems({ ...base(), terminal: { checks: [check, check] } })).toContain(
			'check ids must be unique'
		);
		expect(problems({ ...base(), terminal: { checks: [{ ...check, name: '{{ns}}' }] } })).toContain(
			'placeholder {{ns}} is not a declared param'
		);
		expect(problems({ ...base(), terminal: { checks: [check], setup: [''] } })).not.toEqual([]);
		expect(problems({ ...base(), terminal: { checks: [check], extra: 1 } })).not.toEqual([]);
	});
});

describe('grading a terminal exercise', () => {
	test('fills declared params into the checks before replaying', () => {
		const exercise = ExerciseSchema.parse({
			...base(),
			task: 'Create the namespace {{ns}} in the simulated cluster, then press Check.',
			params: { ns: { label: 'Your namespace', pattern: '[a-z][a-z0-9-]*', example: 'demo' } },
			terminal: {
				checks: [
					{
						id: 'namespace',
						description: 'The namespace {{ns}} exists.',
						type: 'namespace-exists',
						name: '{{ns}}',
					},
				],
			},
		});
		const files = { 'commands.txt': 'kubectl create namespace alice-app\n' };
		expect(gradeExercise(exercise, files, { center }).passed).toBe(false);
		const mine = gradeExercise(exercise, files, { center, params: { ns: 'alice-app' } });
		expect(mine.passed).toBe(true);
		expect(mine.checks[0]?.description).toBe('The namespace alice-app exists.');
		const wrong = gradeExercise(exercise, files, { center, params: { ns: 'Bad Name' } });
		expect(wrong.checks.map((c) => [c.id, c.passed])).toEqual([
			['param-ns', false],
			['namespace', false],
		]);
	});

	test('runs setup commands before the script', () => {
		const exercise = ExerciseSchema.parse({
			...base(),
			terminal: { ...base().terminal, setup: ['kubectl create namespace demo'] },
		});
		expect(gradeExercise(exercise, { 'commands.txt': '' }, { center }).passed).toBe(true);
		expect(gradeExercise(exercise, {}, { center }).passed).toBe(true);
	});
});

describe('messages for missing terminal checks', () => {
	const checks = TerminalChecksSchema.parse([
		{ id: 'a', description: 'An image is built.', type: 'image-built', image: 'app:v1' },
		{ id: 'b', description: 'An image is pushed.', type: 'image-pushed', image: 'r/app:v1' },
		{ id: 'c', description: 'Someone logged in.', type: 'logged-in' },
		{ id: 'd', description: 'A container is running.', type: 'container-running' },
		{ id: 'e', description: 'A namespace exists.', type: 'namespace-exists', name: 'demo' },
		{
			id: 'f',
			description: 'A Service exists.',
			type: 'object-exists',
			kind: 'Service',
			name: 'web',
			namespace: 'demo',
		},
		{
			id: 'g',
			description: 'A Deployment is available.',
			type: 'deployment-available',
			name: 'web',
			image: 'r/app:v2',
		},
		{ id: 'h', description: 'A Deployment was rolled back.', type: 'rolled-back', name: 'web' },
	]);

	test('name what is missing', () => {
		expect(checks.map(missingMessage)).toEqual([
			'No local image is named app:v1.',
			'The registry holds no image r/app:v1.',
			'You are not logged in to a registry.',
			'No running container has all the properties asked for.',
			'There is no namespace demo.',
			'There is no Service web in namespace demo.',
			'Deployment web has no fully rolled-out revision running r/app:v2.',
			'Deployment web was not rolled back with kubectl rollout undo.',
		]);
	});

	test('appear only on failed outcomes', () => {
		const state = createState();
		const outcomes = terminalOutcomes(checks, state);
		expect(outcomes.every((o) => !o.passed && o.message !== undefined)).toBe(true);
		const namespace = TerminalChecksSchema.parse([
			{
				id: 'ns',
				description: 'The namespace default exists.',
				type: 'namespace-exists',
				name: 'default',
			},
		]);
		expect(terminalOutcomes(namespace, state)).toEqual([
			{
				id: 'ns',
				description: 'The namespace default exists.',
				passed: true,
				file: 'commands.txt',
			},
		]);
	});
});
