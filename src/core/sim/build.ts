import { runScripts } from '../dockerfile/run-scripts.js';
import type { Instruction } from '../dockerfile/types.js';
import { expandVariables } from '../dockerfile/variables.js';
import { hashString } from '../hash.js';
import {
	copySource,
	neededStages,
	startStage,
	type BuildInput,
	type StageState,
} from './build-stage.js';
import { copyInto, copyKey } from './copy.js';
import type { Engine } from './engine.js';
import { mkdirp, resolvePath, treeSize } from './fs.js';
import { applyMode, applyRun } from './run-effects.js';
import type { Image } from './types.js';
import { resolveUser } from './users.js';

export type { BuildInput } from './build-stage.js';

/**
 * `docker build` over the engine: walks the stages the final stage needs, applies each
 * instruction to a file tree and a config, and records BuildKit-style steps. A build either
 * produces an image or stops at the first step that cannot run.
 */

/** One step as BuildKit lists it. */
export interface BuildStep {
	/** e.g. `[2/5] WORKDIR /app`. */
	label: string;
	cached: boolean;
	seconds: number;
	/** 1-based line of the instruction. */
	line: number;
}

/** What stopped a build. */
export interface BuildFailure {
	step: string;
	line: number;
	message: string;
}

/** The result of a build. */
export interface BuildResult {
	steps: BuildStep[];
	/** Base images whose metadata was loaded, fully qualified. */
	bases: string[];
	image: Image | null;
	failure: BuildFailure | null;
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** An instruction as BuildKit shows it: keyword, flags and arguments on one line. */
function stepText(ins: Instruction): string {
	return `${ins.keyword}${ins.text.slice(ins.keyword.length)}`.replace(/\s+/g, ' ').trim();
}

/** Records a key in the build cache. */
function remember(engine: Engine, key: string): void {
	const cache = engine.state.store.buildCache;
	if (!cache.includes(key)) cache.push(key);
}

/** Runs a build. */
export function buildImage(engine: Engine, input: BuildInput): BuildResult {
	const { doc } = input;
	const out: BuildResult = { steps: [], bases: [], image: null, failure: null };
	const built = new Map<number, StageState>();
	const cache = new Set(engine.state.store.buildCache);
	const multi = doc.stages.length > 1;
	const globals = new Map<string, string>();
	for (const [name, value] of doc.globalArgs) {
		const given = input.buildArgs[name] ?? value;
		if (given !== null && given !== undefined) globals.set(name, given);
	}
	let last: StageState | undefined;
	for (const stage of neededStages(doc)) {
		const total = 1 + stage.instructions.filter((i) => LAYER_KEYWORDS.has(i.keyword)).length;
		const prefix = multi ? `${stage.name ?? `stage-${stage.index}`} ` : '';
		let number = 1;
		const label = (text: string, n = number) => `[${prefix}${n}/${total}] ${text}`;
		const fail = (ins: Instruction, message: string): BuildResult => {
			const n = LAYER_KEYWORDS.has(ins.keyword) ? number + 1 : number;
			out.failure = {
				step: label(stepText(ins), n),
				line: ins.range.start.line,
				message,
			};
			return out;
		};
		const from = startStage(engine, input, stage, built, globals);
		if ('error' in from) return fail(stage.from, from.error);
		const state = from.state;
		const pullKey = `pull:${state.base}`;
		const present = !from.pulled || engine.state.store.buildCache.includes(pullKey);
		if (from.pulled) {
			if (!out.bases.includes(state.base)) out.bases.push(state.base);
			remember(engine, pullKey);
		}
		out.steps.push({
			label: label(`FROM ${state.base}`),
			cached: false,
			seconds: present ? 0 : from.seconds,
			line: stage.from.range.start.line,
		});
		for (const ins of stage.instructions) {
			const expand = (text: string) =>
				expandVariables(text, (name) => state.vars.get(name), doc.escape).value;
			const before = state.chain;
			let seconds = 0;
			let key = stepText(ins);
			switch (ins.keyword) {
				case 'ARG':
					for (const p of ins.properties) {
						const value =
							input.buildArgs[p.name] ?? (p.value !== null ? expand(p.value) : globals.get(p.name));
						if (value !== undefined) state.vars.set(p.name, value);
					}
					break;
				case 'ENV':
					for (const p of ins.properties) {
						const value = expand(p.value ?? '');
						state.vars.set(p.name, value);
						state.config.env = [
							...state.config.env.filter((e) => !e.startsWith(`${p.name}=`)),
							`${p.name}=${value}`,
						];
					}
					break;
				case 'LABEL':
					for (const p of ins.properties) state.config.labels[p.name] = expand(p.value ?? '');
					break;
				case 'USER':
					state.config.user = expand(ins.argsText.trim());
					break;
				case 'EXPOSE':
					for (const word of ins.args) {
						const port = expand(word.value);
						state.config.exposed.push(port.includes('/') ? port : `${port}/tcp`);
					}
					break;
				case 'CMD':
				case 'ENTRYPOINT': {
					const words = ins.exec ?? ['/bin/sh', '-c', ins.argsText.trim()];
					if (ins.keyword === 'ENTRYPOINT') {
						state.config.entrypoint = words;
						state.shell.entrypoint = ins.exec === null;
						if (!state.shell.cmdSet) state.config.cmd = null;
					} else {
						state.config.cmd = words;
						state.shell.cmd = ins.exec === null;
						state.shell.cmdSet = true;
					}
					state.config.shellForm = state.config.entrypoint
						? state.shell.entrypoint
						: state.shell.cmd;
					break;
				}
				case 'VOLUME':
					for (const word of ins.exec ?? ins.args.map((w) => w.value))
						mkdirp(state.files, resolvePath(state.config.workdir, expand(word)));
					break;
				case 'WORKDIR': {
					const dir = resolvePath(state.config.workdir || '/', expand(ins.argsText.trim()));
					state.config.workdir = dir;
					mkdirp(state.files, dir);
					break;
				}
				case 'RUN':
					for (const script of runScripts(doc, ins))
						state.size += applyRun(state.files, state.config.workdir || '/', script.commands);
					seconds = /pip3? install/.test(ins.argsText)
						? 4.2
						: /(apt-get|apk|apt) .*install/.test(ins.argsText)
							? 8.1
							: 0.6;
					break;
				case 'COPY':
				case 'ADD': {
					const words = (ins.exec ?? ins.args.map((w) => w.value)).map(expand);
					if (words.length < 2)
						return fail(
							ins,
							`${ins.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`
						);
					const source = copySource(engine, input, ins, stage, built);
					if ('error' in source) return fail(ins, source.error);
					const chown = ins.flags.find((f) => f.name === 'chown')?.value;
					const owner = chown ? resolveUser(state.files, expand(chown)) : { uid: 0, gid: 0 };
					if (typeof owner === 'string')
						return fail(ins, `unable to convert uid/gid chown string to host mapping: ${owner}`);
					const chmod = ins.flags.find((f) => f.name === 'chmod')?.value;
					const mode = chmod ? applyMode(0o644, chmod) : null;
					const sources = words.slice(0, -1);
					key += copyKey(source, sources);
					const missing = copyInto(state.files, source, {
						sources,
						dest: words[words.length - 1] ?? '.',
						workdir: state.config.workdir || '/',
						owner: `${owner.uid}:${owner.gid}`,
						mode,
					});
					if (missing)
						return fail(
							ins,
							`failed to compute cache key: failed to calculate checksum of ref: "${missing}": not found`
						);
					seconds = 0.1;
					break;
				}
				default:
					break;
			}
			state.steps.push(stepText(ins));
			if (!LAYER_KEYWORDS.has(ins.keyword)) continue;
			number += 1;
			state.chain = hashString(`${before}\u0000${key}`);
			const cached = !input.noCache && cache.has(state.chain);
			remember(engine, state.chain);
			out.steps.push({
				label: label(stepText(ins)),
				cached,
				seconds: cached ? 0 : seconds,
				line: ins.range.start.line,
			});
		}
		built.set(stage.index, state);
		last = state;
	}
	if (!last) return out;
	const body = { base: last.base, config: last.config, files: last.files, steps: last.steps };
	out.image = {
		id: hashString(JSON.stringify(body)),
		...body,
		size: last.size + treeSize(last.files),
		created: engine.now(),
	};
	return out;
}
