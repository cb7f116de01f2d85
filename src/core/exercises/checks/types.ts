import type { Center } from '../../center.js';
import type { Range } from '../../types.js';

/** What one check concludes: pass or fail, where (1-based), and why it failed. */
export interface CheckResult {
	passed: boolean;
	range?: Range;
	/** A short explanation for a failure, in the learner's terms. */
	message?: string;
}

/** What every check may read besides the parsed file. */
export interface CheckEnv {
	center: Center;
	/** Read-only build-context files by relative path (e.g. `app.py`, `web/nginx-proxy.conf`). */
	context: Readonly<Record<string, string>>;
}

/** A passing result, with the range that satisfied the check when there is one. */
export function pass(range?: Range): CheckResult {
	return range ? { passed: true, range } : { passed: true };
}

/** A failing result with its reason and, when known, the place to look. */
export function fail(message: string, range?: Range): CheckResult {
	return range ? { passed: false, message, range } : { passed: false, message };
}
