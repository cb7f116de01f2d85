import type { Instruction as AstInstruction } from 'dockerfile-ast';
import { parseExecForm } from './exec-form.js';
import {
	readLogicalLine,
	sourceEnd,
	sourceOffset,
	splitWords,
	type LogicalLine,
	type RawWord,
} from './logical.js';
import { fromLsp, offsetAt, rangeOf, type LineIndex, type LspPosition } from './text.js';
import type { Flag, Heredoc, Instruction, Property, Word } from './types.js';
import type { Range } from '../types.js';

/** What building an instruction needs from the parsed Dockerfile. */
export interface BuildContext {
	text: string;
	source: string;
	lines: LineIndex;
	escape: string;
}

type LspRange = { start: LspPosition; end: LspPosition };

/** The instructions BuildKit reads heredocs for. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** The `dockerfile-ast` members read here that its typings leave out or keep protected. */
interface AstExtras {
	getHeredocs?: () => {
		getName(): string;
		getStartRange(): LspRange;
		getContentRange(): LspRange | null;
	}[];
	getProperties?: () => {
		getName(): string;
		getValue(): string | null;
		getNameRange(): LspRange;
		getRange(): LspRange;
	}[];
	getTriggerInstruction?: () => AstInstruction | null;
}

/** Maps offsets of a logical line to a document range. */
export function lineRange(
	ctx: { lines: LineIndex },
	line: LogicalLine,
	start: number,
	end: number
): Range {
	return rangeOf(ctx.lines, sourceOffset(line, start), sourceEnd(line, end));
}

/** A word whose `range` is computed on first read (most words are never pointed at). */
class LazyWord implements Word {
	readonly raw: string;
	readonly value: string;
	readonly start: number;
	readonly end: number;
	#range: Range | undefined;
	readonly #ctx: BuildContext;
	readonly #line: LogicalLine;

	constructor(ctx: BuildContext, line: LogicalLine, word: RawWord) {
		this.raw = word.raw;
		this.value = word.value;
		this.start = word.start;
		this.end = word.end;
		this.#ctx = ctx;
		this.#line = line;
	}

	get range(): Range {
		this.#range ??= lineRange(this.#ctx, this.#line, this.start, this.end);
		return this.#range;
	}
}

/** Offset of a 0-based position. */
function offsetOf(ctx: BuildContext, p: LspPosition): number {
	return offsetAt(ctx.lines, { line: p.line + 1, column: p.character + 1 });
}

/** Reads the heredoc bodies of an instruction. */
function readHeredocs(ctx: BuildContext, node: AstInstruction & AstExtras): Heredoc[] {
	if (!node.getHeredocs || !HEREDOC_KEYWORDS.has(node.getKeyword())) return [];
	return node.getHeredocs().map((heredoc) => {
		const content = heredoc.getContentRange();
		const bodyOffset = content ? offsetOf(ctx, content.start) : 0;
		const body = content ? ctx.text.slice(bodyOffset, offsetOf(ctx, content.end)) : '';
		return {
			name: heredoc.getName(),
			markerRange: fromLsp(heredoc.getStartRange()),
			body,
			bodyOffset,
			bodyRange: content ? fromLsp(content) : null,
		};
	});
}

/** Reads the name/value pairs of ARG, ENV and LABEL. */
function readProperties(node: AstInstruction & AstExtras): Property[] {
	if (!node.getProperties) return [];
	return node.getProperties().map((property) => ({
		name: property.getName(),
		value: property.getValue(),
		nameRange: fromLsp(property.getNameRange()),
		range: fromLsp(property.getRange()),
	}));
}

/** The first word at or after `from`, or `null`. */
function wordAt(ctx: BuildContext, line: LogicalLine, from: number): RawWord | null {
	return splitWords(line.text, ctx.escape, from, 1)[0] ?? null;
}

/** Reads the `--name[=value]` flags after the keyword; returns them and where arguments start. */
function readFlags(ctx: BuildContext, line: LogicalLine): { flags: Flag[]; argsStart: number } {
	const flags: Flag[] = [];
	let word = wordAt(ctx, line, 0);
	word = word ? wordAt(ctx, line, word.end) : null;
	while (word && word.raw.startsWith('--')) {
		if (word.raw === '--') {
			word = wordAt(ctx, line, word.end);
			break;
		}
		const eq = word.raw.indexOf('=');
		const nameEnd = eq < 0 ? word.end : word.start + eq;
		flags.push({
			name: word.raw.slice(2, eq < 0 ? undefined : eq),
			value: eq < 0 ? null : word.value.slice(word.value.indexOf('=') + 1),
			range: lineRange(ctx, line, word.start, word.end),
			valueRange: eq < 0 ? null : lineRange(ctx, line, nameEnd + 1, word.end),
		});
		word = wordAt(ctx, line, word.end);
	}
	return { flags, argsStart: word ? word.start : line.text.length };
}

/** An instruction whose words are split on first read (most rules read only its keyword). */
class BuiltInstruction implements Instruction {
	keyword: string;
	keywordRange: Range;
	range: Range;
	text: string;
	line: LogicalLine;
	flags: Flag[];
	argsText: string;
	argsStart: number;
	exec: string[] | null;
	heredocs: Heredoc[];
	properties: Property[];
	stage: number;
	trigger: Instruction | null;
	#args: Word[] | undefined;
	readonly #ctx: BuildContext;

	constructor(ctx: BuildContext, node: AstInstruction, stage: number) {
		const extras = node as AstInstruction & AstExtras;
		const whole = node.getRange();
		const start = offsetOf(ctx, whole.start);
		const line = readLogicalLine(ctx.source, start, offsetOf(ctx, whole.end), ctx.escape);
		const { flags, argsStart } = readFlags(ctx, line);
		const argsText = line.text.slice(argsStart).trimEnd();
		const triggerNode = extras.getTriggerInstruction?.() ?? null;
		this.#ctx = ctx;
		this.keyword = node.getKeyword();
		this.keywordRange = fromLsp(node.getInstructionRange());
		this.range = fromLsp(whole);
		this.text = line.text;
		this.line = line;
		this.flags = flags;
		this.argsText = argsText;
		this.argsStart = argsStart;
		this.exec = parseExecForm(argsText);
		this.heredocs = readHeredocs(ctx, extras);
		this.properties = readProperties(extras);
		this.stage = stage;
		this.trigger = triggerNode ? new BuiltInstruction(ctx, triggerNode, stage) : null;
	}

	/** Words after the flags. */
	get args(): Word[] {
		this.#args ??= splitWords(this.line.text, this.#ctx.escape, this.argsStart).map(
			(w) => new LazyWord(this.#ctx, this.line, w)
		);
		return this.#args;
	}
}

/** Builds one instruction from its `dockerfile-ast` node. */
export function buildInstruction(
	ctx: BuildContext,
	node: AstInstruction,
	stage: number
): Instruction {
	return new BuiltInstruction(ctx, node, stage);
}
