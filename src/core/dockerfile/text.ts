import type { Position, Range } from '../types.js';

/**
 * Offsets and positions in a text. Lines break at `\n`, `\r\n` and a lone `\r`, as in the
 * language-server text documents that `dockerfile-ast` uses; columns count UTF-16 code units.
 */
export interface LineIndex {
	/** Offset of the first character of each line. */
	starts: number[];
	length: number;
}

/** Builds the line index of a text. */
export function indexLines(text: string): LineIndex {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 13) {
			if (text.charCodeAt(i + 1) === 10) i++;
			starts.push(i + 1);
		} else if (c === 10) {
			starts.push(i + 1);
		}
	}
	return { starts, length: text.length };
}

/** Converts an offset to a 1-based position. */
export function positionAt(index: LineIndex, offset: number): Position {
	const at = Math.max(0, Math.min(offset, index.length));
	let low = 0;
	let high = index.starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((index.starts[mid] ?? 0) <= at) low = mid;
		else high = mid - 1;
	}
	return { line: low + 1, column: at - (index.starts[low] ?? 0) + 1 };
}

/** Converts a 1-based position back to an offset. */
export function offsetAt(index: LineIndex, position: Position): number {
	const start = index.starts[position.line - 1];
	if (start === undefined) return index.length;
	return Math.min(start + position.column - 1, index.length);
}

/** Moves a position that lies past its line's end, or past the text, back inside the text. */
export function clampPosition(index: LineIndex, position: Position): Position {
	const start = index.starts[position.line - 1];
	if (start === undefined) return positionAt(index, index.length);
	const next = index.starts[position.line];
	const lineEnd = next === undefined ? index.length : next - 1;
	return positionAt(index, Math.min(start + Math.max(position.column, 1) - 1, lineEnd));
}

/** Builds a range from two offsets. */
export function rangeOf(index: LineIndex, start: number, end: number): Range {
	return { start: positionAt(index, start), end: positionAt(index, end) };
}

/** A 0-based position as the language-server types write it. */
export interface LspPosition {
	line: number;
	character: number;
}

/** Converts a 0-based language-server range to a 1-based range. */
export function fromLsp(range: { start: LspPosition; end: LspPosition }): Range {
	return {
		start: { line: range.start.line + 1, column: range.start.character + 1 },
		end: { line: range.end.line + 1, column: range.end.character + 1 },
	};
}
