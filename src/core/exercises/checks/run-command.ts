import { allCommands, type CommandSite } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { Range } from '../../types.js';
import type { CheckOf } from '../check-args.js';
import { compilePattern, matchPattern, matchWords } from '../pattern.js';
import { fallbackRange, selectStages } from './dockerfile-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** The words of a command as plain strings. */
function tokens(site: CommandSite): string[] {
	return site.command.words.map((word) => word.value);
}

/** Where a command sits in the file. */
function siteRange(site: CommandSite): Range {
	const words = site.command.words;
	const first = words[0];
	const last = words[words.length - 1];
	return first && last && last.end > first.start
		? site.script.range(first.start, last.end)
		: site.ins.range;
}

/** Tells whether a command matches one of the word lists. */
function matchesAny(site: CommandSite, lists: readonly (readonly string[])[]): boolean {
	const words = tokens(site);
	return lists.some((list) => matchWords(list, words) >= 0);
}

/** Shows a word list to a learner when every word is literal; patterns read poorly. */
function show(words: readonly string[]): string | null {
	return words.some((word) => compilePattern(word)) ? null : words.join(' ');
}

/** Explains what a selected command lacks, or returns null when it satisfies the check. */
function problem(
	check: CheckOf<'run-command'>,
	site: CommandSite,
	run: CommandSite[]
): string | null {
	const words = tokens(site);
	const text = `\`${words.join(' ')}\``;
	const missing = (check.with ?? []).filter((p) => !words.some((w) => matchPattern(p, w)));
	if (missing.length > 0) {
		const what = show(missing);
		return what ? `${text} lacks \`${what}\`.` : `${text} lacks an option this check asks for.`;
	}
	const at = run.indexOf(site);
	const { precededBy, followedBy } = check;
	if (precededBy && !run.slice(0, at).some((s) => matchWords(precededBy, tokens(s)) >= 0)) {
		const what = show(precededBy);
		return `${text} is not preceded by ${what ? `\`${what}\`` : 'the command this check asks for'} in the same RUN.`;
	}
	if (followedBy && !run.slice(at + 1).some((s) => matchWords(followedBy, tokens(s)) >= 0)) {
		const what = show(followedBy);
		return `${text} is not followed by ${what ? `\`${what}\`` : 'the command this check asks for'} in the same RUN.`;
	}
	return null;
}

/** Checks a shell command of the RUN instructions: present, absent, or constrained where present. */
export function checkRunCommand(check: CheckOf<'run-command'>, doc: DockerfileDoc): CheckResult {
	const indexes = new Set(selectStages(doc, check.stage).map((stage) => stage.index));
	const sites = allCommands(doc).filter((site) => indexes.has(site.ins.stage));
	const lists = (
		Array.isArray(check.command[0]) ? check.command : [check.command]
	) as readonly (readonly string[])[];
	const selected = sites.filter((site) => matchesAny(site, lists));
	const first = selected[0];
	if (check.present === 'forbidden') {
		return first
			? fail(`\`${tokens(first).join(' ')}\` must not run here.`, siteRange(first))
			: pass();
	}
	if (!first) {
		return check.present === 'required'
			? fail(
					lists.length === 1 && show(lists[0] ?? [])
						? `No RUN step runs \`${show(lists[0] ?? []) ?? ''}\`.`
						: 'No RUN step runs the command this check asks for.',
					fallbackRange(doc)
				)
			: pass();
	}
	for (const site of selected) {
		const run = sites.filter((other) => other.ins === site.ins);
		const why = problem(check, site, run);
		if (why) return fail(why, siteRange(site));
	}
	return pass(siteRange(first));
}
