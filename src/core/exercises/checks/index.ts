import type { Check } from '../check-args.js';
import { dockerfileCheck } from './dockerfile.js';
import { runCheckWith, type ParsedFile } from './run.js';
import type { CheckEnv, CheckResult } from './types.js';
import { yamlCheck } from './yaml.js';

export type { CheckEnv, CheckResult } from './types.js';
export { runCheckWith, type CheckRunner, type ParsedFile } from './run.js';
export { dockerfileCheck } from './dockerfile.js';
export { yamlCheck } from './yaml.js';

/** Runs one check over its parsed file; never throws (a crash is a failed check). */
export function runCheck(check: Check, file: ParsedFile, env: CheckEnv): CheckResult {
	return runCheckWith(check, file, env, (c, f, e) =>
		f.kind === 'dockerfile' ? dockerfileCheck(c, f.doc, e) : yamlCheck(c, f.doc, e)
	);
}
