import { describe, expect, test } from 'vitest';
import {
	gradeExercise,
	resolveParams,
	substituteParams,
} from '../../../../src/core/exercises/grade.js';
import { ExerciseSchema } from '../../../../src/core/exercises/schema.js';
import { loadCenter } from '../../helpers/center.js';
import { lines } from './check-helpers.js';

const center = loadCenter();

const exercise = ExerciseSchema.parse({
	id: 'graded',
	title: 'Graded exercise',
	chapter: 'l3-managing-services',
	kind: 'k8s',
	task: 'Write an image that runs as {{uid}} and a manifest, to exercise the grading engine.',
	files: [
		{ name: 'Dockerfile', kind: 'dockerfile' },
		{ name: 'deploy.yaml', kind: 'k8s' },
	],
	params: { uid: { label: 'Your UID', pattern: '[1-9][0-9]{3,7}', example: '54321' } },
	checks: [
		{
			id: 'user-is-you',
			description: 'The image runs as {{uid}}.',
			type: 'user',
			equals: '{{uid}}',
		},
		{
			id: 'has-deployment',
			description: 'There is a Deployment.',
			type: 'k8s-object',
			kind: 'Deployment',
		},
	],
	hints: ['first hint text', 'second hint text', 'third hint text'],
});

const deployment = lines(
	'apiVersion: apps/v1',
	'kind: Deployment',
	'metadata: {name: web, namespace: demo}',
	'spec:',
	'  selector: {matchLabels: {app: web}}',
	'  template:',
	'    metadata: {labels: {app: web}}',
	'    spec:',
	'      containers:',
	'        - name: web',
	'          image: registry.nersc.gov/m1234/alice/web:v1',
	'          securityContext: {capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false}'
);

describe('substituteParams', () => {
	test('fills known placeholders and leaves the others', () => {
		expect(substituteParams('USER {{uid}}:{{ gid }} {{other}}', { uid: '1', gid: '2' })).toBe(
			'USER 1:2 {{other}}'
		);
	});
});

describe('resolveParams', () => {
	test('uses examples for missing values and reports invalid ones', () => {
		expect(resolveParams(exercise, {})).toEqual({ values: { uid: '54321' }, invalid: [] });
		expect(resolveParams(exercise, { uid: ' 70001 ' })).toEqual({
			values: { uid: '70001' },
			invalid: [],
		});
		expect(resolveParams(exercise, { uid: '0' })).toEqual({
			values: { uid: '54321' },
			invalid: ['uid'],
		});
	});
});

describe('gradeExercise', () => {
	test('passes when every check passes and no file has an error', () => {
		const result = gradeExercise(
			exercise,
			{ Dockerfile: lines('FROM python:3.12-slim', 'USER 70001'), 'deploy.yaml': deployment },
			{ center, params: { uid: '70001' } }
		);
		expect(result.checks.map((c) => [c.id, c.passed, c.file])).toEqual([
			['user-is-you', true, 'Dockerfile'],
			['has-deployment', true, 'deploy.yaml'],
		]);
		expect(result.checks[0]?.description).toBe('The image runs as 70001.');
		expect(result.errors).toBe(0);
		expect(result.passed).toBe(true);
	});
	test('fails on an error diagnostic even when the checks pass, and tags findings with their file', () => {
		const unsafe = deployment.replace('drop: [ALL]', 'drop: []');
		const result = gradeExercise(
			exercise,
			{ Dockerfile: lines('FROM python:3.12-slim', 'USER 54321'), 'deploy.yaml': unsafe },
			{ center }
		);
		expect(result.checks.every((c) => c.passed)).toBe(true);
		expect(result.errors).toBeGreaterThan(0);
		expect(result.diagnostics.some((d) => d.file === 'deploy.yaml' && d.severity === 'error')).toBe(
			true
		);
		expect(result.passed).toBe(false);
	});
	test('reports a failing check with a range and a message', () => {
		const result = gradeExercise(
			exercise,
			{ Dockerfile: lines('FROM python:3.12-slim', 'USER 1000'), 'deploy.yaml': deployment },
			{ center }
		);
		const user = result.checks.find((c) => c.id === 'user-is-you');
		expect(user?.passed).toBe(false);
		expect(user?.range?.start.line).toBe(2);
		expect(user?.message).toContain('54321');
	});
	test('grades missing files as empty and an invalid param as a failed check', () => {
		const result = gradeExercise(exercise, {}, { center, params: { uid: 'root' } });
		expect(result.passed).toBe(false);
		expect(result.checks[0]).toMatchObject({ id: 'param-uid', passed: false });
		expect(result.checks.filter((c) => !c.passed).length).toBe(3);
	});
	test('is deterministic', () => {
		const files = {
			Dockerfile: lines('FROM python:3.12-slim', 'USER 54321'),
			'deploy.yaml': deployment,
		};
		expect(gradeExercise(exercise, files, { center })).toEqual(
			gradeExercise(exercise, files, { center })
		);
	});
});
