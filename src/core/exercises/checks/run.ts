import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { YamlDoc } from '../../yaml/parse.js';
import type { Check } from '../check-args.js';
import { fail, type CheckEnv, type CheckResult } from './types.js';

/** A parsed exercise file, tagged with how it was parsed. */
export type ParsedFile =
	{ kind: 'dockerfile'; doc: DockerfileDoc } | { kind: 'compose' | 'k8s'; doc: YamlDoc };

/** Runs one check over a parsed file; `null` when the check does not apply to that file. */
export type CheckRunner = (check: Check, file: ParsedFile, env: CheckEnv) => CheckResult | null;

const START = { line: 1, column: 1 };

/** Runs one check over its parsed file with a runner; never throws (a crash is a failed check). */
export function runCheckWith(
	check: Check,
	file: ParsedFile,
	env: CheckEnv,
	runner: CheckRunner
): CheckResult {
	try {
		if (file.kind === 'dockerfile' && file.doc.failure !== null) {
			return fail('The Dockerfile could not be read.', { start: START, end: START });
		}
		if (file.kind !== 'dockerfile' && file.doc.errors.length > 0) {
			return fail('The file is not valid YAML yet.', file.doc.errors[0]?.range);
		}
		return (
			runner(check, file, env) ??
			fail(`The check ${check.id} does not apply to a ${file.kind} file.`)
		);
	} catch (error) {
		return fail(`The check could not run on this text (${String(error)}).`);
	}
}
