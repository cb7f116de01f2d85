/**
 * Build-argument expansion as BuildKit does it in FROM lines: `$NAME`, `${NAME}`,
 * `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}` and `${NAME+alt}`.
 */

/** A variable's value: a string, `null` when declared without one, `undefined` when unknown. */
export type Lookup = (name: string) => string | null | undefined;

/** The expanded text, and whether every variable had a value (or a default applied). */
export interface Expansion {
	value: string;
	complete: boolean;
}

const BRACED = /^\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}/;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Expands one `${…}` form; returns the text and whether it was complete. */
function expandBraced(name: string, op: string | undefined, word: string, lookup: Lookup) {
	const value = lookup(name);
	const set = value !== undefined && value !== null;
	const nonEmpty = set && value !== '';
	switch (op) {
		case ':-':
			return nonEmpty ? { text: value, complete: true } : { text: word, complete: true };
		case '-':
			return set ? { text: value, complete: true } : { text: word, complete: true };
		case ':+':
			return { text: nonEmpty ? word : '', complete: set };
		case '+':
			return { text: set ? word : '', complete: set };
		default:
			return { text: set ? value : '', complete: set };
	}
}

/** Expands the variables of `text`. */
export function expandVariables(text: string, lookup: Lookup, escape = '\\'): Expansion {
	if (!text.includes('$')) return { value: text, complete: true };
	let value = '';
	let complete = true;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === escape && text[i + 1] === '$') {
			value += '$';
			i++;
			continue;
		}
		if (c !== '$') {
			value += c;
			continue;
		}
		const rest = text.slice(i + 1);
		const braced = BRACED.exec(rest);
		if (braced?.[1]) {
			const part = expandBraced(braced[1], braced[2], braced[3] ?? '', lookup);
			value += part.text;
			complete &&= part.complete;
			i += braced[0].length;
			continue;
		}
		const plain = PLAIN.exec(rest);
		if (plain) {
			const found = lookup(plain[0]);
			if (found === undefined || found === null) complete = false;
			value += found ?? '';
			i += plain[0].length;
			continue;
		}
		value += c;
	}
	return { value, complete };
}
