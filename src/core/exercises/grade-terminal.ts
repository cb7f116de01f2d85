import {
	paramOutcomes,
	resolveParams,
	substituteDeep,
	type GradeOptions,
	type GradeResult,
} from './grade-core.js';
import type { Exercise } from './schema.js';
import { COMMANDS_FILE, gradeScript } from './terminal.js';

/** Grades a terminal exercise: its `commands.txt` is replayed in the simulated terminal. */
export function gradeTerminalExercise(
	exercise: Exercise,
	files: Readonly<Record<string, string>>,
	options: GradeOptions
): GradeResult {
	if (!exercise.terminal) throw new Error(`Exercise ${exercise.id} is not a terminal exercise.`);
	const { values, invalid } = resolveParams(exercise, options.params);
	const task = substituteDeep(exercise.terminal, values);
	const replay = { center: options.center, files: options.context ?? {}, params: values };
	const checks = [
		...paramOutcomes(exercise, invalid),
		...gradeScript(task, files[COMMANDS_FILE] ?? '', replay),
	];
	return { passed: checks.every((c) => c.passed), checks, diagnostics: [], errors: 0 };
}
