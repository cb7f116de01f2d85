import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main as issuer } from '../../../src/cli/issuer.js';
import { loadSigner } from '../../../src/cli/lib/keys.js';
import { main as verify, VERIFY_EXIT_CODES } from '../../../src/cli/verify.js';
import {
	buildCredential,
	signCredential,
	type Signer,
} from '../../../src/core/completion/credential.js';
import { VERIFY_CODES } from '../../../src/core/completion/verify-codes.js';
import { memoryIo, tempDir } from './helpers.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400;
const JTI = 'urn:uuid:0b9e2f4c-1d2a-4c3b-8e5f-6a7b8c9d0e1f';

describe('npm run verify', () => {
	const temp = tempDir();
	const dir = temp.dir;
	const jwks = join(dir, 'jwks.json');
	let signer: Signer;

	/** Signs a credential issued `daysAgo` days before NOW into a token file; returns its path. */
	async function tokenFile(
		name: string,
		daysAgo: number,
		extra: { origin?: string; courseVersion?: string } = {}
	): Promise<string> {
		const payload = buildCredential({
			email: 'grad@mail.test',
			salt: 'salt',
			jti: JTI,
			issuedAt: NOW.getTime() / 1000 - daysAgo * DAY,
			bundleDigest: 'ab'.repeat(32),
			...extra,
		});
		const path = join(dir, name);
		writeFileSync(path, `${await signCredential(payload, signer)}\n`);
		return path;
	}

	/** Runs the gate tool at NOW; returns the exit status and the JSON report. */
	async function gate(
		args: string[]
	): Promise<{ exit: number; json: { code: string; exitCode: number } }> {
		const io = memoryIo(dir, NOW);
		const exit = await verify([...args, '--json'], io);
		return { exit, json: JSON.parse(io.stdout) };
	}

	beforeAll(async () => {
		expect(await issuer(['keygen', '--jwks', jwks], memoryIo(dir))).toBe(0);
		signer = loadSigner(join(dir, 'home', 'issuer-key.private.jwk'));
	});
	afterAll(() => temp.remove());

	test('gives every verification outcome its own exit status', () => {
		const names = VERIFY_EXIT_CODES.map((row) => row.name);
		for (const code of Object.keys(VERIFY_CODES)) expect(names).toContain(code);
		expect(new Set(VERIFY_EXIT_CODES.map((row) => row.code)).size).toBe(VERIFY_EXIT_CODES.length);
	});

	test('exits 0 for a valid credential and prints the claims', async () => {
		const token = await tokenFile('valid.jwt', 10);
		const io = memoryIo(dir, NOW);
		expect(await verify([token, '--email', 'grad@mail.test', '--jwks', jwks], io)).toBe(0);
		expect(io.stdout).toMatch(/^VALID \(valid\)/);
		const { exit, json } = await gate([token, '--email', 'grad@mail.test', '--jwks', jwks]);
		expect(exit).toBe(0);
		expect(json).toMatchObject({ ok: true, code: 'valid', exitCode: 0, claims: { jti: JTI } });
	});

	test.each([
		['a tampered payload', 'bad-signature', 14],
		['a signature from another key', 'bad-signature', 14],
		['a key that is not pinned', 'unknown-key', 13],
		['an expired credential', 'expired', 18],
		['a credential not yet valid', 'not-yet-valid', 17],
		['a revoked credential', 'revoked', 19],
		['another e-mail address', 'wrong-subject', 22],
		['another achievement', 'wrong-achievement', 21],
		['text that is no token', 'malformed', 10],
	])('exits non-zero for %s', async (name, code, status) => {
		let token = await tokenFile('case.jwt', 10);
		let keys = jwks;
		let email = 'grad@mail.test';
		const extra: string[] = [];
		if (name === 'a tampered payload') {
			const [h, p, s] = readFileSync(token, 'utf8').trim().split('.');
			const body = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
			body.exp += 365 * DAY;
			writeFileSync(token, `${h}.${Buffer.from(JSON.stringify(body)).toString('base64url')}.${s}`);
		} else if (name === 'a signature from another key') {
			const otherHome = join(dir, 'other');
			await issuer(
				['keygen', '--out', otherHome, '--jwks', join(dir, 'other-jwks.json')],
				memoryIo(dir)
			);
			signer = { ...loadSigner(join(otherHome, 'issuer-key.private.jwk')), kid: signer.kid };
			token = await tokenFile('forged.jwt', 10);
			signer = loadSigner(join(dir, 'home', 'issuer-key.private.jwk'));
		} else if (name === 'a key that is not pinned') {
			keys = join(dir, 'empty-jwks.json');
			writeFileSync(keys, '{"keys":[]}');
		} else if (name === 'an expired credential') {
			token = await tokenFile('old.jwt', 2 * 366);
		} else if (name === 'a credential not yet valid') {
			token = await tokenFile('future.jwt', -1);
		} else if (name === 'a revoked credential') {
			const list = join(dir, 'revoked.json');
			expect(await issuer(['revoke', JTI, '--list', list], memoryIo(dir))).toBe(0);
			extra.push('--revoked', list);
		} else if (name === 'another e-mail address') {
			email = 'someone@mail.test';
		} else if (name === 'another achievement') {
			token = await tokenFile('v2.jwt', 10, { courseVersion: '2' });
		} else {
			writeFileSync(token, 'hello\n');
		}
		const { exit, json } = await gate([token, '--email', email, '--jwks', keys, ...extra]);
		expect(json.code).toBe(code);
		expect(exit).toBe(status);
		expect(json.exitCode).toBe(status);
	});

	test('accepts another achievement when the gate names it', async () => {
		const token = await tokenFile('v2.jwt', 10, { courseVersion: '2' });
		const achievement = 'https://spinup.example.org/credentials/spinup-v2/';
		const { exit } = await gate([
			token,
			'--email',
			'grad@mail.test',
			'--jwks',
			jwks,
			'--achievement',
			achievement,
		]);
		expect(exit).toBe(0);
	});

	test('exits 3 for missing or malformed files and 2 for bad usage', async () => {
		const token = await tokenFile('ok.jwt', 1);
		expect(
			(await gate([join(dir, 'none.jwt'), '--email', 'a@b.c', '--jwks', jwks])).json
		).toMatchObject({ code: 'unreadable-input', exitCode: 3 });
		expect((await gate([token, '--email', 'a@b.c', '--jwks', join(dir, 'none.json')])).exit).toBe(
			3
		);
		const bad = join(dir, 'bad-revoked.json');
		writeFileSync(bad, '{"revoked":["not-an-id"]}');
		expect((await gate([token, '--email', 'a@b.c', '--jwks', jwks, '--revoked', bad])).exit).toBe(
			3
		);
		const privateSet = join(dir, 'private-jwks.json');
		writeFileSync(privateSet, JSON.stringify({ keys: [signer.privateJwk] }));
		expect((await gate([token, '--email', 'a@b.c', '--jwks', privateSet])).exit).toBe(3);
		expect((await gate([token, '--jwks', jwks])).exit).toBe(2);
		expect((await gate([token, '--email', 'a@b.c'])).exit).toBe(2);
		expect((await gate([token, '--email', 'a@b.c', '--jwks', jwks, '--bogus'])).exit).toBe(2);
	});
});
