import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main as issuer } from '../../../src/cli/issuer.js';
import { ISSUER_EXIT_CODES } from '../../../src/cli/issuer/exit-codes.js';
import { VERIFY_EXIT_CODES } from '../../../src/cli/verify.js';
import { repoRoot } from '../helpers/center.js';
import { memoryIo } from './helpers.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** Reads the Markdown table that follows a line containing `marker`, as [code, name, meaning] rows. */
function tableAfter(marker: string): [number, string, string][] {
	const start = readme.indexOf(marker);
	if (start < 0) throw new Error(`README.md has no "${marker}"`);
	const lines = readme.slice(start).split('\n');
	const first = lines.findIndex((line) => line.startsWith('|'));
	const rows: [number, string, string][] = [];
	for (const line of lines.slice(first + 2)) {
		if (!line.startsWith('|')) break;
		const [code = '', name = '', meaning = ''] = line
			.split('|')
			.slice(1, -1)
			.map((cell) => cell.trim());
		rows.push([Number(code), name.replace(/^`|`$/g, ''), meaning]);
	}
	return rows;
}

/** The exported table as [code, name, meaning] rows. */
function rowsOf(table: readonly { code: number; name: string; meaning: string }[]) {
	return table.map((row) => [row.code, row.name, row.meaning]);
}

describe('exit tables in README.md', () => {
	test('the issuer table matches ISSUER_EXIT_CODES', () => {
		expect(tableAfter('Exit statuses of `npm run issuer`')).toEqual(rowsOf(ISSUER_EXIT_CODES));
	});

	test('the verify table matches VERIFY_EXIT_CODES', () => {
		expect(tableAfter('Exit statuses of `npm run verify`')).toEqual(rowsOf(VERIFY_EXIT_CODES));
	});

	test('the README shows every issuer command, and only those', async () => {
		const io = memoryIo(repoRoot);
		expect(await issuer([], io)).toBe(2);
		const usage = /<([a-z|-]+)>/.exec(io.stderr)?.[1]?.split('|') ?? [];
		expect(usage.length).toBeGreaterThan(0);
		const shown = [...readme.matchAll(/npm run issuer -- ([a-z-]+)/g)].map((m) => m[1]);
		expect(new Set(shown)).toEqual(new Set(usage));
	});
});
