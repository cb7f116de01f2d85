import { expandInStage, finalLineage, lastInLineage } from '../../dockerfile/queries.js';
import { finalStage } from '../../dockerfile/stages.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { fallbackRange } from './dockerfile-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks that the final stage's last USER is a numeric UID other than 0 (and equals a value). */
export function checkUser(check: CheckOf<'user'>, doc: DockerfileDoc): CheckResult {
	const stage = finalStage(doc.stages);
	const ins = stage ? lastInLineage(doc, stage, 'USER') : null;
	if (!stage || !ins) {
		return fail('The image has no USER instruction, so it runs as root.', fallbackRange(doc));
	}
	const owner = finalLineage(doc).find((s) => s.instructions.includes(ins)) ?? stage;
	const raw = ins.args[0]?.value ?? '';
	const value = expandInStage(doc, owner, raw) ?? raw;
	const [uid = '', gid] = value.split(':');
	if (!/^\d+$/.test(uid)) {
		return fail(`USER \`${value}\` is a name: use a numeric UID such as 10001.`, ins.range);
	}
	if (Number(uid) === 0) return fail('USER 0 is root.', ins.range);
	if (gid !== undefined && !/^\d+$/.test(gid)) {
		return fail(`The group \`${gid}\` is a name: use a numeric GID.`, ins.range);
	}
	if (check.equals !== undefined) {
		const same = check.equals.includes(':') ? value === check.equals : uid === check.equals;
		if (!same)
			return fail(`USER is \`${value}\`; this task asks for \`${check.equals}\`.`, ins.range);
	}
	return pass(ins.range);
}
