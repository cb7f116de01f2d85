import type { CommandSite } from './queries.js';
import { effectiveCommand, type ShellWord } from './shell.js';

/**
 * Package-manager commands in RUN instructions: `apt-get install`, `pip install`, `apk add` ….
 * A match gives the words after the subcommand and the span from the program to the subcommand.
 */
export interface PackageCommand {
	/** The program, e.g. `apt-get` or `pip3`. */
	program: string;
	/** The subcommand, e.g. `install`. */
	action: string;
	/** Every word after the program (options and packages). */
	words: ShellWord[];
	/** Offsets in the script, from the program to the subcommand. */
	start: number;
	end: number;
}

const PIP = /^pip[0-9.]*$/;
const PYTHON = /^python[0-9.]*$/;

/** Finds the subcommand: the first word after `from` that is not an option. */
function subcommand(words: readonly ShellWord[], from: number): number {
	for (let i = from; i < words.length; i++) {
		const value = words[i]?.value ?? '';
		if (value === '-o' || value === '-c') {
			i++;
			continue;
		}
		if (!value.startsWith('-')) return i;
	}
	return -1;
}

const cache = new WeakMap<CommandSite, PackageCommand | null>();

/** Reads a command as a package-manager command, or returns `null` (cached per command). */
export function packageCommand(site: CommandSite): PackageCommand | null {
	let known = cache.get(site);
	if (known === undefined) {
		known = readPackageCommand(site);
		cache.set(site, known);
	}
	return known;
}

/** Reads a command as a package-manager command. */
function readPackageCommand(site: CommandSite): PackageCommand | null {
	const found = effectiveCommand(site.command);
	if (!found) return null;
	const words = site.command.words;
	let programAt = found.at;
	let program = found.name;
	if (PYTHON.test(program)) {
		const m = words.findIndex((w, i) => i > programAt && w.value === '-m');
		if (m < 0 || words[m + 1]?.value !== 'pip') return null;
		programAt = m + 1;
		program = 'pip';
	}
	const at = subcommand(words, programAt + 1);
	const first = words[programAt];
	const action = words[at];
	if (at < 0 || !first || !action) return null;
	return {
		program,
		action: action.value,
		words: words.slice(programAt + 1),
		start: first.start,
		end: action.end,
	};
}

/** Whether a program name is pip. */
export function isPip(program: string): boolean {
	return PIP.test(program);
}

/** Whether a program name is apt-get or apt. */
export function isApt(program: string): boolean {
	return program === 'apt-get' || program === 'apt';
}

/** Package names of an install command: the words after the subcommand that are not options. */
export function packageNames(command: PackageCommand): ShellWord[] {
	const at = command.words.findIndex((w) => w.value === command.action);
	return command.words.slice(at + 1).filter((w) => !w.value.startsWith('-'));
}
