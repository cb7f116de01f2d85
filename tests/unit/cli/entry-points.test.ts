import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main as issuer } from '../../../src/cli/issuer.js';
import { repoRoot } from '../helpers/center.js';
import { bundleOf, memoryIo, readMaster, solvedProgress, tempDir, writeBundle } from './helpers.js';

/** Runs `npx tsx <script> …args` from the repository root with the issuer home in `dir`. */
function spawn(dir: string, script: string, args: string[]) {
	return spawnSync('npx', ['tsx', script, ...args], {
		cwd: repoRoot,
		env: { ...process.env, SPINUP_ISSUER_HOME: join(dir, 'home') },
		encoding: 'utf8',
		timeout: 60_000,
	});
}

describe('the entry points, spawned', () => {
	const temp = tempDir();
	const dir = temp.dir;
	const jwks = join(dir, 'jwks.json');
	let bundle: string;

	beforeAll(async () => {
		expect(await issuer(['keygen', '--jwks', jwks], memoryIo(dir))).toBe(0);
		bundle = await writeBundle(dir, 'bundle.txt', bundleOf(await solvedProgress(readMaster(dir))));
	});
	afterAll(() => temp.remove());

	test('src/cli/issuer.ts issues a credential and exits 0, and 2 for an unknown command', () => {
		const run = spawn(dir, 'src/cli/issuer.ts', ['issue', bundle, '--jwks', jwks, '--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, status: 'ok' });
		expect(spawn(dir, 'src/cli/issuer.ts', ['frobnicate']).status).toBe(2);
	}, 120_000);

	test('src/cli/verify.ts exits 0 for the issued token and 22 for another address', () => {
		const [name = ''] = readdirSync(join(dir, 'home', 'issued'));
		const token = join(dir, 'home', 'issued', name);
		expect(readFileSync(token, 'utf8')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
		const ok = spawn(dir, 'src/cli/verify.ts', [
			token,
			'--email',
			'grace@mail.test',
			'--jwks',
			jwks,
			'--json',
		]);
		expect(ok.status).toBe(0);
		expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, code: 'valid' });
		const wrong = spawn(dir, 'src/cli/verify.ts', [
			token,
			'--email',
			'eve@mail.test',
			'--jwks',
			jwks,
		]);
		expect(wrong.status).toBe(22);
		expect(wrong.stdout).toMatch(/^INVALID \(wrong-subject\)/);
	}, 120_000);
});
