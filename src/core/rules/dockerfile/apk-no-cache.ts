import { packageCommand } from '../../dockerfile/packages.js';
import { allCommands, cacheMountTargets, hasOption } from '../../dockerfile/queries.js';
import { effectiveCommand } from '../../dockerfile/shell.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'cache'>({
	id: 'docker/apk-no-cache',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'info',
	description:
		'`apk add` does not keep the package index in the image (`--no-network` installs add none).',
	messages: {
		cache: '`apk add` without `--no-cache` leaves the package index in `/var/cache/apk`.',
	},
	hint: 'Write `apk add --no-cache <packages>`.',
	refs: { hadolint: 'DL3019' },
	check({ doc }) {
		const sites = allCommands(doc);
		const cleaned = new Set(
			sites
				.filter((site) => {
					const found = effectiveCommand(site.command);
					const rest = site.command.words.slice((found?.at ?? 0) + 1);
					return found?.name === 'rm' && rest.some((w) => w.value.startsWith('/var/cache/apk'));
				})
				.map((site) => site.ins)
		);
		const reports: Report<'cache'>[] = [];
		for (const site of sites) {
			const apk = packageCommand(site);
			if (!apk || apk.program !== 'apk' || apk.action !== 'add') continue;
			if (hasOption(apk.words, ['--no-cache', '--no-network']) || cleaned.has(site.ins)) continue;
			if (cacheMountTargets(site.ins).some((t) => t.startsWith('/var/cache/apk'))) continue;
			reports.push({ messageId: 'cache', range: site.script.range(apk.start, apk.end) });
		}
		return reports;
	},
});
