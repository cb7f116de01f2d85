import type { Instruction as AstInstruction } from 'dockerfile-ast';
import { buildInstruction, type BuildContext } from './instruction.js';
import { sanitize } from './sanitize.js';
import { buildStages, readGlobalArgs } from './stages.js';
import { fromLsp, indexLines } from './text.js';
import type { Directive, DockerfileDoc, Instruction } from './types.js';

export type { DockerfileDoc } from './types.js';

/** An empty document for text that could not be parsed. */
function failed(text: string, failure: string): DockerfileDoc {
	return {
		text,
		source: text,
		lines: indexLines(text),
		escape: '\\',
		directives: [],
		instructions: [],
		globalArgs: new Map(),
		stages: [],
		failure,
		tree: null,
		memo: new Map(),
	};
}

/** Builds the instructions, numbering stages at each FROM. */
function readInstructions(ctx: BuildContext, nodes: AstInstruction[]): Instruction[] {
	let stage = -1;
	return nodes.map((node) => {
		if (node.getKeyword() === 'FROM') stage++;
		return buildInstruction(ctx, node, stage);
	});
}

/** Parses a Dockerfile; never throws (a failure is recorded in `failure`). */
export function parseDockerfile(text: string): DockerfileDoc {
	try {
		const { source, tree } = sanitize(text);
		const lines = indexLines(source);
		const escape = tree.getEscapeCharacter();
		const ctx: BuildContext = { text, source, lines, escape };
		const instructions = readInstructions(ctx, tree.getInstructions());
		const directives: Directive[] = tree.getDirectives().map((directive) => ({
			name: directive.getName().toLowerCase(),
			value: directive.getValue(),
			range: fromLsp(directive.getRange()),
		}));
		const globalArgs = readGlobalArgs(instructions);
		return {
			text,
			source,
			lines,
			escape,
			directives,
			instructions,
			globalArgs,
			stages: buildStages(instructions, globalArgs, escape),
			failure: null,
			tree,
			memo: new Map(),
		};
	} catch (error) {
		return failed(text, error instanceof Error ? error.message : String(error));
	}
}
