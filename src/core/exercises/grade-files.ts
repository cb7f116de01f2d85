import { dockerfileGrader } from './grade-dockerfile.js';
import type { FileGrader } from './grade-core.js';
import { yamlGrader } from './grade-yaml.js';

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
