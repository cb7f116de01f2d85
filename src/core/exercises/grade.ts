import { dockerfileGrader } from './grade-dockerfile.js';
import { gradeFiles, type FileGrader, type GradeOptions, type GradeResult } from './grade-core.js';
import { gradeTerminalExercise } from './grade-terminal.js';
import { yamlGrader } from './grade-yaml.js';
import { substituteParams } from './params.js';
import type { Exercise } from './schema.js';

/**
 * Grading of every kind of exercise, for Node, tests and the staff tools. Browsers load only
 * what an exercise needs: `grade-dockerfile.ts`, `grade-yaml.ts` or `grade-terminal.ts`.
 */

export { substituteParams };
export {
	resolveParams,
	type CheckOutcome,
	type FileDiagnostic,
	type GradeOptions,
	type GradeResult,
} from './grade-core.js';

/** Grading of every kind of file. */
export const fileGrader: FileGrader = {
	kinds: ['dockerfile', 'compose', 'k8s'],
	parse: (kind, text) =>
		kind === 'dockerfile' ? dockerfileGrader.parse(kind, text) : yamlGrader.parse(kind, text),
	validate: (kind, text, options) =>
		kind === 'dockerfile'
			? dockerfileGrader.validate(kind, text, options)
			: yamlGrader.validate(kind, text, options),
	check: (check, file, env) =>
		file.kind === 'dockerfile'
			? dockerfileGrader.check(check, file, env)
			: yamlGrader.check(check, file, env),
};

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
