import { describe, expect, test } from 'vitest';
import { workerForExercise, workerForKind } from '../../../src/core/validate-requests.js';
import { exerciseIds, loadExercise } from './exercises/load-exercises.js';

describe('choosing a validation worker', () => {
	test('validates each kind in its own worker', () => {
		expect(workerForKind('dockerfile')).toBe('dockerfile');
		expect(workerForKind('compose')).toBe('yaml');
		expect(workerForKind('k8s')).toBe('yaml');
	});

	test('grades each exercise of the bank in the worker of its files', () => {
		const chosen = Object.fromEntries(
			exerciseIds().map((id) => [id, workerForExercise(loadExercise(id).exercise)])
		);
		expect(chosen['flask-image']).toBe('dockerfile');
		expect(chosen['two-service-stack']).toBe('yaml');
		expect(chosen['workload-ingress']).toBe('yaml');
		expect(chosen['capstone']).toBe('files');
		expect(chosen['ship-to-registry']).toBe('terminal');
		for (const id of exerciseIds()) {
			const { exercise } = loadExercise(id);
			const kinds = new Set(exercise.files.map((f) => f.kind));
			if (exercise.terminal) expect(chosen[id], id).toBe('terminal');
			else if (kinds.size === 1)
				expect(chosen[id], id).toBe(kinds.has('dockerfile') ? 'dockerfile' : 'yaml');
		}
	});
});
