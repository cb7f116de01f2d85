/**
 * Splitting a command line into words the way a POSIX shell does for simple commands: blanks
 * separate words, single quotes keep everything, double quotes keep all but `\"` and `\\`, a
 * backslash outside quotes escapes the next character. `&&`, `||`, `;` and `|` outside quotes
 * become operator tokens.
 */

/** A word or an operator, with its offsets in the line (`end` exclusive). */
export interface Token {
	kind: 'word' | 'op';
	value: string;
	start: number;
	end: number;
}

/** The tokens of a line, or the reason it cannot be split. */
export interface Tokenized {
	tokens: Token[];
	/** Set when a quote is not closed; the tokens then cover what could be read. */
	error: string | null;
}

const OPERATORS = ['&&', '||', ';', '|'];

/** Splits a line into word and operator tokens. */
export function tokenize(line: string): Tokenized {
	const tokens: Token[] = [];
	let i = 0;
	while (i < line.length) {
		const c = line[i] ?? '';
		if (/\s/.test(c)) {
			i++;
			continue;
		}
		const op = OPERATORS.find((candidate) => line.startsWith(candidate, i));
		if (op) {
			tokens.push({ kind: 'op', value: op, start: i, end: i + op.length });
			i += op.length;
			continue;
		}
		const start = i;
		let value = '';
		let quote = '';
		while (i < line.length) {
			const ch = line[i] ?? '';
			if (quote === "'") {
				if (ch === "'") quote = '';
				else value += ch;
				i++;
			} else if (quote === '"') {
				if (ch === '"') quote = '';
				else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
					value += line[i + 1];
					i++;
				} else value += ch;
				i++;
			} else if (ch === "'" || ch === '"') {
				quote = ch;
				i++;
			} else if (ch === '\\') {
				value += line[i + 1] ?? '';
				i += 2;
			} else if (/\s/.test(ch) || OPERATORS.some((o) => line.startsWith(o, i))) {
				break;
			} else {
				value += ch;
				i++;
			}
		}
		tokens.push({ kind: 'word', value, start, end: Math.min(i, line.length) });
		if (quote) {
			return {
				tokens,
				error: `unexpected end of line while looking for the matching ${quote === '"' ? 'double' : 'single'} quote (${quote})`,
			};
		}
	}
	return { tokens, error: null };
}

/** A simple command and the operator that joins it to the next (`null` at the end). */
export interface Pipeline {
	words: string[];
	op: string | null;
}

/** Groups tokens into simple commands separated by operators. */
export function splitCommands(tokens: readonly Token[]): Pipeline[] {
	const out: Pipeline[] = [];
	let words: string[] = [];
	for (const token of tokens) {
		if (token.kind === 'word') words.push(token.value);
		else {
			out.push({ words, op: token.value });
			words = [];
		}
	}
	if (words.length > 0) out.push({ words, op: null });
	return out;
}
