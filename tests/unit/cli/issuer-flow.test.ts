import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main as issuer } from '../../../src/cli/issuer.js';
import { main as verify } from '../../../src/cli/verify.js';
import { bundleToJson, readBundleText } from '../../../src/core/completion/bundle-codec.js';
import { bundleOf, memoryIo, readMaster, solvedProgress, tempDir, writeBundle } from './helpers.js';

/** End to end in temporary folders: progress → bundle → check → issue → verify. */
describe('the completion path', () => {
	const temp = tempDir();
	const dir = temp.dir;
	const jwks = join(dir, 'jwks.json');
	let bundlePath: string;

	beforeAll(async () => {
		const io = memoryIo(dir);
		expect(await issuer(['keygen', '--jwks', jwks], io)).toBe(0);
		const progress = await solvedProgress(readMaster(dir));
		bundlePath = await writeBundle(dir, 'bundle.txt', bundleOf(progress));
	});
	afterAll(() => temp.remove());

	test('keygen writes a private key of mode 600 and a public JWKS', () => {
		const key = join(dir, 'home', 'issuer-key.private.jwk');
		expect(statSync(key).mode & 0o777).toBe(0o600);
		expect(statSync(join(dir, 'home', 'attendance-master.key')).mode & 0o777).toBe(0o600);
		const set = JSON.parse(readFileSync(jwks, 'utf8'));
		expect(set.keys).toHaveLength(1);
		expect(set.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
		expect(set.keys[0].d).toBeUndefined();
		expect(JSON.parse(readFileSync(key, 'utf8')).kid).toBe(set.keys[0].kid);
	});

	test('check passes a bundle of the published solutions, in both file forms', async () => {
		const io = memoryIo(dir);
		expect(await issuer(['check', bundlePath], io)).toBe(0);
		expect(io.stdout).toContain('Result: PASS');
		expect(io.stdout).toMatch(/Exercises: (\d+) of \1 required pass/);
		const json = memoryIo(dir);
		expect(await issuer(['check', bundlePath, '--json'], json)).toBe(0);
		const report = JSON.parse(json.stdout);
		expect(report).toMatchObject({ ok: true, exitCode: 0, status: 'ok' });
		expect(report.report.attendance.every((a: { status: string }) => a.status === 'ok')).toBe(true);
		expect(json.stdout).not.toContain('@mail.test');
		const file = join(dir, 'bundle.json');
		const decoded = await readBundleText(readFileSync(bundlePath, 'utf8'));
		if (!decoded.ok) throw new Error(decoded.message);
		writeFileSync(file, bundleToJson(decoded.bundle));
		expect(await issuer(['check', file], memoryIo(dir))).toBe(0);
	}, 60_000);

	test('issue signs a credential that verify accepts', async () => {
		const io = memoryIo(dir);
		expect(await issuer(['issue', bundlePath, '--jwks', jwks], io)).toBe(0);
		const issued = readdirSync(join(dir, 'home', 'issued'));
		expect(issued).toHaveLength(1);
		const token = join(dir, 'home', 'issued', issued[0] ?? '');
		const ledger = readFileSync(join(dir, 'home', 'ledger', 'issued.jsonl'), 'utf8');
		expect(ledger).toContain(issued[0]?.replace('.jwt', ''));
		expect(ledger).not.toContain('@');
		const gate = memoryIo(dir);
		expect(
			await verify([token, '--email', 'GRACE@mail.test', '--jwks', jwks, '--json'], gate)
		).toBe(0);
		expect(JSON.parse(gate.stdout)).toMatchObject({ ok: true, code: 'valid', exitCode: 0 });
		expect(existsSync(join(dir, 'home', 'ledger', 'solutions'))).toBe(true);
	}, 60_000);
});
