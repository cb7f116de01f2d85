import { describe, expect, test } from 'vitest';
import { gradeDockerfileExercise } from '../../../src/core/exercises/grade-dockerfile.js';
import { ExerciseSchema } from '../../../src/core/exercises/schema.js';
import { CENTER } from '../../../src/core/validate-center.js';
import { validateDockerfile } from '../../../src/core/validate-dockerfile.js';
import { answerRequest, type WorkerHandlers } from '../../../src/core/validate-requests.js';

const dockerfileWorker: WorkerHandlers = {
	center: CENTER,
	kinds: ['dockerfile'],
	validate: (_kind, text, options) => validateDockerfile(text, options),
	grade: gradeDockerfileExercise,
};

const exercise = ExerciseSchema.parse({
	id: 'expose-port',
	title: 'Expose a port',
	chapter: 'l1-first-app',
	kind: 'dockerfile',
	task: 'Write a Dockerfile that exposes port 8080 for the web server inside the image.',
	files: [{ name: 'Dockerfile', kind: 'dockerfile' }],
	checks: [{ id: 'port', description: 'Port 8080 is exposed.', type: 'expose', port: 8080 }],
	hints: ['Use EXPOSE.', 'Write the port number.', 'EXPOSE 8080 does it.'],
});

describe('answerRequest', () => {
	test('validates a kind the worker knows and echoes the id', () => {
		const reply = answerRequest(
			{ id: 7, type: 'validate', kind: 'dockerfile', text: 'FROM nginx:latest\n' },
			dockerfileWorker
		);
		expect(reply.id).toBe(7);
		expect('diagnostics' in reply && reply.diagnostics.map((d) => d.ruleId)).toEqual([
			'spin/non-root-user',
			'docker/no-latest-tag',
		]);
	});

	test('answers a kind it does not know with an error, not a throw', () => {
		const reply = answerRequest(
			{ id: 8, type: 'validate', kind: 'k8s', text: 'kind: Pod\n' },
			dockerfileWorker
		);
		expect(reply).toEqual({ id: 8, error: 'This worker does not validate k8s files.' });
	});

	test('grades with the center facts and the given params', () => {
		const files = { Dockerfile: 'FROM python:3.12-slim\nUSER 1000\nEXPOSE 8080\n' };
		const reply = answerRequest(
			{ id: 9, type: 'grade', exercise, files, params: {}, context: {} },
			dockerfileWorker
		);
		expect('result' in reply && reply.result.checks.map((c) => [c.id, c.passed])).toEqual([
			['port', true],
		]);
	});

	test('turns a grader failure into an error reply', () => {
		const mixed = { ...exercise, files: [...exercise.files, { name: 'a.yaml', kind: 'k8s' }] };
		const reply = answerRequest(
			{
				id: 10,
				type: 'grade',
				exercise: mixed as typeof exercise,
				files: {},
				params: {},
				context: {},
			},
			dockerfileWorker
		);
		expect(reply).toEqual({ id: 10, error: 'Error: This grader cannot read k8s files.' });
		const noGrader = answerRequest(
			{ id: 11, type: 'grade', exercise, files: {}, params: {}, context: {} },
			{ center: CENTER, kinds: [] }
		);
		expect(noGrader).toEqual({ id: 11, error: 'This worker does not grade exercises.' });
	});
});
