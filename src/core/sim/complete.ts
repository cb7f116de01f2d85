import type { Center } from '../center.js';
import { tokenize } from './argv.js';
import { COMMANDS, findCommand, GROUPS, spellings, subcommands } from './commands.js';
import type { CommandSpec } from './command.js';
import type { Engine } from './engine.js';
import { EXEC_PROGRAMS } from './exec.js';
import type { FlagSpec, ValueKind } from './flags.js';
import { kindInfo, KINDS } from './kube-data.js';
import { listWorkspace } from './workspace.js';

/**
 * Tab completion, a pure function of the line, the cursor and the engine's state: command
 * names, sub-commands, flags, and flag values or operands by kind (files, images, containers,
 * namespaces, resource types and names, capabilities).
 */

/** What completion reads. */
export interface CompletionSource {
	engine: Engine;
	files: Readonly<Record<string, string>>;
	center: Center;
}

/** A completion: the word `[start, end)` of the line becomes `replacement`. */
export interface Completion {
	start: number;
	end: number;
	/** Every candidate for the word, sorted. */
	candidates: string[];
	/** The candidates' common prefix; with one candidate, the candidate and a space. */
	replacement: string;
	/** The line and cursor after the replacement. */
	line: string;
	cursor: number;
}

/** Longest common prefix of strings. */
function commonPrefix(words: readonly string[]): string {
	if (words.length === 0) return '';
	let prefix = words[0] ?? '';
	for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/** Files and directories of the workspace under the directory part of a prefix. */
function fileCandidates(source: CompletionSource, prefix: string): string[] {
	const slash = prefix.lastIndexOf('/');
	const dir = slash < 0 ? '' : prefix.slice(0, slash);
	return listWorkspace(source.files, dir.replace(/^\.\//, '').replace(/^\.$/, '')).map((name) =>
		slash < 0 ? name : `${dir}/${name}`
	);
}

/** Candidates for a value kind. */
function valueCandidates(
	source: CompletionSource,
	kind: ValueKind,
	prefix: string,
	context: { namespace: string; resource: string | undefined }
): string[] {
	const { engine, center } = source;
	const state = engine.state;
	const inNamespace = <T extends { namespace: string }>(list: T[]) =>
		list.filter((o) => o.namespace === context.namespace);
	switch (kind) {
		case 'file':
			return fileCandidates(source, prefix);
		case 'image':
			return [...Object.keys(state.store.tags), `${center.registries.nersc}/`];
		case 'local-image':
			return Object.keys(state.store.tags);
		case 'container':
			return state.containers.map((c) => c.name);
		case 'running-container':
			return state.containers.filter((c) => c.state === 'running').map((c) => c.name);
		case 'namespace':
			return state.cluster.objects.filter((o) => o.kind === 'Namespace').map((o) => o.name);
		case 'capability':
			return ['ALL', ...center.capabilities.allowed];
		case 'resource':
			return KINDS.map((k) => k.plural);
		case 'object': {
			const info = context.resource ? kindInfo(context.resource) : undefined;
			if (!info) return [];
			if (info.kind === 'Pod') return inNamespace(state.cluster.pods).map((p) => p.name);
			return state.cluster.objects
				.filter(
					(o) => o.kind === info.kind && (o.namespace === context.namespace || !info.namespaced)
				)
				.map((o) => o.name);
		}
		case 'pod':
			return [
				...inNamespace(state.cluster.pods).map((p) => p.name),
				...inNamespace(state.cluster.objects.filter((o) => o.kind === 'Deployment')).map(
					(o) => `deployment/${o.name}`
				),
			];
		case 'rollout':
			return inNamespace(state.cluster.objects.filter((o) => o.kind === 'Deployment')).map(
				(o) => `deployment/${o.name}`
			);
		case 'host':
			return [center.registries.nersc];
		case 'command':
			return EXEC_PROGRAMS;
		default:
			return [];
	}
}

/** The flag spec of a word such as `-n` or `--namespace`. */
function flagOf(spec: CommandSpec, word: string): FlagSpec | undefined {
	return spec.flags.find((f) => f.names.includes(word));
}

/** Candidates for the word after a command's path. */
function argumentCandidates(
	source: CompletionSource,
	spec: CommandSpec,
	args: readonly string[],
	prefix: string,
	after: readonly string[]
): { candidates: string[]; prefix: string } {
	const previous = args[args.length - 1];
	const previousFlag =
		previous !== undefined && previous.startsWith('-') && !previous.includes('=')
			? flagOf(spec, previous)
			: undefined;
	const every = [...args, prefix, ...after];
	const nsAt = every.findIndex((a) => a === '-n' || a === '--namespace');
	const nsInline = every.find((a) => a.startsWith('--namespace='))?.slice('--namespace='.length);
	const namespace = (nsAt >= 0 ? every[nsAt + 1] : nsInline) ?? 'default';
	const positionals: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const word = args[i] ?? '';
		if (word === '--') break;
		if (word.startsWith('-')) {
			if (flagOf(spec, word)?.value && !word.includes('=')) i++;
		} else positionals.push(word);
	}
	const context = { namespace, resource: positionals[0] };
	if (previousFlag?.value)
		return {
			candidates: valueCandidates(source, previousFlag.complete ?? 'none', prefix, context),
			prefix,
		};
	const eq = prefix.indexOf('=');
	if (prefix.startsWith('--') && eq > 0) {
		const flag = flagOf(spec, prefix.slice(0, eq));
		const head = prefix.slice(0, eq + 1);
		const values = flag?.value
			? valueCandidates(source, flag.complete ?? 'none', prefix.slice(eq + 1), context)
			: [];
		return { candidates: values.map((v) => head + v), prefix };
	}
	if (prefix.startsWith('-')) return { candidates: spec.flags.flatMap((f) => f.names), prefix };
	if (args.includes('--')) return { candidates: EXEC_PROGRAMS, prefix };
	const kinds = spec.operands;
	const kind =
		kinds.length === 0 ? 'none' : (kinds[Math.min(positionals.length, kinds.length - 1)] ?? 'none');
	return { candidates: valueCandidates(source, kind, prefix, context), prefix };
}

/** Completes the word at the cursor. */
export function complete(line: string, cursor: number, source: CompletionSource): Completion {
	const at = Math.max(0, Math.min(cursor, line.length));
	const before = line.slice(0, at);
	const { tokens } = tokenize(before);
	const lastOp = tokens.map((t) => t.kind).lastIndexOf('op');
	const own = tokens.slice(lastOp + 1);
	const last = own[own.length - 1];
	const typing = last !== undefined && last.end === at && !/\s$/.test(before);
	const current = typing ? last : undefined;
	const prefix = current?.value ?? '';
	const start = current?.start ?? at;
	const words = (typing ? own.slice(0, -1) : own).map((t) => t.value);
	let candidates: string[];
	if (words.length === 0) {
		candidates = [
			...new Set([
				...COMMANDS.flatMap((c) => spellings(c).map((p) => p[0] ?? '')),
				...Object.keys(GROUPS).filter((g) => !g.includes(' ')),
			]),
		];
	} else {
		const found = findCommand(words);
		if ('spec' in found) {
			const rest = tokenize(line.slice(at)).tokens;
			const stop = rest.findIndex((t) => t.kind === 'op');
			const after = (stop < 0 ? rest : rest.slice(0, stop))
				.map((t) => t.value)
				.slice(typing && /^\S/.test(line.slice(at)) ? 1 : 0);
			candidates = argumentCandidates(
				source,
				found.spec,
				words.slice(found.length),
				prefix,
				after
			).candidates;
		} else candidates = found.group.length === words.length ? subcommands(found.group) : [];
	}
	const matching = [...new Set(candidates.filter((c) => c.startsWith(prefix)))].sort((a, b) =>
		a.localeCompare(b, 'en')
	);
	const only = matching.length === 1 ? (matching[0] ?? '') : null;
	const quote = (text: string) => (/\s/.test(text) ? `'${text}'` : text);
	const replacement =
		only !== null
			? quote(only) + (/[/=]$/.test(only) ? '' : ' ')
			: matching.length > 0
				? quote(commonPrefix(matching))
				: prefix;
	const raw = line.slice(start, at);
	const text = matching.length === 0 ? raw : replacement;
	return {
		start,
		end: at,
		candidates: matching,
		replacement: text,
		line: line.slice(0, start) + text + line.slice(at),
		cursor: start + text.length,
	};
}
