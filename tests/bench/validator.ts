/**
 * Validator speed over the shared Dockerfile corpus: median, p95 and max time of
 * `validate('dockerfile', …)` per file, and the total for the whole corpus.
 * Budgets (Node 20): median ≤ 1.5 ms, no file over 25 ms, whole corpus ≤ 400 ms.
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

/**
 * Times a piece of work in milliseconds of CPU time (user + system) of this process, so that
 * other work on the shared machine counts less; `WALL=1` measures wall-clock time instead.
 */
function measure(work: () => void): number {
	if (process.env['WALL'] === '1') {
		const start = performance.now();
		work();
		return performance.now() - start;
	}
	const start = process.cpuUsage();
	work();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

/** Times one validation. */
function time(text: string): number {
	return measure(() => validate('dockerfile', text, { center }));
}

/** The value at a quantile of sorted numbers. */
function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

// Cold pass: the first time every file is seen (includes JIT warm-up).
const cold = files.reduce((sum, { text }) => sum + time(text), 0);

// Warm passes: every round validates the files in turn (so no parse is reused from the call
// before), and each file's time is its median over the rounds.
const times = files.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
	files.forEach(({ text }, i) => times[i]?.push(time(text)));
}
const perFile = files.map(({ file }, i) => ({
	file,
	ms: quantile(
		[...(times[i] ?? [])].sort((a, b) => a - b),
		0.5
	),
}));
// Reference: dockerfile-utils alone (it parses and checks each file once), the floor under
// our figures; it shows how fast this machine is at the moment. Importing the validator installs
// its speed-ups in dockerfile-ast and dockerfile-utils (src/core/dockerfile/ast.ts and
// utils-speedups.ts), so this reference runs with them too.
const reference = Array.from({ length: ROUNDS }, () =>
	measure(() => {
		for (const { text } of files) utilsValidate(`${text}\n`);
	})
).sort((a, b) => a - b);

const sorted = perFile.map((f) => f.ms).sort((a, b) => a - b);
const total = sorted.reduce((sum, ms) => sum + ms, 0);
const slowest = [...perFile].sort((a, b) => b.ms - a.ms).slice(0, 3);

const line = (label: string, value: number, budget: number) =>
	`${label.padEnd(22)} ${value.toFixed(2).padStart(8)} ms   budget ${budget} ms   ${value <= budget ? 'ok' : 'OVER'}`;
console.log(
	`validate('dockerfile') over ${files.length} corpus files (${ROUNDS} rounds, ${process.env['WALL'] === '1' ? 'wall-clock' : 'CPU'} time, Node ${process.versions.node}, load ${loadAverage()})`
);
console.log(line('median per file', quantile(sorted, 0.5), 1.5));
console.log(`${'p95 per file'.padEnd(22)} ${quantile(sorted, 0.95).toFixed(2).padStart(8)} ms`);
console.log(line('max per file', sorted[sorted.length - 1] ?? 0, 25));
console.log(line('whole corpus (warm)', total, 400));
console.log(line('whole corpus (cold)', cold, 400));
console.log(
	`${'dockerfile-utils alone'.padEnd(22)} ${quantile(reference, 0.5).toFixed(2).padStart(8)} ms   (whole corpus, with the speed-ups, for reference)`
);
console.log('slowest:', slowest.map((f) => `${f.file} ${f.ms.toFixed(2)} ms`).join(', '));
