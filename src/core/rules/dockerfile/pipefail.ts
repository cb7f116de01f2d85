import { runScripts, type Script } from '../../dockerfile/run-scripts.js';
import { stageOf, stageShell } from '../../dockerfile/queries.js';
import { programIndex } from '../../dockerfile/shell.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Range, type Report } from '../../types.js';

const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;

/** Whether words set `-o pipefail` (`-o pipefail`, `-eo pipefail`, `-euxo pipefail` …). */
export function setsPipefail(words: readonly string[]): boolean {
	return words.some((word, i) => word === 'pipefail' && /^-[A-Za-z]*o$/.test(words[i - 1] ?? ''));
}

/** The first pipe of a script that runs before `set -o pipefail`, or `null`. */
export function unguardedPipe(script: Script): Range | null {
	for (const command of script.commands) {
		const words = command.words.map((w) => w.value);
		if (words[programIndex(command)] === 'set' && setsPipefail(words)) return null;
		if (command.op === '|' || command.op === '|&')
			return script.range(command.opStart, command.opEnd);
	}
	return null;
}

/** Every RUN with a pipe that is not guarded by `pipefail`, with the pipe's range. */
export function pipesWithoutPipefail(doc: DockerfileDoc): Range[] {
	const ranges: Range[] = [];
	for (const ins of doc.instructions) {
		if (ins.keyword !== 'RUN' || (ins.exec && !ins.exec.includes('-c'))) continue;
		const stage = stageOf(doc, ins);
		const shell = stage ? stageShell(doc, stage, ins) : null;
		if (shell && (NON_POSIX.test(shell[0] ?? '') || setsPipefail(shell))) continue;
		for (const script of runScripts(doc, ins)) {
			const pipe = unguardedPipe(script);
			if (pipe) {
				ranges.push(pipe);
				break;
			}
		}
	}
	return ranges;
}

export default defineRule<DockerfileDoc, 'pipe'>({
	id: 'docker/pipefail',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'info',
	description: 'A RUN with a pipe fails when any command of the pipe fails.',
	messages: {
		pipe: 'Only the last command of this pipe decides whether the RUN succeeds; a failure before `|` goes unnoticed.',
	},
	hint: 'Put `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, or start it with `set -o pipefail &&`.',
	refs: { hadolint: 'DL4006' },
	check({ doc }) {
		return pipesWithoutPipefail(doc).map((range): Report<'pipe'> => ({ messageId: 'pipe', range }));
	},
});
