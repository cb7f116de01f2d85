import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { fallbackRange, finalInstructions, ImagePaths, normalizePath } from './dockerfile-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks the working directory the final stage ends with. */
export function checkWorkdir(check: CheckOf<'workdir'>, doc: DockerfileDoc): CheckResult {
	const paths = new ImagePaths();
	let last = null;
	for (const ins of finalInstructions(doc)) {
		if (ins.keyword !== 'WORKDIR' || !ins.args[0]) continue;
		paths.workdir(ins.args[0].value);
		last = ins;
	}
	const want = normalizePath(check.path);
	if (!last) return fail(`No WORKDIR is set; the task asks for ${want}.`, fallbackRange(doc));
	if (paths.cwd !== want) {
		return fail(`The working directory ends up as ${paths.cwd}, not ${want}.`, last.range);
	}
	return pass(last.range);
}
