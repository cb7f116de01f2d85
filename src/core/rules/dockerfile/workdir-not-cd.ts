import { allCommands } from '../../dockerfile/queries.js';
import { programIndex } from '../../dockerfile/shell.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'cd'>({
	id: 'docker/workdir-not-cd',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'info',
	description: 'A RUN does not start by changing directory; WORKDIR sets the directory.',
	messages: {
		cd: 'This RUN starts with `cd`, which lasts only for this RUN.',
	},
	hint: 'Set the directory with `WORKDIR /path` before the RUN; it also applies to later instructions.',
	refs: { hadolint: 'DL3003' },
	check({ doc }) {
		const reports: Report<'cd'>[] = [];
		const seen = new Set<unknown>();
		for (const { ins, script, command } of allCommands(doc)) {
			if (script.heredoc || seen.has(script)) continue;
			const word = command.words[programIndex(command)];
			if (!word || word.value === 'set') continue;
			seen.add(script);
			if (word.value === 'cd' && !ins.exec) {
				reports.push({ messageId: 'cd', range: script.range(word.start, word.end) });
			}
		}
		return reports;
	},
});
