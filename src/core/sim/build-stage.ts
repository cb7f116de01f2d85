import type { Center } from '../center.js';
import type { DockerfileDoc, Instruction, Stage } from '../dockerfile/types.js';
import { expandVariables } from '../dockerfile/variables.js';
import { hashString } from '../hash.js';
import { baseImage, emptyConfig, publicImageExists } from './bases.js';
import type { CopySource } from './copy.js';
import type { Engine } from './engine.js';
import { cloneTree } from './fs.js';
import { readImageName } from './refs.js';
import type { FileTree, Image, ImageConfig } from './types.js';

/** Build stages: which ones the final stage needs, and what each starts from. */

/** What a build reads. */
export interface BuildInput {
	doc: DockerfileDoc;
	context: Readonly<Record<string, string>>;
	buildArgs: Readonly<Record<string, string>>;
	noCache: boolean;
	center: Center;
}

/** A stage being built: its files and config so far. */
export interface StageState {
	files: FileTree;
	config: ImageConfig;
	base: string;
	steps: string[];
	size: number;
	chain: string;
	vars: Map<string, string>;
	/** Whether ENTRYPOINT and CMD are in shell form, and whether this stage set CMD. */
	shell: { entrypoint: boolean; cmd: boolean; cmdSet: boolean };
}

/** Finds the stage a `--from` or FROM value names. */
export function stageNamed(doc: DockerfileDoc, value: string, before: number): Stage | undefined {
	const lower = value.toLowerCase();
	const byName = doc.stages.find((s) => s.name === lower && s.index < before);
	if (byName) return byName;
	return /^\d+$/.test(value) && Number(value) < before ? doc.stages[Number(value)] : undefined;
}

/** The stages the final stage needs, in order. */
export function neededStages(doc: DockerfileDoc): Stage[] {
	const needed = new Set<number>();
	const visit = (stage: Stage | undefined) => {
		if (!stage || needed.has(stage.index)) return;
		needed.add(stage.index);
		if (stage.base.kind === 'stage') visit(doc.stages[stage.base.stage]);
		for (const ins of stage.instructions) {
			const from = ins.keyword === 'COPY' ? ins.flags.find((f) => f.name === 'from')?.value : null;
			if (from) visit(stageNamed(doc, from, stage.index));
		}
	};
	visit(doc.stages[doc.stages.length - 1]);
	return doc.stages.filter((s) => needed.has(s.index));
}

/** Starts a stage from its base: an earlier stage, scratch, a local or registry image, or a public one. */
export function startStage(
	engine: Engine,
	input: BuildInput,
	stage: Stage,
	built: Map<number, StageState>,
	globals: Map<string, string>
): { state: StageState; pulled: boolean; seconds: number } | { error: string } {
	const fresh = (base: string, files: FileTree, config: ImageConfig, size: number): StageState => ({
		files: cloneTree(files),
		config: structuredClone(config),
		base,
		steps: [],
		size,
		chain: hashString(`FROM ${base}\u0000${JSON.stringify(config)}`),
		vars: new Map(config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])),
		shell: { entrypoint: config.shellForm, cmd: config.shellForm, cmdSet: false },
	});
	if (stage.base.kind === 'stage') {
		const parent = built.get(stage.base.stage);
		if (!parent) return { error: `stage ${stage.base.stage} is not built` };
		return {
			state: {
				...fresh(parent.base, parent.files, parent.config, parent.size),
				chain: parent.chain,
			},
			pulled: false,
			seconds: 0,
		};
	}
	if (stage.base.kind === 'scratch')
		return { state: fresh('scratch', {}, emptyConfig(), 0), pulled: false, seconds: 0 };
	const raw = stage.baseWord?.value ?? '';
	const text = expandVariables(raw, (name) => globals.get(name), input.doc.escape).value.trim();
	if (text === '') return { error: `base name (${raw}) should not be blank` };
	const named = stageNamed(input.doc, text, stage.index);
	const parent = named ? built.get(named.index) : undefined;
	if (parent)
		return {
			state: {
				...fresh(parent.base, parent.files, parent.config, parent.size),
				chain: parent.chain,
			},
			pulled: false,
			seconds: 0,
		};
	const found = resolveImage(engine, input.center, text);
	if ('error' in found) return found;
	const { image, full, pulled } = found;
	return {
		state: fresh(full, image.files, image.config, image.size),
		pulled,
		seconds: pulled ? Math.round((image.size / 40_000_000 + 0.4) * 10) / 10 : 0,
	};
}

/** Resolves an image reference for FROM or COPY --from: local, pushed, or a public image. */
export function resolveImage(
	engine: Engine,
	center: Center,
	text: string
):
	| { image: Pick<Image, 'files' | 'config' | 'size'>; full: string; pulled: boolean }
	| { error: string } {
	const name = readImageName(text);
	if ('error' in name) return { error: `failed to parse stage name "${text}": ${name.error}` };
	const store = engine.state.store;
	const localId = store.tags[name.ref] ?? store.registry[name.ref];
	const local = localId ? store.images[localId] : undefined;
	if (local) return { image: local, full: name.full, pulled: false };
	if (name.host === center.registries.nersc || name.host === center.registries.legacy) {
		return { error: `failed to resolve source metadata for ${name.full}: ${name.full}: not found` };
	}
	if (!publicImageExists(name)) {
		return {
			error: `failed to resolve source metadata for ${name.full}: pull access denied, repository does not exist or may require authorization`,
		};
	}
	return { image: baseImage(name), full: name.full, pulled: true };
}

/** The source of a COPY: the build context, an earlier stage, or an image (`--from`). */
export function copySource(
	engine: Engine,
	input: BuildInput,
	ins: Instruction,
	stage: Stage,
	built: Map<number, StageState>
): CopySource | { error: string } {
	const from = ins.keyword === 'COPY' ? ins.flags.find((f) => f.name === 'from')?.value : undefined;
	if (!from) return { kind: 'context', files: input.context };
	const named = stageNamed(input.doc, from, stage.index);
	const state = named ? built.get(named.index) : undefined;
	if (state) return { kind: 'tree', tree: state.files };
	const found = resolveImage(engine, input.center, from);
	return 'error' in found ? found : { kind: 'tree', tree: found.image.files };
}
