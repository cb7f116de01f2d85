import { packageCommand, packageNames } from '../../dockerfile/packages.js';
import { allCommands, type CommandSite } from '../../dockerfile/queries.js';
import { effectiveCommand } from '../../dockerfile/shell.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Range, type Report } from '../../types.js';

type MessageId = 'setcap' | 'setuid' | 'sudo';

const INSTALLERS = new Set(['install', 'add']);
/** A numeric mode with the setuid bit (4000), e.g. 4755 or 04755. */
const SETUID_NUMERIC = /^0?[4-7][0-7]{3}$/;
/** A symbolic mode giving `s` to the user: `u+s`, `+s`, `a+s`, `ug+rws` …. */
const SETUID_SYMBOLIC = /(^|,)([ugoa]*u[ugoa]*|a|)[+=][rwxXst]*s/;

/** Finds the privilege tool a command uses, with the word to point at. */
function finding(site: CommandSite): { id: MessageId; start: number; end: number } | null {
	const found = effectiveCommand(site.command);
	if (!found) return null;
	const words = site.command.words;
	const program = words[found.at];
	if (!program) return null;
	if (found.name === 'setcap') return { id: 'setcap', start: program.start, end: program.end };
	if (found.name === 'chmod') {
		const mode = words.slice(found.at + 1).find((w) => !w.value.startsWith('-'));
		if (mode && (SETUID_NUMERIC.test(mode.value) || SETUID_SYMBOLIC.test(mode.value))) {
			return { id: 'setuid', start: mode.start, end: mode.end };
		}
		return null;
	}
	const pkg = packageCommand(site);
	if (!pkg || !INSTALLERS.has(pkg.action)) return null;
	const sudo = packageNames(pkg).find((w) => /^sudo([=<>].*)?$/.test(w.value));
	return sudo ? { id: 'sudo', start: sudo.start, end: sudo.end } : null;
}

export default defineRule<DockerfileDoc, MessageId>({
	id: 'spin/no-privilege-tools',
	kind: 'dockerfile',
	family: 'spin',
	severity: 'warning',
	description: 'The image does not rely on file capabilities, setuid programs or sudo.',
	messages: {
		setcap: '`setcap` gives a program capabilities that Spin drops from every container.',
		setuid:
			'Mode `{mode}` sets the setuid bit, which gains nothing once Spin drops all capabilities and only gives an attacker more to try.',
		sudo: 'Installing `sudo` means the container expects to become root while it runs; on Spin a service runs as its own user.',
	},
	hint: 'Run the program as a non-root user on ports above 1024; it then needs no added capability, setuid bit or sudo.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const site of allCommands(doc)) {
			const hit = finding(site);
			if (!hit) continue;
			const range: Range = site.script.range(hit.start, hit.end);
			const mode = site.script.text.slice(hit.start, hit.end);
			reports.push({
				messageId: hit.id,
				range,
				...(hit.id === 'setuid' ? { data: { mode } } : {}),
			});
		}
		for (const ins of doc.instructions) {
			if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
			for (const flag of ins.flags) {
				if (flag.name !== 'chmod' || !flag.value) continue;
				if (!SETUID_NUMERIC.test(flag.value) && !SETUID_SYMBOLIC.test(flag.value)) continue;
				reports.push({
					messageId: 'setuid',
					range: flag.valueRange ?? flag.range,
					data: { mode: flag.value },
				});
			}
		}
		return reports;
	},
});
