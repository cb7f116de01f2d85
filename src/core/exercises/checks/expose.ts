import { expandInStage, finalLineage } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { fallbackRange } from './dockerfile-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Reads the port numbers of an EXPOSE word such as `8080`, `8080/tcp` or `5000-5001`. */
function ports(word: string): number[] {
	const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(word.trim());
	if (!m) return [];
	const low = Number(m[1]);
	const high = m[2] === undefined ? low : Number(m[2]);
	return high >= low && high - low < 1000
		? Array.from({ length: high - low + 1 }, (_, i) => low + i)
		: [low];
}

/** Checks that the final stage exposes a given port, or a port above a bound. */
export function checkExpose(check: CheckOf<'expose'>, doc: DockerfileDoc): CheckResult {
	const wanted = (port: number): boolean =>
		(check.port === undefined || port === check.port) &&
		(check.above === undefined || port > check.above);
	let last = null;
	for (const stage of finalLineage(doc)) {
		for (const ins of stage.instructions.filter((i) => i.keyword === 'EXPOSE')) {
			last ??= ins;
			for (const arg of ins.args) {
				const text = expandInStage(doc, stage, arg.value) ?? arg.value;
				if (ports(text).some(wanted)) return pass(arg.range);
			}
		}
	}
	const what = check.port !== undefined ? `port ${check.port}` : `a port above ${check.above ?? 0}`;
	return fail(`No EXPOSE instruction declares ${what}.`, last?.range ?? fallbackRange(doc));
}
