import './buffer-shim.js';
import { DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';

/**
 * The one place that calls `dockerfile-ast`.
 *
 * Two speed-ups are installed once, both invisible to callers:
 * - `Instruction#getRawArguments` rescans the instruction on every call, and the parser and
 *   `dockerfile-utils` call it dozens of times per instruction; its result is kept per instance
 *   (a copy is returned, since callers may replace items of the array).
 * - `DockerfileParser.parse` remembers its last input, so `dockerfile-utils`, which parses the
 *   text again inside `validate()`, reuses the tree built here.
 */

const MARK = Symbol.for('spinup.dockerfile-ast.speedups');
const ARGS = Symbol('arguments');

type Method = (this: object, ...args: unknown[]) => unknown;

/** Installs the speed-ups on the library's classes, once. */
function installSpeedups(): void {
	const proto = Instruction.prototype as unknown as Record<PropertyKey, unknown>;
	if (proto[MARK]) return;
	proto[MARK] = true;
	const rawArguments = proto['getRawArguments'] as Method;
	proto['getRawArguments'] = function cachedRawArguments(this: Record<PropertyKey, unknown>) {
		let cached = this[ARGS] as unknown[] | undefined;
		if (!cached) {
			cached = rawArguments.call(this) as unknown[];
			this[ARGS] = cached;
		}
		return cached.slice();
	};
	const parser = DockerfileParser as unknown as Record<string, unknown>;
	const parse = parser['parse'] as (content: string) => Dockerfile;
	let lastText: string | null = null;
	let lastTree: Dockerfile | null = null;
	parser['parse'] = (content: string): Dockerfile => {
		if (content === lastText && lastTree) return lastTree;
		const tree = parse.call(DockerfileParser, content);
		lastText = content;
		lastTree = tree;
		return tree;
	};
}

installSpeedups();

/** Parses a Dockerfile text with `dockerfile-ast`. */
export function parseAst(text: string): Dockerfile {
	return DockerfileParser.parse(text);
}
