/**
 * Shell tokens as `shell-quote`'s `parse(text)` (1.x, no environment) reads them, with `$`
 * taken as an ordinary character so that variables stay as written.
 *
 * A token is a word (quotes and escapes removed), a glob pattern (a word with an unquoted `*`
 * or `?`), a control or redirection operator, or a comment (from an unquoted `#` to the end of
 * the line, after which nothing more is read). Text that starts no token, such as blanks and an
 * unterminated quote character, is skipped. The rules match `shell-quote` exactly; it stays as
 * the reference in the tests.
 */

/** One token: a word, `{ op }`, `{ op: 'glob', pattern }` or `{ comment }`. */
export type ShellToken =
	string | { op: string } | { op: 'glob'; pattern: string } | { comment: string };

/** Control and redirection operators, tried in this order (the first that matches wins). */
const CONTROL =
	'(?:\\|\\||\\&(?:\\&|>>?)|;;\\&?|[;|]\\&|\\<\\(|\\<\\<\\<|\\<\\<-|\\<\\<(?!\\()|>>|>[&|(]|<[&>]|[&;()|<>])';
/** Unquoted word characters, a backslash-escaped metacharacter, or a quoted string. */
const WORD =
	'(?:(?:\\\\[\'"$\\\\|&;()<> \\t]|[^\\s\'"|&;()<> \\t])+|"(?:\\\\[\\s\\S]|[^"\\\\])*"|\'[^\']*?\')+';
/** The next token: group 1 an operator, group 2 a word. */
const CHUNK = new RegExp(`(${CONTROL})|(${WORD})`, 'g');
/** Characters that make a word need the full scan. */
const SPECIAL = /["'\\#*?]/;

/** Reads one word chunk: removes quotes and escapes, stops at an unquoted `#`. */
function readWord(chunk: string, text: string, at: number, out: ShellToken[]): boolean {
	if (!SPECIAL.test(chunk)) {
		out.push(chunk);
		return false;
	}
	let quote = 0;
	let glob = false;
	let value = '';
	// Characters from `run` to the current one are copied as they are.
	let run = 0;
	for (let i = 0; i < chunk.length; i++) {
		const c = chunk.charCodeAt(i);
		if (quote === 39) {
			if (c === 39) {
				value += chunk.slice(run, i);
				run = i + 1;
				quote = 0;
			}
		} else if (quote === 34) {
			if (c === 34) {
				value += chunk.slice(run, i);
				run = i + 1;
				quote = 0;
			} else if (c === 92) {
				const next = chunk[i + 1] ?? '';
				value += chunk.slice(run, i) + (next === '"' || next === '\\' ? next : `\\${next}`);
				i++;
				run = i + 1;
			}
		} else if (c === 42 || c === 63) {
			glob = true;
		} else if (c === 34 || c === 39) {
			value += chunk.slice(run, i);
			run = i + 1;
			quote = c;
		} else if (c === 35) {
			value += chunk.slice(run, i);
			if (value.length > 0) out.push(value);
			out.push({ comment: text.slice(at + i + 1) });
			return true;
		} else if (c === 92) {
			// The next character is taken as written (and still makes a glob).
			value += chunk.slice(run, i);
			i++;
			run = i;
			const next = chunk.charCodeAt(i);
			if (next === 42 || next === 63) glob = true;
		}
	}
	value += chunk.slice(run);
	out.push(glob ? { op: 'glob', pattern: value } : value);
	return false;
}

/** Splits one line of shell text into tokens. */
export function shellTokens(text: string): ShellToken[] {
	const out: ShellToken[] = [];
	CHUNK.lastIndex = 0;
	for (let match = CHUNK.exec(text); match; match = CHUNK.exec(text)) {
		if (match[1] !== undefined) out.push({ op: match[1] });
		else if (readWord(match[0], text, match.index, out)) break;
	}
	CHUNK.lastIndex = 0;
	return out;
}
