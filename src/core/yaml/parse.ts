import {
	LineCounter,
	isAlias,
	isCollection,
	isNode,
	isScalar,
	parseAllDocuments,
	visit,
	type Document,
	type Node as YamlNode,
} from 'yaml';
import type { Position, Range } from '../types.js';

/** A YAML syntax error as data, with its 1-based range. */
export interface YamlProblem {
	message: string;
	range: Range;
}

/**
 * A parsed YAML text (a Compose file or a Kubernetes manifest).
 *
 * `documents` holds every non-empty document in order (a `---` with nothing but comments after it
 * is skipped). `errors` holds the YAML syntax errors of the whole stream; when it is not empty the
 * documents may be partial and the rules other than the syntax rules stay silent. `aliases` maps
 * each alias node to the node its anchor names, so rules can follow `*ref` and `<<: *ref`.
 * The text is read as YAML 1.1, as Docker Compose and kubectl do (`yes` is true, `0444` octal).
 */
export interface YamlDoc {
	text: string;
	lines: LineCounter;
	documents: Document.Parsed[];
	errors: YamlProblem[];
	aliases: WeakMap<YamlNode, YamlNode>;
}

/** Parses a YAML text with every document; never throws, syntax errors come back as data. */
export function parseYamlText(text: string): YamlDoc {
	const doc: YamlDoc = {
		text,
		lines: countLines(text),
		documents: [],
		errors: [],
		aliases: new WeakMap(),
	};
	try {
		const stream = parseAllDocuments(text, {
			version: '1.1',
			prettyErrors: false,
		});
		const all = Array.isArray(stream) ? stream : [];
		for (const part of all) {
			for (const error of part.errors) {
				doc.errors.push({
					message: firstLine(error.message),
					range: errorRange(doc, error.pos[0], error.pos[1]),
				});
			}
			if (!isEmptyDocument(part)) {
				doc.documents.push(part);
				collectAliases(doc, part);
			}
		}
	} catch (error) {
		doc.documents = [];
		doc.errors = [
			{
				message: `The text could not be read as YAML (${String(error)}).`,
				range: offsetRange(doc, 0, 0),
			},
		];
	}
	return doc;
}

/**
 * Indexes the line starts of a text. The parser's own counter only sees the line breaks of tokens
 * it understood, so it would misplace errors that span several lines.
 */
function countLines(text: string): LineCounter {
	const lines = new LineCounter();
	lines.addNewLine(0);
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
	return lines;
}

/** Tells whether a document holds nothing but comments, `~` or `null`. */
function isEmptyDocument(part: Document.Parsed): boolean {
	const contents = part.contents;
	return contents === null || (isScalar(contents) && contents.value === null);
}

/** Records, for every alias of a document, the anchored node it refers to. */
function collectAliases(doc: YamlDoc, part: Document.Parsed): void {
	const anchors = new Map<string, YamlNode>();
	visit(part, {
		Node(_key, node) {
			if (isAlias(node)) {
				const target = anchors.get(node.source);
				if (target) doc.aliases.set(node, target);
			} else if (node.anchor) {
				anchors.set(node.anchor, node);
			}
		},
	});
}

/**
 * The range of a parser error. An error that points at the spaces indenting a line is moved to
 * the first word after them, where the misplaced key starts.
 */
function errorRange(doc: YamlDoc, start: number, end: number): Range {
	const text = doc.text;
	if (/^ +$/.test(text.slice(start, Math.max(end, start + 1)))) {
		const word = / *([^\s:]+)/y;
		word.lastIndex = start;
		const match = word.exec(text);
		if (match?.[1] && !match[0].includes('\n')) {
			const from = start + match[0].length - match[1].length;
			return offsetRange(doc, from, from + match[1].length);
		}
	}
	return offsetRange(doc, start, end);
}

/** Keeps the first line of a parser message. */
function firstLine(message: string): string {
	const line = message.split('\n')[0] ?? message;
	return line
		.replace(/ at line \d+, column \d+:?$/, '')
		.trim()
		.replace(/[.:]$/, '');
}

/** Converts a 0-based text offset into a 1-based position. */
export function positionAt(doc: YamlDoc, offset: number): Position {
	const clamped = Math.max(0, Math.min(offset, doc.text.length));
	const pos = doc.lines.linePos(clamped);
	return { line: pos.line, column: pos.col };
}

/**
 * Converts a pair of 0-based offsets into a 1-based range. Trailing blanks and line breaks are
 * left out; an empty range is widened to the one character at `start` when there is one.
 */
export function offsetRange(doc: YamlDoc, start: number, end: number): Range {
	const text = doc.text;
	let from = Math.max(0, Math.min(start, text.length));
	let to = Math.max(from, Math.min(end, text.length));
	while (to > from && /\s/.test(text.charAt(to - 1))) to--;
	if (to === from && from < text.length && text.charAt(from) !== '\n') to = from + 1;
	if (from > to) from = to;
	return { start: positionAt(doc, from), end: positionAt(doc, to) };
}

/**
 * The 1-based range of a node's value. A collection that spans several lines is cut to its first
 * line, so a marker underlines where it starts rather than the whole block.
 */
export function nodeRange(doc: YamlDoc, node: YamlNode): Range {
	const range = isNode(node) ? node.range : undefined;
	if (!range) return offsetRange(doc, 0, 0);
	let end = range[1];
	if (isCollection(node)) {
		const lineEnd = doc.text.indexOf('\n', range[0]);
		if (lineEnd >= 0 && lineEnd < end) end = lineEnd;
	}
	return offsetRange(doc, range[0], end);
}
