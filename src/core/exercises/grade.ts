import { gradeFiles, type GradeOptions, type GradeResult } from './grade-core.js';
import { fileGrader } from './grade-files.js';
import { gradeTerminalExercise } from './grade-terminal.js';
import { substituteParams } from './params.js';
import type { Exercise } from './schema.js';

/**
 * Grading of every kind of exercise, for Node, tests and the staff tools. Browsers load only
 * what an exercise needs: `grade-dockerfile.ts`, `grade-yaml.ts` or `grade-terminal.ts`.
 */

export { substituteParams };
export { fileGrader } from './grade-files.js';
export {
	resolveParams,
	type CheckOutcome,
	type FileDiagnostic,
	type GradeOptions,
	type GradeResult,
} from './grade-core.js';

/**
 * Grades a learner's files against an exercise: its checks plus the validator's rules. A terminal
 * exercise's `commands.txt` is replayed in the simulated terminal over the context files instead.
 */
export function gradeExercise(
	exercise: Exercise,
	files: Readonly<Record<string, string>>,
	options: GradeOptions
): GradeResult {
	return exercise.terminal
		? gradeTerminalExercise(exercise, files, options)
		: gradeFiles(exercise, files, options, fileGrader);
}
