import { isApt, packageCommand } from '../../dockerfile/packages.js';
import {
	allCommands,
	cacheMountTargets,
	finalLineage,
	type CommandSite,
} from '../../dockerfile/queries.js';
import { effectiveCommand } from '../../dockerfile/shell.js';
import type { DockerfileDoc, Instruction } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

/** Whether a command removes the apt lists (`rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean`). */
function cleansLists(site: CommandSite): boolean {
	const found = effectiveCommand(site.command);
	if (!found) return false;
	const rest = site.command.words.slice(found.at + 1).map((w) => w.value);
	if (found.name === 'rm') return rest.some((w) => w.startsWith('/var/lib/apt/lists'));
	return isApt(found.name) && rest.includes('dist-clean');
}

export default defineRule<DockerfileDoc, 'lists'>({
	id: 'docker/apt-lists-cleanup',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'info',
	description: 'A RUN that installs with apt removes the package lists in the same RUN.',
	messages: {
		lists: 'This RUN leaves the apt package lists (`/var/lib/apt/lists`) in the final image.',
	},
	hint: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*`; a later RUN cannot shrink the earlier layer.',
	refs: { hadolint: 'DL3009' },
	check({ doc }) {
		const final = new Set(finalLineage(doc).map((stage) => stage.index));
		const byRun = new Map<Instruction, CommandSite[]>();
		for (const site of allCommands(doc)) {
			if (!final.has(site.ins.stage)) continue;
			const list = byRun.get(site.ins);
			if (list) list.push(site);
			else byRun.set(site.ins, [site]);
		}
		const reports: Report<'lists'>[] = [];
		for (const [ins, sites] of byRun) {
			if (cacheMountTargets(ins).some((t) => t.startsWith('/var/lib/apt'))) continue;
			const first = sites.find((site) => {
				const apt = packageCommand(site);
				return (
					apt !== null &&
					isApt(apt.program) &&
					(apt.action === 'install' || apt.action === 'update')
				);
			});
			if (!first || sites.some(cleansLists)) continue;
			const apt = packageCommand(first);
			if (apt) reports.push({ messageId: 'lists', range: first.script.range(apt.start, apt.end) });
		}
		return reports;
	},
});
