import { finalInstructions } from './dockerfile-util.js';
import type { DockerfileDoc, Instruction } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { matchWords } from '../pattern.js';
import { fallbackRange } from './dockerfile-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Finds the ENTRYPOINT and CMD in force at the end of the final stage. */
function startInstructions(doc: DockerfileDoc): {
	entry: Instruction | null;
	cmd: Instruction | null;
} {
	let entry: Instruction | null = null;
	let cmd: Instruction | null = null;
	for (const ins of finalInstructions(doc)) {
		if (ins.keyword === 'ENTRYPOINT') {
			entry = ins;
			cmd = null;
		} else if (ins.keyword === 'CMD') {
			cmd = ins;
		}
	}
	return { entry, cmd };
}

/** Checks that ENTRYPOINT and CMD are in exec form and together contain the given words. */
export function checkCommand(check: CheckOf<'command'>, doc: DockerfileDoc): CheckResult {
	const { entry, cmd } = startInstructions(doc);
	const last = cmd ?? entry;
	if (!last) return fail('The image sets no CMD or ENTRYPOINT.', fallbackRange(doc));
	for (const ins of [entry, cmd]) {
		if (ins && !ins.exec) {
			return fail(
				`${ins.keyword} is in shell form: write it as a JSON list such as ["python", "app.py"].`,
				ins.range
			);
		}
	}
	const words = [...(entry?.exec ?? []), ...(cmd?.exec ?? [])];
	if (check.words && check.words.length > 0 && matchWords(check.words, words) < 0) {
		return fail(
			`The container starts \`${words.join(' ')}\`, which is not what the task asks for.`,
			last.range
		);
	}
	return pass(last.range);
}
