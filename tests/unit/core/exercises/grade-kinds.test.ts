import { describe, expect, test } from 'vitest';
import { gradeDockerfileExercise } from '../../../../src/core/exercises/grade-dockerfile.js';
import { fileKinds } from '../../../../src/core/exercises/grade-core.js';
import { gradeTerminalExercise } from '../../../../src/core/exercises/grade-terminal.js';
import { gradeYamlExercise } from '../../../../src/core/exercises/grade-yaml.js';
import { gradeExercise } from '../../../../src/core/exercises/grade.js';
import { CENTER } from '../../../../src/core/validate-center.js';
import { loadCenter } from '../../helpers/center.js';
import { exerciseIds, loadExercise } from './load-exercises.js';

const center = loadCenter();
const bank = exerciseIds().map(loadExercise);

/** The grader a browser worker uses for an exercise, or null for one that mixes kinds. */
function kindGrader(kinds: string[], terminal: boolean) {
	if (terminal) return gradeTerminalExercise;
	if (kinds.every((k) => k === 'dockerfile')) return gradeDockerfileExercise;
	if (kinds.every((k) => k === 'compose' || k === 'k8s')) return gradeYamlExercise;
	return null;
}

describe('graders by kind', () => {
	test('the bank has Dockerfile, YAML, mixed and terminal exercises', () => {
		const kinds = bank.map(({ exercise }) =>
			exercise.terminal ? 'terminal' : fileKinds(exercise).join('+')
		);
		expect(new Set(kinds)).toEqual(
			new Set(['dockerfile', 'compose', 'k8s', 'dockerfile+k8s', 'terminal'])
		);
	});

	test('grade every starter, solution and case as gradeExercise does', () => {
		let graded = 0;
		for (const { exercise, starter, solution, context, cases } of bank) {
			const grade = kindGrader(fileKinds(exercise), exercise.terminal !== undefined);
			if (!grade) continue;
			const attempts = [
				{ files: starter, params: undefined },
				{ files: solution, params: undefined },
				...cases.map((c) => ({ files: { ...starter, ...c.files }, params: c.params })),
			];
			for (const { files, params } of attempts) {
				const options = { center, context, ...(params ? { params } : {}) };
				const ours = grade(exercise, files, { ...options, center: CENTER });
				expect(ours, exercise.id).toEqual(gradeExercise(exercise, files, options));
				graded++;
			}
		}
		expect(graded).toBeGreaterThan(40);
	}, 120_000);

	test('refuse exercises with files of another kind', () => {
		const mixed = bank.find(({ exercise }) => fileKinds(exercise).length > 1);
		expect(mixed).toBeDefined();
		if (!mixed) return;
		expect(() => gradeDockerfileExercise(mixed.exercise, mixed.solution, { center })).toThrow(
			/cannot read k8s files/
		);
		expect(() => gradeYamlExercise(mixed.exercise, mixed.solution, { center })).toThrow(
			/cannot read dockerfile files/
		);
		const file = bank.find(({ exercise }) => !exercise.terminal);
		if (file) expect(() => gradeTerminalExercise(file.exercise, {}, { center })).toThrow();
	});
});
