#!/usr/bin/env node
// Prints the gzip size of the browser bundle of the validator (src/core/validate.ts), minified as
// a browser build would ship it, and the largest contributors.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const result = await build({
	entryPoints: [resolve(ROOT, 'src/core/validate.ts')],
	bundle: true,
	minify: true,
	format: 'esm',
	platform: 'browser',
	write: false,
	metafile: true,
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
console.log('\nValidator browser bundle (src/core/validate.ts, esbuild, minified)');
console.log(
	`${(code.length / 1000).toFixed(1)} kB raw, ${(gzipSync(code, { level: 9 }).length / 1000).toFixed(1)} kB gzip`
);
for (const [name, bytes] of Object.entries(byPackage)
	.sort((a, b) => b[1] - a[1])
	.slice(0, 8)) {
	console.log(`  ${name}: ${(bytes / 1000).toFixed(1)} kB raw`);
}
