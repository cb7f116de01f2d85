import { parseImageRef } from './image.js';
import type { Base, Instruction, Stage } from './types.js';
import { expandVariables } from './variables.js';

/** Reads ARGs declared before the first FROM (the ones FROM lines may use). */
export function readGlobalArgs(instructions: Instruction[]): Map<string, string | null> {
	const args = new Map<string, string | null>();
	for (const instruction of instructions) {
		if (instruction.keyword === 'FROM') break;
		if (instruction.keyword !== 'ARG') continue;
		for (const property of instruction.properties) args.set(property.name, property.value);
	}
	return args;
}

/** Decides what a FROM builds on: an image, an earlier stage, `scratch`, or unknown. */
function resolveBase(
	word: string,
	names: Map<string, number>,
	globalArgs: Map<string, string | null>,
	escape: string
): Base {
	const expanded = expandVariables(word, (name) => globalArgs.get(name), escape);
	const text = expanded.value.trim();
	if (!expanded.complete || text === '') return { kind: 'unresolved', text: word };
	const lower = text.toLowerCase();
	const stage = names.get(lower);
	if (stage !== undefined) return { kind: 'stage', stage };
	if (lower === 'scratch') return { kind: 'scratch' };
	const image = parseImageRef(text);
	return image ? { kind: 'image', image } : { kind: 'unresolved', text: word };
}

/** Groups instructions into build stages. */
export function buildStages(
	instructions: Instruction[],
	globalArgs: Map<string, string | null>,
	escape: string
): Stage[] {
	const stages: Stage[] = [];
	const names = new Map<string, number>();
	for (const instruction of instructions) {
		if (instruction.keyword !== 'FROM') {
			stages[stages.length - 1]?.instructions.push(instruction);
			continue;
		}
		const [image, as, alias] = instruction.args;
		const named = as?.value.toLowerCase() === 'as' && alias ? alias : null;
		const stage: Stage = {
			index: stages.length,
			from: instruction,
			name: named ? named.value.toLowerCase() : null,
			nameRange: named ? named.range : null,
			base: image
				? resolveBase(image.value, names, globalArgs, escape)
				: { kind: 'unresolved', text: '' },
			baseWord: image ?? null,
			platform: instruction.flags.find((flag) => flag.name === 'platform') ?? null,
			instructions: [],
		};
		stages.push(stage);
		if (stage.name && !names.has(stage.name)) names.set(stage.name, stage.index);
	}
	return stages;
}

/** The stage that `docker build` produces without `--target`: the last one. */
export function finalStage(stages: readonly Stage[]): Stage | null {
	return stages[stages.length - 1] ?? null;
}

/** The stage and the earlier stages it builds on, nearest first. */
export function stageLineage(stages: readonly Stage[], stage: Stage): Stage[] {
	const chain: Stage[] = [];
	let current: Stage | undefined = stage;
	while (current && !chain.includes(current)) {
		chain.push(current);
		current = current.base.kind === 'stage' ? stages[current.base.stage] : undefined;
	}
	return chain;
}
