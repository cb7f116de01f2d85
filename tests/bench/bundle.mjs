#!/usr/bin/env node
// Prints the gzip size of what a page downloads for validation, minified as a browser build ships
// it: each kind's validation worker (all a Dockerfile or a YAML exercise loads to validate and
// grade), against the 60 kB budget, and for reference the worker for exercises that mix both
// kinds and the combined validator (src/core/validate.ts), with the largest contributors.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const BUDGET_KB = 60;

/** Loads `?raw` imports as strings, as Vite does. */
const raw = {
	name: 'raw',
	setup(b) {
		b.onResolve({ filter: /\?raw$/ }, (args) => ({
			path: resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
			namespace: 'raw',
		}));
		b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
			contents: `export default ${JSON.stringify(readFileSync(args.path, 'utf8'))};`,
			loader: 'js',
		}));
	},
};

/** Bundles one entry; returns its gzip size in kB and its largest contributors. */
async function measure(entry) {
	const result = await build({
		entryPoints: [resolve(ROOT, entry)],
		bundle: true,
		minify: true,
		format: 'esm',
		platform: 'browser',
		write: false,
		metafile: true,
		plugins: [raw],
	});
	const code = result.outputFiles[0].contents;
	const byPackage = {};
	for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
		const key = file.includes('node_modules/')
			? file
					.split('node_modules/')[1]
					.split('/')
					.slice(0, file.includes('node_modules/@') ? 2 : 1)
					.join('/')
			: file.split('/').slice(0, 3).join('/');
		byPackage[key] = (byPackage[key] ?? 0) + info.bytesInOutput;
	}
	const top = Object.entries(byPackage)
		.sort((a, b) => b[1] - a[1])
		.slice(0, 8);
	return { raw: code.length / 1000, gzip: gzipSync(code, { level: 9 }).length / 1000, top };
}

const bundles = [
	{ label: 'Dockerfile exercise', entry: 'src/client/validate-dockerfile.worker.ts', budget: true },
	{ label: 'YAML exercise', entry: 'src/client/validate-yaml.worker.ts', budget: true },
	{ label: 'mixed exercise (reference)', entry: 'src/client/validate.worker.ts', budget: false },
	{ label: 'combined validator (reference)', entry: 'src/core/validate.ts', budget: false },
];

console.log('\nValidation bundles (esbuild, minified; gzip is what a page downloads)');
for (const { label, entry, budget } of bundles) {
	const { raw: rawKb, gzip, top } = await measure(entry);
	const verdict = budget ? `budget ${BUDGET_KB} kB   ${gzip <= BUDGET_KB ? 'OK' : 'OVER'}` : '';
	console.log(
		`${label.padEnd(31)} ${gzip.toFixed(1).padStart(6)} kB gzip  ${rawKb.toFixed(1).padStart(6)} kB raw   ${verdict}`
	);
	console.log(`  ${entry}: ${top.map(([n, b]) => `${n} ${(b / 1000).toFixed(1)}`).join(', ')}`);
}
