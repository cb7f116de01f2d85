import { shellTokens } from './shell-tokens.js';

/**
 * Splitting shell text into commands with `shell-quote`'s tokenizer rules (see `shell-tokens.ts`). Tokens are placed back on the text so
 * that a rule can point at the exact word. Commands end at `&&`, `||`, `;`, `|`, `&`, `(` and `)`;
 * redirections and their targets are left out of the words.
 */

/** A word of a shell command; offsets are in the script text. */
export interface ShellWord {
	value: string;
	start: number;
	end: number;
}

/** A simple command and the operator that follows it (`null` at the end). */
export interface ShellCommand {
	words: ShellWord[];
	op: string | null;
	/** Offsets of that operator in the script text. */
	opStart: number;
	opEnd: number;
}

const CONTROL = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '(', ')']);
/** Words that come before the program of a command. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}']);
/** Programs that run the command that follows them. */
const WRAPPERS = new Set(['sudo', 'env', 'xargs', 'nice', 'nohup', 'time', 'exec', 'command']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Whether a character code ends a raw word outside quotes: a blank or `&|;()<>`. */
function endsWord(c: number): boolean {
	switch (c) {
		case 32: // space
		case 9: // tab
		case 10: // line feed
		case 38: // &
		case 124: // |
		case 59: // ;
		case 40: // (
		case 41: // )
		case 60: // <
		case 62: // >
			return true;
		default:
			return false;
	}
}

/** Finds the end of the raw word starting at `at` (quotes and escapes respected). */
function wordEnd(text: string, at: number): number {
	let quote = 0;
	let i = at;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (quote) {
			if (c === quote) quote = 0;
			else if (c === 92 && quote === 34) i++;
		} else if (endsWord(c)) break;
		else if (c === 34 || c === 39) quote = c;
		else if (c === 92) i++;
	}
	return Math.min(i, text.length);
}

/** Skips spaces, tabs and line breaks. */
function skipBlanks(text: string, at: number): number {
	let i = at;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
	}
	return i;
}

/** Splits one line of shell text (no line breaks that matter) into commands. */
function splitLine(text: string, base: number, out: ShellCommand[]): void {
	let words: ShellWord[] = [];
	let cursor = 0;
	let skipNext = false;
	for (const token of shellTokens(text)) {
		cursor = skipBlanks(text, cursor);
		if (typeof token === 'string' || 'pattern' in token) {
			const value = typeof token === 'string' ? token : token.pattern;
			const end = Math.max(wordEnd(text, cursor), cursor);
			if (!skipNext) words.push({ value, start: base + cursor, end: base + end });
			skipNext = false;
			cursor = end;
		} else if ('comment' in token) {
			cursor = text.length;
		} else {
			const found = text.startsWith(token.op, cursor) ? cursor : text.indexOf(token.op, cursor);
			const opStart = found < 0 ? cursor : found;
			cursor = opStart + token.op.length;
			if (!CONTROL.has(token.op)) {
				skipNext = true;
				continue;
			}
			if (words.length > 0 || token.op !== '(') {
				out.push({ words, op: token.op, opStart: base + opStart, opEnd: base + cursor });
			}
			words = [];
		}
	}
	if (words.length > 0)
		out.push({ words, op: null, opStart: base + text.length, opEnd: base + text.length });
}

/** Splits shell text into simple commands; line breaks separate commands, `\` joins lines. */
export function splitCommands(script: string): ShellCommand[] {
	const out: ShellCommand[] = [];
	let start = 0;
	while (start <= script.length) {
		let end = script.indexOf('\n', start);
		while (end > 0 && script[end - 1] === '\\') end = script.indexOf('\n', end + 1);
		if (end < 0) end = script.length;
		const line = script.slice(start, end).replace(/\\?\r?\n|\r/g, (m) => ' '.repeat(m.length));
		if (line.trim() !== '') splitLine(line, start, out);
		start = end + 1;
	}
	return out;
}

/** Index of the program word: after variable assignments and shell keywords. */
export function programIndex(command: ShellCommand): number {
	let i = 0;
	while (i < command.words.length) {
		const value = command.words[i]?.value ?? '';
		if (!ASSIGNMENT.test(value) && !KEYWORDS.has(value)) break;
		i++;
	}
	return i;
}

/** The last path component of a program, e.g. `pip3` for `/usr/bin/pip3`. */
export function programName(word: string): string {
	return word.slice(word.lastIndexOf('/') + 1);
}

/** The program a command finally runs and its arguments, looking through `sudo`, `env`, `xargs`…. */
export function effectiveCommand(command: ShellCommand): { name: string; at: number } | null {
	let i = programIndex(command);
	while (i < command.words.length) {
		const name = programName(command.words[i]?.value ?? '');
		if (!WRAPPERS.has(name)) return { name, at: i };
		i++;
		while (i < command.words.length) {
			const value = command.words[i]?.value ?? '';
			if (!value.startsWith('-') && !ASSIGNMENT.test(value)) break;
			i++;
		}
	}
	return null;
}
