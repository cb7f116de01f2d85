import type { DockerfileDoc, Flag, Instruction } from '../../dockerfile/types.js';

/**
 * Where a `COPY --from` points, relative to the stage of the COPY: its own stage, a later
 * stage, an earlier stage, a name that is no stage (nor an image reference), or an image.
 */
export type FromTarget = 'own' | 'later' | 'earlier' | 'unknown' | 'image';

/** The `--from` flags of COPY instructions with what they point at. */
export function copyFromTargets(
	doc: DockerfileDoc
): { ins: Instruction; flag: Flag; target: FromTarget }[] {
	const out: { ins: Instruction; flag: Flag; target: FromTarget }[] = [];
	for (const ins of doc.instructions) {
		if (ins.keyword !== 'COPY') continue;
		for (const flag of ins.flags) {
			if (flag.name !== 'from' || !flag.value || flag.value.includes('$')) continue;
			out.push({ ins, flag, target: classify(doc, ins.stage, flag.value) });
		}
	}
	return out;
}

/** Classifies one `--from` value. */
function classify(doc: DockerfileDoc, current: number, value: string): FromTarget {
	let index = /^\d+$/.test(value) ? Number(value) : -1;
	if (index < 0) index = doc.stages.findIndex((stage) => stage.name === value.toLowerCase());
	if (index < 0) return /[/:@.]/.test(value) ? 'image' : 'unknown';
	if (index === current) return 'own';
	return index > current ? 'later' : 'earlier';
}
