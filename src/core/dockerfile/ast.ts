import './buffer-shim.js';
import { DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { Util } from 'dockerfile-ast/lib/util.js';
import { installRawArguments } from './raw-arguments.js';

/**
 * The one place that calls `dockerfile-ast`.
 *
 * Three speed-ups and one fix are installed once, all invisible to callers:
 * - `Instruction#getRawArguments`, `#getVariables` and `#getHeredocs` rescan the instruction on
 *   every call, and the parser and `dockerfile-utils` call them many times per instruction; their
 *   results are kept per instance (a copy is returned, since callers may replace array items).
 * - `DockerfileParser.parse` remembers its last input, so `dockerfile-utils`, which parses the
 *   text again inside `validate()`, reuses the tree built here.
 * - `Dockerfile#resolveVariable` calls itself without end when the first instruction is indented
 *   and is not a FROM (its line start lies outside every stage); a nested call now answers
 *   "not defined" instead. Its answers are kept per tree, since `dockerfile-utils` asks the same
 *   question for every use of a variable (trees are complete before anyone asks).
 */

const MARK = Symbol.for('spinup.dockerfile-ast.speedups');
/** Set on a tree once the parser has returned it: from then on it no longer changes. */
const COMPLETE = Symbol('complete');

type Method = (this: object, ...args: unknown[]) => unknown;

/** Installs the speed-ups on the library's classes, once. */
function installSpeedups(): void {
	const proto = Instruction.prototype as unknown as Record<PropertyKey, unknown>;
	if (proto[MARK]) return;
	proto[MARK] = true;
	for (const name of ['getRawArguments', 'getVariables', 'getHeredocs']) {
		const original = proto[name] as Method;
		const key = Symbol(name);
		proto[name] = function cached(this: Record<PropertyKey, unknown>) {
			let value = this[key] as unknown[] | undefined;
			if (!value) {
				value = original.call(this) as unknown[];
				this[key] = value;
			}
			return value.slice();
		};
	}
	const parser = DockerfileParser as unknown as Record<string, unknown>;
	const parse = parser['parse'] as (content: string) => Dockerfile;
	let lastText: string | null = null;
	let lastTree: Dockerfile | null = null;
	parser['parse'] = (content: string): Dockerfile => {
		if (content === lastText && lastTree) return lastTree;
		const tree = parse.call(DockerfileParser, content);
		(tree as unknown as Record<PropertyKey, unknown>)[COMPLETE] = true;
		lastText = content;
		lastTree = tree;
		return tree;
	};
}

/** Stops `Dockerfile#resolveVariable` from recursing into itself, and remembers its answers. */
function installResolveGuard(): void {
	const proto = Object.getPrototypeOf(DockerfileParser.parse('')) as Record<PropertyKey, unknown>;
	if (proto[MARK]) return;
	proto[MARK] = true;
	const resolve = proto['resolveVariable'] as Method;
	const busy = Symbol('resolving');
	const answers = Symbol('answers');
	proto['resolveVariable'] = function guarded(
		this: Record<PropertyKey, unknown>,
		variable: string,
		line: number
	) {
		let known = this[answers] as Map<string, unknown> | undefined;
		if (!known) {
			known = new Map();
			this[answers] = known;
		}
		const key = `${line}\u0000${variable}`;
		if (known.has(key)) return known.get(key);
		if (this[busy]) return undefined;
		this[busy] = true;
		try {
			const value = resolve.call(this, variable, line);
			known.set(key, value);
			return value;
		} finally {
			this[busy] = false;
		}
	};
}

/** Keeps the answers of a method per complete tree, by a key made of its arguments. */
function rememberPerTree(
	proto: Record<PropertyKey, unknown>,
	name: string,
	treeOf: (self: Record<PropertyKey, unknown>) => Record<PropertyKey, unknown>,
	keyOf: (self: Record<PropertyKey, unknown>, args: unknown[]) => string
): void {
	const original = proto[name] as Method;
	const answers = Symbol(name);
	proto[name] = function remembered(this: Record<PropertyKey, unknown>, ...args: unknown[]) {
		const tree = treeOf(this);
		if (!tree[COMPLETE]) return original.apply(this, args);
		let known = tree[answers] as Map<string, unknown> | undefined;
		if (!known) {
			known = new Map();
			tree[answers] = known;
		}
		const key = keyOf(this, args);
		if (known.has(key)) return known.get(key);
		const value = original.apply(this, args);
		known.set(key, value);
		return value;
	};
}

/**
 * `Dockerfile#getContainingImage` builds a range per build stage on every call, and
 * `Instruction#isBuildVariable` lists the stage's ENVs and ARGs; both run for every use of a
 * variable. Once a tree is complete their answers depend only on their arguments, so they are kept.
 */
function installStageLookups(): void {
	const tree = Object.getPrototypeOf(DockerfileParser.parse('')) as Record<PropertyKey, unknown>;
	const instruction = Instruction.prototype as unknown as Record<PropertyKey, unknown>;
	const mark = Symbol.for('spinup.dockerfile-ast.stage-lookups');
	if (tree[mark]) return;
	tree[mark] = true;
	rememberPerTree(
		tree,
		'getContainingImage',
		(self) => self,
		(_self, [position]) => {
			const p = position as { line: number; character: number };
			return `${p.line}:${p.character}`;
		}
	);
	rememberPerTree(
		instruction,
		'isBuildVariable',
		(self) => self['dockerfile'] as Record<PropertyKey, unknown>,
		(self, [variable, line]) =>
			`${(self as unknown as Instruction).getKeyword() === 'FROM'}:${String(line)}:${String(variable)}`
	);
}

/**
 * Builds each instruction once: the parser builds a throw-away instance to look for heredocs and
 * then, unless a heredoc moved the end, an identical one to keep; the second call now gets the first.
 */
function installInstructionReuse(): void {
	const proto = Parser.prototype as unknown as Record<PropertyKey, unknown>;
	if (proto[MARK]) return;
	proto[MARK] = true;
	const create = proto['createInstruction'] as Method;
	let last: unknown[] | null = null;
	let built: unknown = null;
	proto['createInstruction'] = function reused(this: object, ...args: unknown[]) {
		if (last && last[0] === this && args.every((arg, i) => arg === last?.[i + 1])) {
			last = null;
			return built;
		}
		built = create.apply(this, args);
		last = [this, ...args];
		return built;
	};
}

/**
 * `Util.isUTF8BOM` encodes text with `Buffer` to compare its first bytes with EF BB BF, twice per
 * parse; those bytes start a UTF-8 text exactly when its first character is U+FEFF.
 */
function installBomCheck(): void {
	const util = Util as unknown as Record<PropertyKey, unknown>;
	if (util[MARK]) return;
	util[MARK] = true;
	util['isUTF8BOM'] = (text: string): boolean => text.charCodeAt(0) === 0xfeff;
}

installRawArguments();
installSpeedups();
installResolveGuard();
installInstructionReuse();
installBomCheck();
installStageLookups();

/** Parses a Dockerfile text with `dockerfile-ast`. */
export function parseAst(text: string): Dockerfile {
	return DockerfileParser.parse(text);
}
