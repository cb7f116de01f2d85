import { isPip, packageCommand } from '../../dockerfile/packages.js';
import {
	allCommands,
	cacheMountTargets,
	hasOption,
	stageOf,
	stageLookup,
} from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'cache'>({
	id: 'docker/pip-no-cache-dir',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'info',
	description: '`pip install` does not keep its download cache in the image.',
	messages: {
		cache: '`{command}` keeps its download cache in the image, which makes it larger.',
	},
	hint: 'Add `--no-cache-dir`, or set `ENV PIP_NO_CACHE_DIR=1` once in the stage.',
	refs: { hadolint: 'DL3042' },
	check({ doc }) {
		const reports: Report<'cache'>[] = [];
		for (const site of allCommands(doc)) {
			const pip = packageCommand(site);
			if (!pip || (!isPip(pip.program) && pip.program !== 'pip') || pip.action !== 'install')
				continue;
			if (hasOption(pip.words, ['--no-cache-dir'])) continue;
			if (site.command.words.some((w) => w.value.startsWith('PIP_NO_CACHE_DIR='))) continue;
			if (cacheMountTargets(site.ins).some((t) => t.includes('.cache'))) continue;
			const stage = stageOf(doc, site.ins);
			if (stage && stageLookup(doc, stage)('PIP_NO_CACHE_DIR') !== undefined) continue;
			reports.push({
				messageId: 'cache',
				range: site.script.range(pip.start, pip.end),
				data: { command: `${pip.program} ${pip.action}` },
			});
		}
		return reports;
	},
});
