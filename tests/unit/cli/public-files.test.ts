import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ISSUER_EXIT_CODES } from '../../../src/cli/issuer/exit-codes.js';
import { RevocationListSchema } from '../../../src/cli/issuer/revoke.js';
import { JwksSchema } from '../../../src/cli/lib/keys.js';
import { VERIFY_EXIT_CODES } from '../../../src/cli/verify.js';
import { repoRoot } from '../helpers/center.js';

describe('published files and documented tables', () => {
	test('keys/jwks.json is a key set without private members', () => {
		const text = readFileSync(join(repoRoot, 'keys', 'jwks.json'), 'utf8');
		expect(JwksSchema.safeParse(JSON.parse(text)).success).toBe(true);
		expect(text).not.toMatch(/"d"\s*:/);
	});

	test('keys/revoked.json is a revocation list', () => {
		const text = readFileSync(join(repoRoot, 'keys', 'revoked.json'), 'utf8');
		expect(RevocationListSchema.safeParse(JSON.parse(text)).success).toBe(true);
	});

	test('the exit table at the top of verify.ts matches VERIFY_EXIT_CODES', () => {
		const source = readFileSync(join(repoRoot, 'src', 'cli', 'verify.ts'), 'utf8');
		const rows = [...source.matchAll(/^ \*\s+(\d+)\s+([a-z-]+)\s{2,}/gm)].map((m) => [
			Number(m[1]),
			m[2],
		]);
		expect(rows).toEqual(VERIFY_EXIT_CODES.map((row) => [row.code, row.name]));
	});

	test('exit statuses are distinct', () => {
		for (const table of [VERIFY_EXIT_CODES, ISSUER_EXIT_CODES]) {
			expect(new Set(table.map((row) => row.code)).size).toBe(table.length);
			expect(new Set(table.map((row) => row.name)).size).toBe(table.length);
		}
	});
});
