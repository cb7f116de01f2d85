import type { DockerfileDoc, Instruction } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

/** Whether a RUN is a plain shell-form command that could be joined to another. */
function plain(ins: Instruction | undefined): boolean {
	return ins?.keyword === 'RUN' && !ins.exec && ins.flags.length === 0 && ins.heredocs.length === 0;
}

export default defineRule<DockerfileDoc, 'merge'>({
	id: 'docker/merge-runs',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'info',
	description: 'Consecutive RUN instructions are joined into one.',
	messages: {
		merge: 'This RUN follows another RUN; each one adds a layer to the image.',
	},
	hint: 'Join the commands with `&&` in one RUN, so that clean-up in the same RUN really shrinks the image.',
	check({ doc }) {
		const reports: Report<'merge'>[] = [];
		doc.instructions.forEach((ins, i) => {
			const previous = doc.instructions[i - 1];
			if (plain(ins) && plain(previous) && previous?.stage === ins.stage) {
				reports.push({ messageId: 'merge', range: ins.keywordRange });
			}
		});
		return reports;
	},
});
