import { finalStage } from '../../dockerfile/stages.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { fallbackRange } from './dockerfile-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks how many times an instruction appears, in the final stage or in the whole file. */
export function checkInstructionCount(
	check: CheckOf<'instruction-count'>,
	doc: DockerfileDoc
): CheckResult {
	const final = finalStage(doc.stages);
	const scope =
		check.stage === 'final' ? (final ? [final.from, ...final.instructions] : []) : doc.instructions;
	const found = scope.filter((ins) => ins.keyword === check.instruction);
	if (check.max !== undefined && found.length > check.max) {
		const extra = found[check.max];
		return fail(
			check.max === 0
				? `Replace ${check.instruction}: this task allows none.`
				: `${check.instruction} appears ${found.length} times; at most ${check.max} allowed.`,
			extra?.range ?? fallbackRange(doc)
		);
	}
	if (check.min !== undefined && found.length < check.min) {
		return fail(
			`${check.instruction} appears ${found.length} time${found.length === 1 ? '' : 's'}; at least ${check.min} needed.`,
			found[found.length - 1]?.range ?? fallbackRange(doc)
		);
	}
	return pass(found[0]?.range);
}
