import { isApt, packageCommand } from '../../dockerfile/packages.js';
import { allCommands, hasOption } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

const QUIET_TWICE = /^-[a-z]*q[a-z]*q/;
const ASSUME_YES = /^(-o)?APT::Get::Assume-Yes=(true|yes|1)$/i;

export default defineRule<DockerfileDoc, 'noYes'>({
	id: 'docker/apt-get-yes',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: '`apt-get install` answers its prompt with `-y`.',
	messages: {
		noYes:
			'`{command}` without `-y` stops at its "Do you want to continue?" prompt whenever it needs more packages, and the build fails there.',
	},
	hint: 'Write `apt-get install -y --no-install-recommends <packages>`.',
	refs: { hadolint: 'DL3014' },
	check({ doc }) {
		const reports: Report<'noYes'>[] = [];
		for (const site of allCommands(doc)) {
			const apt = packageCommand(site);
			if (!apt || !isApt(apt.program) || apt.action !== 'install') continue;
			const { words } = apt;
			if (hasOption(words, ['--yes', '--assume-yes', '--force-yes'], 'y')) continue;
			if (hasOption(words, ['--simulate', '--dry-run', '--just-print', '--no-act', '--recon'], 's'))
				continue;
			if (
				words.some(
					(w) => QUIET_TWICE.test(w.value) || w.value === '--quiet=2' || w.value === '-q=2'
				)
			)
				continue;
			if (words.some((w) => ASSUME_YES.test(w.value))) continue;
			reports.push({
				messageId: 'noYes',
				range: site.script.range(apt.start, apt.end),
				data: { command: `${apt.program} ${apt.action}` },
			});
		}
		return reports;
	},
});
