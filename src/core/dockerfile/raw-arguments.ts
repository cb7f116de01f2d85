import { Argument, Instruction } from 'dockerfile-ast';
import type { LspPosition } from './text.js';

/**
 * `Instruction#getRawArguments` of `dockerfile-ast` 0.7.1, step for step, except that a run of
 * ordinary characters is copied into the argument at once instead of one character at a time
 * (which built a new string per character and was the parser's largest allocation). Every
 * branch, flag and range is as in the original; the tests compare both on the corpus.
 */

/** The members of a `dockerfile-ast` instruction read here (protected in its typings). */
interface InstructionInternals {
	document: {
		getText(): string;
		offsetAt(position: LspPosition): number;
		positionAt(offset: number): LspPosition;
	};
	escapeChar: string;
	getInstructionRange(): { start: LspPosition; end: LspPosition };
	getTextContent(): string;
}

/** Whether a character is a space, a tab or a line break (`Util.isWhitespace`). */
function isWhitespace(char: string): boolean {
	return char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

/** Whether a character is a line break (`Util.isNewline`). */
function isNewline(char: string): boolean {
	return char === '\r' || char === '\n';
}

/** The arguments of an instruction, as `dockerfile-ast` reads them. */
function getRawArguments(this: InstructionInternals): Argument[] {
	const args: Argument[] = [];
	const text = this.document;
	const range = this.getInstructionRange();
	const extra = text.offsetAt(range.end) - text.offsetAt(range.start);
	const fullArgs = this.getTextContent().substring(extra);
	const offset = text.offsetAt(range.start) + extra;
	const escapeChar = this.escapeChar;
	const argument = (value: string, from: number, to: number): Argument =>
		// `Range.create(start, end)` of two positions is this same object.
		new Argument(value, {
			start: text.positionAt(offset + from),
			end: text.positionAt(offset + to),
		});
	let start = false;
	let comment = false;
	let found = -1;
	let escapedWhitespaceDetected = false;
	let escaping = false;
	let escapeMarker = -1;
	let escapedArg = '';
	for (let i = 0; i < fullArgs.length; i++) {
		const char = fullArgs.charAt(i);
		if (isWhitespace(char)) {
			if (escaping) {
				escapedWhitespaceDetected = true;
				if (isNewline(char)) {
					escapedWhitespaceDetected = false;
					if (comment) {
						comment = false;
						start = true;
					}
				}
				continue;
			} else if (found !== -1) {
				args.push(argument(escapedArg, found, escapeMarker === -1 ? i : escapeMarker));
				escapeMarker = -1;
				escapedArg = '';
				found = -1;
			}
		} else if (char === escapeChar) {
			const next = fullArgs.charAt(i + 1);
			if (next === ' ' || next === '\t') {
				whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
					switch (fullArgs.charAt(j)) {
						case ' ':
						case '\t':
							continue;
						case '\r':
						case '\n':
							if (fullArgs.charAt(j) === '\r') j++;
							comment = false;
							escaping = true;
							start = true;
							if (found !== -1) escapeMarker = i;
							i = j;
							break whitespaceCheck;
						default:
							escapeMarker = i;
							if (found === -1) i = j - 1;
							break whitespaceCheck;
					}
				}
			} else if (next === '\r' || next === '\n') {
				comment = false;
				escaping = true;
				start = true;
				if (found !== -1 && escapeMarker === -1) escapeMarker = i;
				i += next === '\r' ? 2 : 1;
			} else {
				if (escapedWhitespaceDetected && escapeMarker !== -1) {
					args.push(argument(escapedArg, found, escapeMarker));
					escapedArg = '';
					found = -1;
				}
				escapeMarker = -1;
				escapedWhitespaceDetected = false;
				escaping = false;
				if (next === '$') escapedArg = escapedArg + char + next;
				else if (next === '') break;
				else escapedArg = escapedArg + next;
				if (found === -1) found = i;
				i++;
			}
		} else if (!comment) {
			if (start && char === '#') {
				comment = true;
			} else {
				if (escapedWhitespaceDetected && escapeMarker !== -1) {
					args.push(argument(escapedArg, found, escapeMarker));
					escapedArg = '';
					found = -1;
				}
				escapedWhitespaceDetected = false;
				escaping = false;
				escapeMarker = -1;
				// The characters up to the next blank or escape take this same branch with nothing
				// else changing, so they are copied together.
				let end = i + 1;
				while (end < fullArgs.length) {
					const c = fullArgs.charAt(end);
					if (isWhitespace(c) || c === escapeChar) break;
					end++;
				}
				escapedArg = escapedArg + fullArgs.substring(i, end);
				if (found === -1) found = i;
				i = end - 1;
			}
			start = false;
		}
	}
	if (found !== -1) {
		args.push(argument(escapedArg, found, escapeMarker === -1 ? fullArgs.length : escapeMarker));
	}
	return args;
}

const MARK = Symbol.for('spinup.dockerfile-ast.raw-arguments');

/** Installs the copy of `getRawArguments` on the library's instructions, once. */
export function installRawArguments(): void {
	const proto = Instruction.prototype as unknown as Record<PropertyKey, unknown>;
	if (proto[MARK]) return;
	proto[MARK] = true;
	proto['getRawArguments'] = getRawArguments;
}
