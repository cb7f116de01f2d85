import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main as issuer } from '../../../src/cli/issuer.js';
import { parseRoster } from '../../../src/cli/issuer/attendance-codes.js';
import { attendanceCode } from '../../../src/core/completion/attendance.js';
import { memoryIo, readMaster, tempDir } from './helpers.js';

describe('keygen, attendance-codes and revoke', () => {
	const temp = tempDir();
	const dir = temp.dir;
	const jwks = join(dir, 'jwks.json');

	beforeAll(async () => {
		expect(await issuer(['keygen', '--jwks', jwks], memoryIo(dir))).toBe(0);
	});
	afterAll(() => temp.remove());

	test('keygen refuses to replace a key unless forced, and keeps old public keys', async () => {
		const before = JSON.parse(readFileSync(jwks, 'utf8')).keys[0].kid;
		const master = readFileSync(join(dir, 'home', 'attendance-master.key'), 'utf8');
		const refused = memoryIo(dir);
		expect(await issuer(['keygen', '--jwks', jwks], refused)).toBe(2);
		expect(refused.stderr).toContain('--force');
		const io = memoryIo(dir);
		expect(await issuer(['keygen', '--jwks', jwks, '--force'], io)).toBe(0);
		const kids = JSON.parse(readFileSync(jwks, 'utf8')).keys.map((k: { kid: string }) => k.kid);
		expect(kids).toHaveLength(2);
		expect(kids[0]).toBe(before);
		expect(JSON.parse(io.stdout).kid).toBe(kids[1]);
		expect(readFileSync(join(dir, 'home', 'attendance-master.key'), 'utf8')).toBe(master);
	});

	test('attendance-codes prints username,code rows that match the core codes', async () => {
		const roster = join(dir, 'roster.csv');
		writeFileSync(
			roster,
			'username,name\n# late enrolment below\nAda,Ada L.\n\nalan,"Alan T."\nada,dup\n'
		);
		const io = memoryIo(dir);
		expect(
			await issuer(['attendance-codes', '--session', 's2-running-services', '--roster', roster], io)
		).toBe(0);
		const master = readMaster(dir);
		expect(io.stdout).toBe(
			`username,code\nada,${await attendanceCode(master, 's2-running-services', 'ada')}\nalan,${await attendanceCode(master, 's2-running-services', 'alan')}\n`
		);
		const out = join(dir, 'codes.csv');
		expect(
			await issuer(
				['attendance-codes', '--session', 's2-running-services', '--roster', roster, '--out', out],
				memoryIo(dir)
			)
		).toBe(0);
		expect(readFileSync(out, 'utf8')).toBe(io.stdout);
	});

	test('attendance-codes refuses a roster with an invalid name, naming the line', async () => {
		expect(parseRoster('username\nok\nnot a name\n')).toEqual({
			usernames: ['ok'],
			errors: ['line 3: "not a name" is not a user name'],
		});
		const roster = join(dir, 'bad.csv');
		writeFileSync(roster, 'x y\n');
		const io = memoryIo(dir);
		expect(
			await issuer(['attendance-codes', '--session', 's1-meet-spin', '--roster', roster], io)
		).toBe(3);
		expect(io.stderr).toContain('line 1');
		expect(
			await issuer(
				['attendance-codes', '--session', 's1-meet-spin', '--roster', join(dir, 'no.csv')],
				memoryIo(dir)
			)
		).toBe(3);
		expect(
			await issuer(
				[
					'attendance-codes',
					'--session',
					's1-meet-spin',
					'--roster',
					join(dir, 'roster.csv'),
					'--master',
					join(dir, 'no.key'),
				],
				memoryIo(dir)
			)
		).toBe(9);
	});

	test('revoke adds an id once, accepting a bare UUID', async () => {
		const list = join(dir, 'revoked.json');
		const id = '5C0FFEE0-1234-4abc-8def-0123456789ab';
		expect(await issuer(['revoke', id, '--list', list], memoryIo(dir))).toBe(0);
		expect(
			await issuer(['revoke', `urn:uuid:${id.toLowerCase()}`, '--list', list], memoryIo(dir))
		).toBe(0);
		expect(JSON.parse(readFileSync(list, 'utf8'))).toEqual({
			revoked: [`urn:uuid:${id.toLowerCase()}`],
		});
		writeFileSync(list, '{"revoked":"all"}');
		expect(await issuer(['revoke', id, '--list', list], memoryIo(dir))).toBe(3);
	});
});
