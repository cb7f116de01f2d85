import { allRuns, type Script } from './run-scripts.js';
import type { ShellCommand, ShellWord } from './shell.js';
import { finalStage, stageLineage } from './stages.js';
import type { DockerfileDoc, Instruction, Stage } from './types.js';
import { expandVariables, type Lookup } from './variables.js';

/** Questions rules and exercise checks ask of a parsed Dockerfile. */

/** One command of one RUN, with where it sits. */
export interface CommandSite {
	ins: Instruction;
	script: Script;
	command: ShellCommand;
	/** Index of the command in its script. */
	index: number;
}

/** Every command of every RUN, in document order (computed once per document). */
export function allCommands(doc: DockerfileDoc): CommandSite[] {
	const known = doc.memo.get('commands') as CommandSite[] | undefined;
	if (known) return known;
	const sites: CommandSite[] = [];
	doc.memo.set('commands', sites);
	for (const { ins, scripts } of allRuns(doc)) {
		for (const script of scripts) {
			script.commands.forEach((command, index) => sites.push({ ins, script, command, index }));
		}
	}
	return sites;
}

/** Whether words carry an option: a long name (`--yes`, `--yes=…`) or a short letter (`-qy`). */
export function hasOption(
	words: readonly ShellWord[],
	long: readonly string[],
	short = ''
): boolean {
	return words.some(({ value }) => {
		if (value.startsWith('--'))
			return long.some((name) => value === name || value.startsWith(`${name}=`));
		return short !== '' && /^-[A-Za-z]+$/.test(value) && [...short].some((c) => value.includes(c));
	});
}

/** The `target=` paths of an instruction's `--mount=type=cache` flags. */
export function cacheMountTargets(ins: Instruction): string[] {
	const targets: string[] = [];
	for (const flag of ins.flags) {
		if (flag.name !== 'mount' || !flag.value) continue;
		const fields = new Map(
			flag.value.split(',').map((part) => {
				const eq = part.indexOf('=');
				return [eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1)] as const;
			})
		);
		const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
		if (fields.get('type') === 'cache' && target) targets.push(target);
	}
	return targets;
}

/** The stage an instruction belongs to. */
export function stageOf(doc: DockerfileDoc, ins: Instruction): Stage | null {
	return doc.stages[ins.stage] ?? null;
}

/** The last instruction with a keyword in a stage or the stages it builds on; `null` if none. */
export function lastInLineage(
	doc: DockerfileDoc,
	stage: Stage,
	keyword: string
): Instruction | null {
	for (const link of stageLineage(doc.stages, stage)) {
		const found = link.instructions.filter((ins) => ins.keyword === keyword).pop();
		if (found) return found;
	}
	return null;
}

/** The exec-form SHELL in force for a stage, or `null` for the default `/bin/sh -c`. */
export function stageShell(
	doc: DockerfileDoc,
	stage: Stage,
	before?: Instruction
): string[] | null {
	for (const link of stageLineage(doc.stages, stage)) {
		const shells = link.instructions.filter(
			(ins) =>
				ins.keyword === 'SHELL' &&
				(!before || link !== stage || ins.range.start.line < before.range.start.line)
		);
		const last = shells.pop();
		if (last) return last.exec;
	}
	return null;
}

/** Variable values visible in a stage: global ARG defaults, stage ARGs and ENVs. */
export function stageLookup(doc: DockerfileDoc, stage: Stage): Lookup {
	const values = new Map<string, string | null>();
	for (const link of stageLineage(doc.stages, stage).reverse()) {
		for (const ins of link.instructions) {
			if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
			for (const property of ins.properties) {
				const global = doc.globalArgs.get(property.name);
				values.set(
					property.name,
					property.value ?? (ins.keyword === 'ARG' ? (global ?? null) : null)
				);
			}
		}
	}
	return (name) => values.get(name);
}

/** Expands variables in a word of a stage; `null` when some variable has no value. */
export function expandInStage(doc: DockerfileDoc, stage: Stage, text: string): string | null {
	const expanded = expandVariables(text, stageLookup(doc, stage), doc.escape);
	return expanded.complete ? expanded.value : null;
}

/** The final stage and the earlier stages it builds on. */
export function finalLineage(doc: DockerfileDoc): Stage[] {
	const last = finalStage(doc.stages);
	return last ? stageLineage(doc.stages, last) : [];
}
