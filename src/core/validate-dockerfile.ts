import { parseDockerfile } from './dockerfile/parse.js';
import { dockerfileRules } from './rules/dockerfile/index.js';
import type { Diagnostic } from './types.js';
import { validateWith, type ValidateOptions } from './validate-run.js';

export { VALIDATOR_VERSION, type ValidateOptions } from './validate-run.js';

/** Validates a Dockerfile; never throws, returns diagnostics sorted by position. */
export function validateDockerfile(text: string, options: ValidateOptions): Diagnostic[] {
	return validateWith('dockerfile', parseDockerfile, dockerfileRules, text, options);
}
