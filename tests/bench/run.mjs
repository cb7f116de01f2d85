#!/usr/bin/env node
// Runs every benchmark in tests/bench in turn and prints their figures.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const benches = [
	['node', ['tests/bench/site.mjs']],
	['npx', ['vite-node', 'tests/bench/validator.ts']],
	['node', ['tests/bench/bundle.mjs']],
	['npx', ['tsx', 'tests/bench/search.ts']],
	['node', ['tests/bench/editor.mjs']],
];
for (const [cmd, args] of benches) {
	const script = args.at(-1);
	if (!existsSync(join(ROOT, script))) throw new Error(`benchmark ${script} is missing`);
	console.log(`\n=== ${script}`);
	execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
}
