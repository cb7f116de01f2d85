/**
 * Turns a chunk of terminal input into keys: the escape sequences xterm sends for arrows, Home,
 * End and Delete, the control characters of Ctrl combinations, and runs of plain text. A chunk
 * longer than one key is a paste: its tabs become spaces and its line ends become Enter.
 */

/** Editing keys the line editor knows. */
export type KeyName =
	| 'enter'
	| 'backspace'
	| 'delete'
	| 'left'
	| 'right'
	| 'up'
	| 'down'
	| 'home'
	| 'end'
	| 'word-left'
	| 'word-right'
	| 'tab'
	| 'escape'
	| 'clear-screen'
	| 'interrupt'
	| 'kill-start'
	| 'kill-end'
	| 'kill-word';

/** One unit of input. */
export type Key = { kind: 'text'; text: string } | { kind: 'key'; name: KeyName };

/** Control characters and what they do (as in bash's emacs mode). */
const CONTROL: Readonly<Record<string, KeyName>> = {
	'\r': 'enter',
	'\n': 'enter',
	'\x7f': 'backspace',
	'\b': 'backspace',
	'\t': 'tab',
	'\x01': 'home',
	'\x05': 'end',
	'\x02': 'left',
	'\x06': 'right',
	'\x10': 'up',
	'\x0e': 'down',
	'\x15': 'kill-start',
	'\x0b': 'kill-end',
	'\x17': 'kill-word',
	'\x0c': 'clear-screen',
	'\x03': 'interrupt',
	'\x04': 'delete',
};

/** Final bytes of CSI and SS3 sequences without parameters. */
const FINAL: Readonly<Record<string, KeyName>> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	H: 'home',
	F: 'end',
};

/** `CSI n ~` sequences. */
const TILDE: Readonly<Record<string, KeyName>> = {
	'1': 'home',
	'7': 'home',
	'4': 'end',
	'8': 'end',
	'3': 'delete',
};

/** Reads the escape sequence at `i`; returns the key (or null to ignore it) and its length. */
function escapeAt(data: string, i: number): { key: KeyName | null; length: number } {
	const next = data[i + 1];
	if (next === undefined) return { key: 'escape', length: 1 };
	if (next === '[') {
		const m = /^\x1b\[([0-9;]*)([@-~])/.exec(data.slice(i));
		if (!m) return { key: null, length: 2 };
		const [whole, params = '', final = ''] = m;
		const modified = params.split(';')[1];
		if ((final === 'C' || final === 'D') && modified !== undefined && modified !== '1')
			return { key: final === 'C' ? 'word-right' : 'word-left', length: whole.length };
		if (final === '~')
			return { key: TILDE[params.split(';')[0] ?? ''] ?? null, length: whole.length };
		return { key: FINAL[final] ?? null, length: whole.length };
	}
	if (next === 'O') {
		const final = data[i + 2];
		return { key: final === undefined ? null : (FINAL[final] ?? null), length: 3 };
	}
	if (next === 'b') return { key: 'word-left', length: 2 };
	if (next === 'f') return { key: 'word-right', length: 2 };
	if (next === '\x7f') return { key: 'kill-word', length: 2 };
	return { key: 'escape', length: 1 };
}

/** Splits a chunk of input into keys. */
export function splitInput(data: string): Key[] {
	const keys: Key[] = [];
	const pasted = data.length > 1 && !data.startsWith('\x1b');
	let text = '';
	const flush = () => {
		if (text !== '') keys.push({ kind: 'text', text });
		text = '';
	};
	for (let i = 0; i < data.length;) {
		const c = data[i] ?? '';
		if (c === '\x1b') {
			flush();
			const { key, length } = escapeAt(data, i);
			if (key) keys.push({ kind: 'key', name: key });
			i += length;
			continue;
		}
		if (pasted && c === '\t') {
			text += ' ';
		} else if (pasted && c === '\r' && data[i + 1] === '\n') {
			flush();
			keys.push({ kind: 'key', name: 'enter' });
			i += 2;
			continue;
		} else if (CONTROL[c]) {
			flush();
			keys.push({ kind: 'key', name: CONTROL[c] });
		} else if (c >= ' ') {
			text += c;
		}
		i += 1;
	}
	flush();
	return keys;
}
