import { expandInStage, stageOf } from '../../dockerfile/queries.js';
import type { DockerfileDoc, Instruction, Word } from '../../dockerfile/types.js';

/** A port or port range of an EXPOSE, after variable expansion. */
export interface ExposedPort {
	ins: Instruction;
	word: Word;
	first: number;
	last: number;
}

const PORT = /^(\d+)(?:-(\d+))?(?:\/[A-Za-z]*)?$/;

/** The ports of every EXPOSE; words that do not expand to a port are left out. */
export function exposedPorts(doc: DockerfileDoc): ExposedPort[] {
	const out: ExposedPort[] = [];
	for (const ins of doc.instructions) {
		if (ins.keyword !== 'EXPOSE') continue;
		const stage = stageOf(doc, ins);
		for (const word of ins.args) {
			const value = stage ? expandInStage(doc, stage, word.value) : word.value;
			const match = value === null ? null : PORT.exec(value.trim());
			if (!match?.[1]) continue;
			const first = Number(match[1]);
			out.push({ ins, word, first, last: match[2] ? Number(match[2]) : first });
		}
	}
	return out;
}
