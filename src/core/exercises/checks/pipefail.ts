import { allRuns, type Script } from '../../dockerfile/run-scripts.js';
import { stageShell } from '../../dockerfile/queries.js';
import { effectiveCommand, programName, type ShellCommand } from '../../dockerfile/shell.js';
import type { DockerfileDoc, Instruction } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { fail, pass, type CheckResult } from './types.js';

/** Shells that know `set -o pipefail` (Debian's `sh` is dash, which does not). */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ksh', 'mksh', 'ash']);

/** Tells whether words hold `-o pipefail` (also grouped, as in `-euo pipefail`). */
function setsPipefail(words: readonly string[]): boolean {
	return words.some((word, i) => /^-[A-Za-z]*o$/.test(word) && words[i + 1] === 'pipefail');
}

/** The shell and its options that run a script of a RUN. */
function shellOf(doc: DockerfileDoc, ins: Instruction, script: Script): string[] {
	if (ins.exec && !script.heredoc) return ins.exec;
	if (script.heredoc) {
		// `RUN bash <<EOF` names its shell on the RUN line; a bare `RUN <<EOF` uses the stage's.
		const word = ins.args.find((arg) => !arg.raw.includes('<<'));
		if (word) return [word.value];
	}
	const stage = doc.stages[ins.stage];
	return (stage ? stageShell(doc, stage, ins) : null) ?? ['/bin/sh', '-c'];
}

/** Tells whether a command is `set … -o pipefail`. */
function isSetPipefail(command: ShellCommand): boolean {
	const program = effectiveCommand(command);
	if (!program || program.name !== 'set') return false;
	return setsPipefail(command.words.slice(program.at + 1).map((word) => word.value));
}

/** Checks that every RUN with a pipe runs with pipefail in a shell that supports it. */
export function checkPipefail(_check: CheckOf<'pipefail'>, doc: DockerfileDoc): CheckResult {
	for (const { ins, scripts } of allRuns(doc)) {
		for (const script of scripts) {
			const pipeAt = script.commands.findIndex((c) => c.op === '|' || c.op === '|&');
			const pipe = script.commands[pipeAt];
			if (!pipe) continue;
			const shell = shellOf(doc, ins, script);
			if (setsPipefail(shell)) continue;
			const program = programName(shell[0] ?? '');
			const bySet = script.commands.slice(0, pipeAt + 1).some(isSetPipefail);
			const where = script.range(pipe.opStart, pipe.opEnd);
			if (bySet && PIPEFAIL_SHELLS.has(program)) continue;
			return fail(
				bySet
					? `This RUN uses \`set -o pipefail\`, but it runs in ${program}, which does not support it: switch the SHELL to bash first.`
					: 'This RUN pipes one command into another without pipefail, so a failure on the left goes unnoticed.',
				where
			);
		}
	}
	return pass();
}
