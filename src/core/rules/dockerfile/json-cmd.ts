import { lineRange } from '../../dockerfile/instruction.js';
import { stageOf, stageShell } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'shellForm'>({
	id: 'docker/json-cmd',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: 'CMD and ENTRYPOINT are written in JSON (exec) form.',
	messages: {
		shellForm:
			'{keyword} is in shell form, so the program runs under `/bin/sh -c` and does not receive stop signals.',
	},
	hint: 'Write it as a JSON array, e.g. `CMD ["python", "app.py"]`, so the program is PID 1 and stops cleanly.',
	refs: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' },
	check({ doc }) {
		const reports: Report<'shellForm'>[] = [];
		for (const ins of doc.instructions) {
			if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
			if (ins.exec || ins.argsText.trim() === '') continue;
			const stage = stageOf(doc, ins);
			if (stage && stageShell(doc, stage, ins)) continue;
			const range = lineRange(doc, ins.line, ins.argsStart, ins.argsStart + ins.argsText.length);
			reports.push({ messageId: 'shellForm', range, data: { keyword: ins.keyword } });
		}
		return reports;
	},
});
