import type { Dockerfile } from 'dockerfile-ast';
import { parseAst } from './ast.js';
import { indexLines, offsetAt, type LineIndex, type LspPosition } from './text.js';

/**
 * Rewrites a Dockerfile, keeping every line and column, so that `dockerfile-ast` and
 * `dockerfile-utils` read it the way BuildKit does:
 * - `# dockerfile-utils: ignore` comments lose their text (a learner cannot silence a check);
 * - heredoc markers that BuildKit accepts but `dockerfile-ast` 0.7.1 does not, `<< EOF` (space
 *   after the arrows) and file-descriptor heredocs such as `3<<IN`, are moved within their own
 *   columns to the plain form (`   <<EOF`, ` <<IN`), so their bodies are not read as instructions.
 */

const IGNORE = /^([ \t]*#)([ \t]*dockerfile-utils[ \t]*:[ \t]*ignore[ \t]*)(?=\r|$)/gim;
const FD_MARKER = /^(\d+)<<-?[^<]/;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const MAX_PASSES = 8;

/** A replacement of `text.slice(start, end)` by a string of the same length. */
interface Edit {
	start: number;
	end: number;
	text: string;
}

/** Blanks the text of `# dockerfile-utils: ignore` comments. */
export function stripIgnoreComments(text: string): string {
	if (!/dockerfile-utils/i.test(text)) return text;
	return text.replace(IGNORE, (_all, hash: string, rest: string) => hash + ' '.repeat(rest.length));
}

/** Finds heredoc markers of one instruction that the parser missed. */
function markerEdits(
	args: { getValue(): string; getRange(): { start: LspPosition; end: LspPosition } }[],
	source: string,
	lines: LineIndex
): Edit[] {
	const edits: Edit[] = [];
	const at = (p: LspPosition) => offsetAt(lines, { line: p.line + 1, column: p.character + 1 });
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (!arg) continue;
		const value = arg.getValue();
		const start = at(arg.getRange().start);
		const fd = FD_MARKER.exec(value);
		if (fd?.[1] && source.startsWith(fd[1], start)) {
			const digits = fd[1].length;
			edits.push({ start, end: start + digits, text: ' '.repeat(digits) });
			continue;
		}
		const next = args[i + 1];
		if ((value === '<<' || value === '<<-') && next && !next.getValue().startsWith('<')) {
			const nameStart = at(next.getRange().start);
			const gap = source.slice(start + value.length, nameStart);
			if (/^[ \t]+$/.test(gap)) {
				edits.push({ start, end: nameStart, text: gap + value });
				i++;
			}
		}
	}
	return edits;
}

/** Collects the marker edits of every RUN, COPY and ADD, ONBUILD triggers included. */
function collectEdits(tree: Dockerfile, source: string, lines: LineIndex): Edit[] {
	const edits: Edit[] = [];
	for (const instruction of [...tree.getInstructions(), ...tree.getOnbuildTriggers()]) {
		if (!HEREDOC_KEYWORDS.has(instruction.getKeyword())) continue;
		edits.push(...markerEdits(instruction.getArguments(), source, lines));
	}
	return edits;
}

/** Applies same-length edits. */
function applyEdits(text: string, edits: Edit[]): string {
	const sorted = [...edits].sort((a, b) => a.start - b.start);
	let out = '';
	let cursor = 0;
	for (const edit of sorted) {
		if (edit.start < cursor) continue;
		out += text.slice(cursor, edit.start) + edit.text;
		cursor = edit.end;
	}
	return out + text.slice(cursor);
}

/** The rewritten text and its parse tree. */
export interface Sanitized {
	source: string;
	tree: Dockerfile;
}

/** Rewrites a Dockerfile for the parser (see above) and parses the result. */
export function sanitize(text: string): Sanitized {
	let source = stripIgnoreComments(text);
	let tree = parseAst(source);
	for (let pass = 0; pass < MAX_PASSES; pass++) {
		if (!/\d<<|<<[ \t]/.test(source)) break;
		const edits = collectEdits(tree, source, indexLines(source));
		if (edits.length === 0) break;
		source = applyEdits(source, edits);
		tree = parseAst(source);
	}
	return { source, tree };
}
