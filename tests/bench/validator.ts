/**
 * Validator speed over the shared Dockerfile corpus: median, p95 and max time of
 * `validate('dockerfile', …)` per file, and the total for the whole corpus.
 * Budgets (Node 20, wall-clock, steady state): median ≤ 1.5 ms, no file over 25 ms, whole corpus
 * ≤ 400 ms.
 * Run with `npx vite-node tests/bench/validator.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parse } from 'yaml';
import { validate as utilsValidate } from 'dockerfile-utils';
import { CenterSchema } from '../../src/core/center.js';
import { validate } from '../../src/core/validate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(root, '../shared/corpus/dockerfiles');
const center = CenterSchema.parse(
	parse(readFileSync(path.join(root, 'content/center.yaml'), 'utf8'))
);
const files = readdirSync(corpus)
	.filter((file) => !file.endsWith('.md') && !file.endsWith('.json'))
	.sort((a, b) => a.localeCompare(b, 'en'))
	.map((file) => ({ file, text: readFileSync(path.join(corpus, file), 'utf8') }));

const ROUNDS = 5;

/** The one-minute load average: other work on the machine slows every figure. */
function loadAverage(): string {
	return (loadavg()[0] ?? 0).toFixed(1);
}

/** Wall-clock and CPU milliseconds of one piece of work. */
interface Timing {
	wall: number;
	cpu: number;
}

/**
 * Times a piece of work: wall-clock time (what a learner waits for, and what the budgets mean) and
 * CPU time of this process (user + system). CPU time counts less of other work on a shared
 * machine, but it adds the garbage collector's and compiler's helper threads, which run beside
 * the validation, so it overstates a file that allocates a lot.
 */
function measure(work: () => void): Timing {
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	work();
	const wall = performance.now() - start;
	const used = process.cpuUsage(cpuStart);
	return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Times one validation. */
function time(text: string): Timing {
	return measure(() => validate('dockerfile', text, { center }));
}

/** The value at a quantile of sorted numbers. */
function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Adds up timings. */
const sum = (list: Timing[]): Timing =>
	list.reduce((a, b) => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu }), { wall: 0, cpu: 0 });

// Cold pass: the first time every file is seen (includes JIT warm-up).
const cold = sum(files.map(({ text }) => time(text)));

// Warm passes: every round validates the files in turn (so no parse is reused from the call
// before), and each file's time is its median over the rounds.
const times = files.map(() => [] as Timing[]);
for (let round = 0; round < ROUNDS; round++) {
	files.forEach(({ text }, i) => times[i]?.push(time(text)));
}
/** A file's median over the rounds, on one clock. */
const median = (list: Timing[], clock: keyof Timing) =>
	quantile(
		list.map((t) => t[clock]).sort((a, b) => a - b),
		0.5
	);
const perFile = files.map(({ file }, i) => ({
	file,
	wall: median(times[i] ?? [], 'wall'),
	cpu: median(times[i] ?? [], 'cpu'),
}));
// Reference: dockerfile-utils alone (it parses and checks each file once), the floor under
// our figures; it shows how fast this machine is at the moment. Importing the validator installs
// its speed-ups in dockerfile-ast and dockerfile-utils (src/core/dockerfile/ast.ts and
// utils-speedups.ts), so this reference runs with them too.
const reference = Array.from({ length: ROUNDS }, () =>
	measure(() => {
		for (const { text } of files) utilsValidate(`${text}\n`);
	})
);

/** Median, p95, max and total of the per-file medians on one clock. */
function summary(clock: keyof Timing) {
	const sorted = perFile.map((f) => f[clock]).sort((a, b) => a - b);
	return {
		median: quantile(sorted, 0.5),
		p95: quantile(sorted, 0.95),
		max: sorted[sorted.length - 1] ?? 0,
		total: sorted.reduce((a, b) => a + b, 0),
	};
}
const wall = summary('wall');
const cpu = summary('cpu');
const slowest = [...perFile].sort((a, b) => b.wall - a.wall).slice(0, 3);

const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;
const line = (label: string, w: number, c: number, budget?: number) =>
	`${label.padEnd(22)} ${ms(w)} ${ms(c)}` +
	(budget === undefined ? '' : `   budget ${budget} ms   ${w <= budget ? 'ok' : 'OVER'}`);
console.log(
	`validate('dockerfile') over ${files.length} corpus files (${ROUNDS} rounds, Node ${process.versions.node}, load ${loadAverage()})`
);
console.log(`${''.padEnd(22)} ${'wall-clock'.padStart(11)} ${'CPU time'.padStart(11)}`);
console.log(line('median per file', wall.median, cpu.median, 1.5));
console.log(line('p95 per file', wall.p95, cpu.p95));
console.log(line('max per file', wall.max, cpu.max, 25));
console.log(line('whole corpus (warm)', wall.total, cpu.total, 400));
// The budgets are steady-state figures, like the per-file medians above; the first pass, which
// includes compiling the validator, is printed for reference.
console.log(
	`${line('first pass (cold)', cold.wall, cold.cpu)}   (every file once, JIT warm-up included)`
);
const ref = (clock: keyof Timing) =>
	quantile(
		reference.map((t) => t[clock]).sort((a, b) => a - b),
		0.5
	);
console.log(
	`${line('dockerfile-utils alone', ref('wall'), ref('cpu'))}   (whole corpus, with the speed-ups, for reference)`
);
console.log(
	'slowest (wall-clock):',
	slowest.map((f) => `${f.file} ${f.wall.toFixed(2)} ms`).join(', ')
);
