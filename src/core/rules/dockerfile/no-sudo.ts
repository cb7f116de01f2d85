import { allCommands } from '../../dockerfile/queries.js';
import { programIndex, programName } from '../../dockerfile/shell.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'sudo'>({
	id: 'docker/no-sudo',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: 'RUN commands do not use `sudo`.',
	messages: {
		sudo: '`sudo` is not needed during a build and is usually not installed in the image.',
	},
	hint: 'Run the command directly; switch users with the USER instruction where a step must not run as root.',
	refs: { hadolint: 'DL3004' },
	check({ doc }) {
		const reports: Report<'sudo'>[] = [];
		for (const { script, command } of allCommands(doc)) {
			const word = command.words[programIndex(command)];
			if (word && programName(word.value) === 'sudo') {
				reports.push({ messageId: 'sudo', range: script.range(word.start, word.end) });
			}
		}
		return reports;
	},
});
