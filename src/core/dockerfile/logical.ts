/**
 * An instruction's logical line, read the way BuildKit reads it: the physical lines joined where
 * a line ends with the escape character, with comment lines and blank lines inside the
 * continuation dropped. `segments` map offsets of the joined text back to the source.
 */
export interface LogicalLine {
	text: string;
	/** Pieces of `text`: `at` in the joined text, `source` in the Dockerfile text. */
	segments: { at: number; source: number }[];
	/** Offset just after the last physical line read. */
	end: number;
}

/** Finds the end of the physical line starting at `from` (the offset of its line break). */
function lineEnd(source: string, from: number, limit: number): number {
	for (let i = from; i < limit; i++) {
		const c = source.charCodeAt(i);
		if (c === 10 || c === 13) return i;
	}
	return limit;
}

/** Skips the line break at `at`, if any. */
function afterBreak(source: string, at: number): number {
	if (source.charCodeAt(at) === 13 && source.charCodeAt(at + 1) === 10) return at + 2;
	return at + 1;
}

/** Reads the logical line that starts at `start`, not past `limit`. */
export function readLogicalLine(
	source: string,
	start: number,
	limit: number,
	escape: string
): LogicalLine {
	let text = '';
	const segments: { at: number; source: number }[] = [];
	let pos = start;
	let first = true;
	let end = start;
	while (pos < limit) {
		const stop = lineEnd(source, pos, limit);
		const content = source.slice(pos, stop);
		end = stop;
		if (first || (content.trim() !== '' && !/^[ \t]*#/.test(content))) {
			// The line without trailing blanks ends at `last`; an escape there continues it.
			let last = stop;
			while (
				last > pos &&
				(source.charCodeAt(last - 1) === 32 || source.charCodeAt(last - 1) === 9)
			)
				last--;
			const continues =
				last - escape.length >= pos && source.startsWith(escape, last - escape.length);
			segments.push({ at: text.length, source: pos });
			text += continues ? source.slice(pos, Math.max(pos, last - 1)) : content;
			if (!continues) break;
		}
		first = false;
		pos = afterBreak(source, stop);
	}
	return { text, segments, end };
}

/** Maps an offset of the joined text to a document offset. */
export function sourceOffset(line: LogicalLine, at: number): number {
	let low = 0;
	let high = line.segments.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((line.segments[mid]?.at ?? 0) <= at) low = mid;
		else high = mid - 1;
	}
	const segment = line.segments[low];
	return segment ? segment.source + (at - segment.at) : at;
}

/** Maps an exclusive end offset of the joined text to a document offset. */
export function sourceEnd(line: LogicalLine, at: number): number {
	return at <= 0 ? sourceOffset(line, 0) : sourceOffset(line, at - 1) + 1;
}

/** A whitespace-separated word of a logical line. */
export interface RawWord {
	/** As written, quotes included. */
	raw: string;
	/** With quotes and escape characters removed. */
	value: string;
	/** Offsets in the logical line. */
	start: number;
	end: number;
}

/** Removes quotes and escape characters from a raw word. */
function unquoteWord(raw: string, escape: string): string {
	let value = '';
	let quote = '';
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i] ?? '';
		if (quote) {
			if (c === quote) quote = '';
			else if (c === escape && quote === '"' && i + 1 < raw.length) value += raw[++i];
			else value += c;
		} else if (c === '"' || c === "'") quote = c;
		else if (c === escape && i + 1 < raw.length) value += raw[++i];
		else value += c;
	}
	return value;
}

/** Splits text into words at unquoted spaces and tabs, from offset `from`, at most `limit`. */
export function splitWords(text: string, escape: string, from = 0, limit = Infinity): RawWord[] {
	const words: RawWord[] = [];
	let i = from;
	while (i < text.length && words.length < limit) {
		while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
		if (i >= text.length) break;
		const start = i;
		let quote = '';
		let plain = true;
		for (; i < text.length; i++) {
			const c = text[i];
			if (quote) {
				if (c === quote) quote = '';
				else if (c === escape && quote === '"') i++;
			} else if (c === ' ' || c === '\t') break;
			else if (c === '"' || c === "'") {
				quote = c;
				plain = false;
			} else if (c === escape) {
				plain = false;
				i++;
			}
		}
		i = Math.min(i, text.length);
		const raw = text.slice(start, i);
		words.push({ raw, value: plain ? raw : unquoteWord(raw, escape), start, end: i });
	}
	return words;
}
