import { parseDockerfile } from '../dockerfile/parse.js';
import { validateDockerfile } from '../validate-dockerfile.js';
import { dockerfileCheck } from './checks/dockerfile.js';
import { runCheckWith } from './checks/run.js';
import { gradeFiles, type FileGrader, type GradeOptions, type GradeResult } from './grade-core.js';
import type { Exercise } from './schema.js';

/** Grading of Dockerfiles: parser, validator and the Dockerfile checks. */
export const dockerfileGrader: FileGrader = {
	kinds: ['dockerfile'],
	parse: (_kind, text) => ({ kind: 'dockerfile', doc: parseDockerfile(text) }),
	validate: (_kind, text, options) => validateDockerfile(text, options),
	check: (check, file, env) =>
		runCheckWith(check, file, env, (c, f, e) =>
			f.kind === 'dockerfile' ? dockerfileCheck(c, f.doc, e) : null
		),
};

/** Grades an exercise whose files are all Dockerfiles. */
export function gradeDockerfileExercise(
	exercise: Exercise,
	files: Readonly<Record<string, string>>,
	options: GradeOptions
): GradeResult {
	return gradeFiles(exercise, files, options, dockerfileGrader);
}
