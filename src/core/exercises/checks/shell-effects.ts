import type { Script } from '../../dockerfile/run-scripts.js';
import type { ShellCommand } from '../../dockerfile/shell.js';

/** What shell commands of a RUN do to files: output redirections, `echo` and `printf` text. */

/** A `>` or `>>` redirection of a command. */
export interface Redirect {
	append: boolean;
	target: string;
}

/** Reads a redirection target (possibly quoted) at `at`; returns it and the end index. */
function readTarget(text: string, at: number): [string, number] {
	let i = at;
	while (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
	let out = '';
	let quote = '';
	for (; i < text.length; i++) {
		const c = text.charAt(i);
		if (quote) {
			if (c === quote) quote = '';
			else out += c;
		} else if (c === '"' || c === "'") quote = c;
		else if (/[\s;&|<>()]/.test(c)) break;
		else out += c;
	}
	return [out, i];
}

/** The output redirections written in a piece of shell text (quotes respected, `2>&1` skipped). */
export function redirectsIn(text: string): Redirect[] {
	const out: Redirect[] = [];
	let quote = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charAt(i);
		if (quote) {
			if (c === quote) quote = '';
			else if (c === '\\' && quote === '"') i++;
			continue;
		}
		if (c === '"' || c === "'") quote = c;
		else if (c === '\\') i++;
		else if (c === '>') {
			const append = text.charAt(i + 1) === '>';
			const start = i + (append || text.charAt(i + 1) === '|' ? 2 : 1);
			if (text.charAt(start) === '&') continue;
			const [target, end] = readTarget(text, start);
			if (target !== '') out.push({ append, target });
			i = end - 1;
		}
	}
	return out;
}

/** The redirections of the command at `index` of a script. */
export function commandRedirects(script: Script, index: number): Redirect[] {
	const command = script.commands[index];
	if (!command) return [];
	const start = index === 0 ? 0 : (script.commands[index - 1]?.opEnd ?? 0);
	return redirectsIn(script.text.slice(start, command.opStart));
}

/** Expands backslash escapes as `echo -e` and `printf` do. */
function escapes(text: string): string {
	return text.replace(/\\([nt\\])/g, (_m, c: string) =>
		c === 'n' ? '\n' : c === 't' ? '\t' : '\\'
	);
}

/** The text an `echo` or `printf` command prints, or null for other commands. */
export function printedText(command: ShellCommand, at: number): string | null {
	const program = command.words[at]?.value;
	const args = command.words.slice(at + 1).map((word) => word.value);
	if (program === 'echo') {
		let newline = true;
		let interpret = false;
		while (/^-[neE]+$/.test(args[0] ?? '')) {
			const flags = args.shift() ?? '';
			if (flags.includes('n')) newline = false;
			if (flags.includes('e')) interpret = true;
		}
		const text = args.join(' ');
		return (interpret ? escapes(text) : text) + (newline ? '\n' : '');
	}
	if (program === 'printf') {
		const format = args.shift();
		if (format === undefined) return null;
		const filled = format.replace(/%[sd%]/g, (spec) =>
			spec === '%%' ? '%' : (args.shift() ?? '')
		);
		return escapes(filled);
	}
	return null;
}
