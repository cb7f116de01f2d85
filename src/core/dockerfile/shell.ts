import { parse, type ParseEntry } from 'shell-quote';

/**
 * Splitting shell text into commands with `shell-quote`. Tokens are placed back on the text so
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
const OPERATOR_CHARS = '&|;()<>';
/** Words that come before the program of a command. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}']);
/** Programs that run the command that follows them. */
const WRAPPERS = new Set(['sudo', 'env', 'xargs', 'nice', 'nohup', 'time', 'exec', 'command']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Finds the end of the raw word starting at `at` (quotes and escapes respected). */
function wordEnd(text: string, at: number): number {
	let quote = '';
	let i = at;
	for (; i < text.length; i++) {
		const c = text[i] ?? '';
		if (quote) {
			if (c === quote) quote = '';
			else if (c === '\\' && quote === '"') i++;
		} else if (c === ' ' || c === '\t' || c === '\n' || OPERATOR_CHARS.includes(c)) break;
		else if (c === '"' || c === "'") quote = c;
		else if (c === '\\') i++;
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

/** Stands in for `$` while `shell-quote` reads a line, so variables stay as written. */
const DOLLAR = '\u0001';

/** Tokenises one line of shell text; `shell-quote` rejects nothing, but guard anyway. */
function tokens(text: string): ParseEntry[] {
	try {
		if (!text.includes('$')) return parse(text);
		const entries = parse(text.replaceAll('$', DOLLAR));
		return entries.map((entry) => {
			if (typeof entry === 'string') return entry.replaceAll(DOLLAR, '$');
			if ('pattern' in entry) return { ...entry, pattern: entry.pattern.replaceAll(DOLLAR, '$') };
			return entry;
		});
	} catch {
		return [];
	}
}

/** Splits one line of shell text (no line breaks that matter) into commands. */
function splitLine(text: string, base: number, out: ShellCommand[]): void {
	let words: ShellWord[] = [];
	let cursor = 0;
	let skipNext = false;
	for (const token of tokens(text)) {
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
