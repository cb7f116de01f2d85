import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main as issuer } from '../../../src/cli/issuer.js';
import { ISSUER_EXIT_CODES } from '../../../src/cli/issuer/exit-codes.js';
import type { Progress } from '../../../src/core/progress/schema.js';
import { bundleOf, memoryIo, readMaster, solvedProgress, tempDir, writeBundle } from './helpers.js';

/** Lines no published solution has: enough distinctive text for the similarity check. */
const OWN_LINES = `
LABEL org.opencontainers.image.title="Open day guest book" \\
      org.opencontainers.image.description="Collects short notes from visitors to the lab open day and shows the latest twenty" \\
      org.opencontainers.image.licenses="BSD-3-Clause" \\
      org.opencontainers.image.vendor="Imaging group, building 59" \\
      maintainer.team="imaging-web" maintainer.rota="weekly, Monday handover"
ENV GUESTBOOK_TITLE="Visitors of the open day" GUESTBOOK_PAGE_SIZE=20 PYTHONUNBUFFERED=1
`;

/** Exit status by name. */
function code(name: string): number {
	return ISSUER_EXIT_CODES.find((row) => row.name === name)?.code ?? -1;
}

describe('issuer check and issue refuse', () => {
	const temp = tempDir();
	const dir = temp.dir;
	let master: Uint8Array;

	/** Writes a bundle of a learner's changed progress and runs a command on it. */
	async function run(
		command: 'check' | 'issue',
		change: (p: Progress) => void,
		options: { username?: string; hash?: string; extra?: string[] } = {}
	): Promise<{ exit: number; out: string; err: string }> {
		const progress = await solvedProgress(master, options.username);
		change(progress);
		const path = await writeBundle(
			dir,
			`${command}-${Math.random()}.txt`,
			bundleOf(progress, options.hash)
		);
		const io = memoryIo(dir);
		const exit = await issuer([command, path, ...(options.extra ?? [])], io);
		return { exit, out: io.stdout, err: io.stderr };
	}

	beforeAll(async () => {
		expect(await issuer(['keygen', '--jwks', join(dir, 'jwks.json')], memoryIo(dir))).toBe(0);
		master = readMaster(dir);
	});
	afterAll(() => temp.remove());

	test('a bundle whose solution fails, naming the exercise and check', async () => {
		const result = await run('check', (p) => {
			const flask = p.exercises['flask-image'];
			if (flask)
				flask.files['Dockerfile'] = (flask.files['Dockerfile'] ?? '').replace(
					'EXPOSE 5000',
					'EXPOSE 5001'
				);
		});
		expect(result.exit).toBe(code('exercise-failed'));
		expect(result.out).toContain('FAIL flask-image');
		expect(result.out).toContain('exposes-5000');
	}, 30_000);

	test('a bundle without one of the required exercises', async () => {
		const result = await run('check', (p) => {
			delete p.exercises['apt-hygiene'];
		});
		expect(result.exit).toBe(code('exercise-failed'));
		expect(result.out).toContain('no solution in the bundle');
	}, 30_000);

	test('a bundle graded with another validator hash', async () => {
		const result = await run('check', () => undefined, { hash: 'ee'.repeat(32) });
		expect(result.exit).toBe(code('validator-mismatch'));
		expect(result.out).toContain('validator hash differs');
	}, 30_000);

	test('a wrong or missing attendance code', async () => {
		const wrong = await run('check', (p) => {
			p.attendance['s2-running-services'] = 'AAAAAAAAAA';
		});
		expect(wrong.exit).toBe(code('attendance'));
		expect(wrong.out).toContain('s2-running-services wrong');
		const someoneElses = await run('check', () => undefined, { username: 'ada' });
		expect(someoneElses.exit).toBe(0);
		const missing = await run('check', (p) => {
			delete p.attendance['s3-storage-secrets'];
		});
		expect(missing.exit).toBe(code('attendance'));
		expect(missing.out).toContain('s3-storage-secrets missing');
	}, 60_000);

	test('the first problem decides the status, and every problem is listed', async () => {
		const result = await run(
			'check',
			(p) => {
				p.attendance['s1-meet-spin'] = 'AAAAAAAAAA';
				delete p.exercises['apt-hygiene'];
			},
			{ extra: ['--json'] }
		);
		expect(result.exit).toBe(code('exercise-failed'));
		const kinds = JSON.parse(result.out).report.problems.map((p: { kind: string }) => p.kind);
		expect(kinds).toEqual(['exercise', 'attendance']);
	}, 30_000);

	test("a damaged bundle, with the decoder's code", async () => {
		const path = join(dir, 'damaged.txt');
		writeFileSync(path, 'SPINUP1.____\n');
		const io = memoryIo(dir);
		expect(await issuer(['check', path, '--json'], io)).toBe(code('bad-bundle'));
		expect(JSON.parse(io.stdout)).toMatchObject({
			ok: false,
			status: 'bad-bundle',
			error: { code: 'bad-compression' },
		});
		const json = join(dir, 'wrong.json');
		writeFileSync(json, '{"format":"spinup-completion-bundle","version":2}');
		const io2 = memoryIo(dir);
		expect(await issuer(['check', json], io2)).toBe(code('bad-bundle'));
		expect(io2.stdout).toContain('schema (at version)');
	});

	test('without the master key, the signing key or the bundle file', async () => {
		const progress = await solvedProgress(master);
		const path = await writeBundle(dir, 'keys.txt', bundleOf(progress));
		const noMaster = memoryIo(dir);
		expect(await issuer(['check', path, '--master', join(dir, 'nowhere.key')], noMaster)).toBe(
			code('no-key')
		);
		expect(noMaster.stderr).toContain('No attendance master key');
		expect(await issuer(['issue', path, '--key', join(dir, 'nowhere.jwk')], memoryIo(dir))).toBe(
			code('no-key')
		);
		expect(await issuer(['check', join(dir, 'nowhere.txt')], memoryIo(dir))).toBe(
			code('unreadable-input')
		);
	});

	test('unknown commands, options and missing arguments', async () => {
		expect(await issuer([], memoryIo(dir))).toBe(code('usage'));
		expect(await issuer(['sign'], memoryIo(dir))).toBe(code('usage'));
		expect(await issuer(['check'], memoryIo(dir))).toBe(code('usage'));
		expect(await issuer(['check', 'a', 'b'], memoryIo(dir))).toBe(code('usage'));
		expect(await issuer(['revoke', 'x', '--lst', 'f'], memoryIo(dir))).toBe(code('usage'));
		expect(await issuer(['revoke', 'not-a-uuid'], memoryIo(dir))).toBe(code('usage'));
		expect(await issuer(['attendance-codes', '--session', 's9'], memoryIo(dir))).toBe(
			code('usage')
		);
		expect(await issuer(['keygen'], memoryIo(dir))).toBe(code('usage'));
	});

	test('issue writes nothing for a bundle that fails', async () => {
		const result = await run(
			'issue',
			(p) => {
				p.attendance['s1-meet-spin'] = 'AAAAAAAAAA';
			},
			{ extra: ['--jwks', join(dir, 'jwks.json')] }
		);
		expect(result.exit).toBe(code('attendance'));
		expect(existsSync(join(dir, 'home', 'issued'))).toBe(false);
	}, 30_000);

	test('a solution copied from another learner in the ledger, unless accepted', async () => {
		const own = (p: Progress) => {
			const cap = p.exercises['capstone'];
			if (cap) cap.files['Dockerfile'] = `${cap.files['Dockerfile'] ?? ''}${OWN_LINES}`;
		};
		const jwks = ['--jwks', join(dir, 'jwks.json')];
		expect((await run('issue', own, { username: 'alan', extra: jwks })).exit).toBe(0);
		const again = await run('check', own, { username: 'alan' });
		expect(again.exit).toBe(0);
		const copy = await run('check', own, { username: 'barbara', extra: ['--json'] });
		expect(copy.exit).toBe(code('similar'));
		expect(JSON.parse(copy.out).report.similarity).toMatchObject([
			{ exercise: 'capstone', likeness: 'identical' },
		]);
		const near = await run(
			'check',
			(p) => {
				own(p);
				const cap = p.exercises['capstone'];
				if (cap)
					cap.files['Dockerfile'] = (cap.files['Dockerfile'] ?? '').replace('weekly', 'daily');
			},
			{ username: 'carl', extra: ['--json'] }
		);
		expect(near.exit).toBe(code('similar'));
		const finding = JSON.parse(near.out).report.similarity[0];
		expect(finding).toMatchObject({ exercise: 'capstone', likeness: 'near-identical' });
		expect(finding.score).toBeGreaterThanOrEqual(0.9);
		expect(finding.score).toBeLessThan(1);
		expect(
			(await run('check', own, { username: 'barbara', extra: ['--accept-similar'] })).exit
		).toBe(0);
		const published = await run('check', () => undefined, { username: 'dorothy' });
		expect(published.exit).toBe(0);
		expect(published.out).toMatch(
			/The published solution, unchanged, for \d+ exercise\(s\): apt-hygiene, capstone/
		);
		rmSync(join(dir, 'home', 'issued'), { recursive: true });
		expect(readdirSync(join(dir, 'home', 'ledger', 'solutions'))).toHaveLength(1);
	}, 90_000);
});
