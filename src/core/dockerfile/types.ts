import type { Dockerfile } from 'dockerfile-ast';
import type { Range } from '../types.js';
import type { LineIndex } from './text.js';
import type { LogicalLine } from './logical.js';

/**
 * The parsed Dockerfile that rules and exercise checks read.
 *
 * Ranges are 1-based with an exclusive end (see `../types.ts`). Text offsets inside an
 * instruction (`Word.start`, `Word.end`) count in its logical line, `Instruction.text`;
 * `instructionRange()` turns them into document ranges.
 */

/** A word of an instruction, e.g. an image name, a port or a path. */
export interface Word {
	/** As written, quotes included. */
	raw: string;
	/** Quotes and escape characters removed. */
	value: string;
	/** Offsets in the instruction's logical line. */
	start: number;
	end: number;
	range: Range;
}

/** A `--name[=value]` flag written before an instruction's arguments. */
export interface Flag {
	name: string;
	value: string | null;
	range: Range;
	valueRange: Range | null;
}

/** A heredoc body (`<<EOF` … `EOF`). */
export interface Heredoc {
	/** The delimiter word, quotes removed. */
	name: string;
	/** The marker, e.g. `<<EOF` or `3<<IN`. */
	markerRange: Range;
	/** Body text, without the delimiter line. */
	body: string;
	/** Document offset of the body's first character. */
	bodyOffset: number;
	bodyRange: Range | null;
}

/** `NAME=value` pairs of `ARG`, `ENV` and `LABEL`. */
export interface Property {
	name: string;
	/** `null` for `ARG NAME` without a default. */
	value: string | null;
	nameRange: Range;
	range: Range;
}

/** One instruction. */
export interface Instruction {
	/** Upper-case keyword, e.g. `RUN`. */
	keyword: string;
	keywordRange: Range;
	/** The whole instruction, heredoc bodies included. */
	range: Range;
	/** The logical line, from the keyword on (continuations joined, heredoc bodies excluded). */
	text: string;
	line: LogicalLine;
	flags: Flag[];
	/** Words after the flags. */
	args: Word[];
	/** Text after the flags, and its offset in `text`. */
	argsText: string;
	argsStart: number;
	/** The argument list when the arguments are a JSON array of strings (exec form). */
	exec: string[] | null;
	heredocs: Heredoc[];
	/** Name/value pairs for ARG, ENV and LABEL. */
	properties: Property[];
	/** Index of the build stage, -1 before the first FROM. */
	stage: number;
	/** The instruction that an ONBUILD wraps. */
	trigger: Instruction | null;
}

/** A parsed image reference such as `registry.nersc.gov/proj/app:1.0@sha256:…`. */
export interface ImageRef {
	/** The reference after ARG expansion. */
	text: string;
	/** The registry host as written, or `null` (Docker Hub). */
	registry: string | null;
	/** The registry host, `docker.io` when none is written. */
	host: string;
	/** The repository path without the host, e.g. `library/python` or `proj/app`. */
	path: string;
	/** The last path component, e.g. `python`. */
	name: string;
	tag: string | null;
	digest: string | null;
}

/** What a FROM builds on. */
export type Base =
	| { kind: 'image'; image: ImageRef }
	| { kind: 'stage'; stage: number }
	| { kind: 'scratch' }
	/** The reference uses a variable without a value, or is empty. */
	| { kind: 'unresolved'; text: string };

/** A build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
	index: number;
	from: Instruction;
	/** `AS name`, lower-cased as BuildKit stores it. */
	name: string | null;
	nameRange: Range | null;
	base: Base;
	/** The image word of the FROM. */
	baseWord: Word | null;
	/** The `--platform` flag. */
	platform: Flag | null;
	/** Instructions after the FROM. */
	instructions: Instruction[];
}

/** A parser directive such as `# syntax=…` or `# escape=\``. */
export interface Directive {
	name: string;
	value: string;
	range: Range;
}

/** A parsed Dockerfile. */
export interface DockerfileDoc {
	/** The text as given. */
	text: string;
	/** The text the parser read: same lines and columns (see `sanitize.ts`). */
	source: string;
	lines: LineIndex;
	escape: string;
	directives: Directive[];
	instructions: Instruction[];
	/** ARGs before the first FROM, by name (`null` without default). */
	globalArgs: Map<string, string | null>;
	stages: Stage[];
	/** Set when the text could not be parsed at all; the other fields are then empty. */
	failure: string | null;
	/** The `dockerfile-ast` tree, `null` after a failure. */
	tree: Dockerfile | null;
	/** Results computed once per document by the rules (e.g. `dockerfile-utils` diagnostics). */
	memo: Map<string, unknown>;
}
