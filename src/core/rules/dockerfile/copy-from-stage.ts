import type { DockerfileDoc, Flag, Instruction } from '../../dockerfile/types.js';

/**
 * Where a `COPY --from` points, relative to the stage of the COPY: its own stage, a later
 * stage, an earlier stage, a name that is no stage (nor an image reference), or an image.
 */
export type FromTarget = 'own' | 'later' | 'earlier' | 'unknown' | 'image';

/** A `--from` flag of a COPY instruction with what it points at. */
export interface CopyFrom {
	ins: Instruction;
	flag: Flag;
	target: FromTarget;
}

const KEY = 'copy-from-targets';

/** The `--from` flags of COPY instructions with what they point at (computed once per document). */
export function copyFromTargets(doc: DockerfileDoc): readonly CopyFrom[] {
	const known = doc.memo.get(KEY) as CopyFrom[] | undefined;
	if (known) return known;
	const out: CopyFrom[] = [];
	for (const ins of doc.instructions) {
		if (ins.keyword !== 'COPY') continue;
		for (const flag of ins.flags) {
			if (flag.name !== 'from' || !flag.value || flag.value.includes('$')) continue;
			out.push({ ins, flag, target: classify(doc, ins.stage, flag.value) });
		}
	}
	doc.memo.set(KEY, out);
	return out;
}

/** Classifies one `--from` value. */
function classify(doc: DockerfileDoc, current: number, value: string): FromTarget {
	let index = /^\d+$/.test(value) ? Number(value) : -1;
	const name = value.toLowerCase();
	if (index < 0) index = doc.stages.findIndex((stage) => stage.name === name);
	if (index < 0) return /[/:@.]/.test(value) ? 'image' : 'unknown';
	if (index === current) return 'own';
	return index > current ? 'later' : 'earlier';
}
