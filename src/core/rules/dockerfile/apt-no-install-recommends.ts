import { isApt, packageCommand } from '../../dockerfile/packages.js';
import { allCommands, hasOption } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

const NO_RECOMMENDS = /^(-o)?APT::Install-Recommends=(false|no|0)$/i;

export default defineRule<DockerfileDoc, 'recommends'>({
	id: 'docker/apt-no-install-recommends',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'info',
	description: '`apt-get install` skips recommended packages.',
	messages: {
		recommends:
			'`{command}` also installs every recommended package, which makes the image larger.',
	},
	hint: 'Add `--no-install-recommends` and list the packages you really need.',
	refs: { hadolint: 'DL3015' },
	check({ doc }) {
		const reports: Report<'recommends'>[] = [];
		for (const site of allCommands(doc)) {
			const apt = packageCommand(site);
			if (!apt || !isApt(apt.program) || apt.action !== 'install') continue;
			if (hasOption(apt.words, ['--no-install-recommends'])) continue;
			if (
				hasOption(
					apt.words,
					['--simulate', '--dry-run', '--just-print', '--no-act', '--recon'],
					's'
				)
			)
				continue;
			if (apt.words.some((w) => NO_RECOMMENDS.test(w.value))) continue;
			reports.push({
				messageId: 'recommends',
				range: site.script.range(apt.start, apt.end),
				data: { command: `${apt.program} ${apt.action}` },
			});
		}
		return reports;
	},
});
