import { finalLineage } from '../../dockerfile/queries.js';
import type { DockerfileDoc, Instruction, Stage } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { copyTargets, fallbackRange, ImagePaths, normalizePath } from './dockerfile-util.js';
import { fail, pass, type CheckEnv, type CheckResult } from './types.js';

/** Tells whether a `--from=` value names a stage written before `stage`. */
function fromEarlierStage(doc: DockerfileDoc, stage: Stage, value: string): boolean {
	const lower = value.toLowerCase();
	if (/^\d+$/.test(lower)) return Number(lower) < stage.index;
	return doc.stages.some((s) => s.index < stage.index && s.name === lower);
}

/** Checks that a COPY of the final stage puts a file at a path (or copies from an earlier stage). */
export function checkCopy(check: CheckOf<'copy'>, doc: DockerfileDoc, env: CheckEnv): CheckResult {
	const source = check.source?.replace(/^\.\//, '');
	const dest = check.dest === undefined ? undefined : normalizePath(check.dest);
	const files = [...Object.keys(env.context), ...(source === undefined ? [] : [source])];
	const paths = new ImagePaths();
	let near: { ins: Instruction; target: string } | null = null;
	for (const stage of finalLineage(doc).reverse()) {
		for (const ins of stage.instructions) {
			if (ins.keyword === 'WORKDIR' && ins.args[0]) paths.workdir(ins.args[0].value);
			if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
			const from = ins.flags.find((flag) => flag.name === 'from');
			const targets = copyTargets(ins, paths, from ? [] : files);
			if (ins.keyword !== 'COPY') continue;
			if (check.from && !(from?.value && fromEarlierStage(doc, stage, from.value))) continue;
			if (!check.from && from) continue;
			for (const { file, target } of targets) {
				const sameSource =
					source === undefined || file === source || normalizePath(file) === normalizePath(source);
				if (!sameSource) continue;
				if (dest === undefined || target === dest) return pass(ins.range);
				near ??= { ins, target };
			}
		}
	}
	if (near) {
		return fail(
			`COPY puts ${source ?? 'the files'} at ${near.target}, not at ${dest}.`,
			near.ins.range
		);
	}
	if (check.from) {
		return fail('No COPY --from=<stage> takes files from an earlier stage.', fallbackRange(doc));
	}
	return fail(
		`No COPY copies ${source ?? 'files'}${dest ? ` to ${dest}` : ''}.`,
		fallbackRange(doc)
	);
}
