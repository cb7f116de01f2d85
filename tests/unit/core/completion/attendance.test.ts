import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
	attendanceCode,
	constantTimeEqual,
	sessionKey,
	verifyAttendanceCode,
} from '../../../../src/core/completion/attendance.js';

/** The fixed test master key: bytes 0, 1, …, 31. */
const MASTER = Uint8Array.from({ length: 32 }, (_, i) => i);

describe('attendanceCode', () => {
	test('gives the fixed vectors (computed independently with Python hmac and base64.b32encode)', async () => {
		expect(await attendanceCode(MASTER, 's1-meet-spin', 'alice')).toBe('5RGE3GMTDA');
		expect(await attendanceCode(MASTER, 's2-running-services', 'alice')).toBe('MFVAIB57AV');
		expect(await attendanceCode(MASTER, 's3-storage-secrets', 'bob')).toBe('XOQ6XB345E');
	});

	test('derives the session key as HMAC(master, "session|" + session)', async () => {
		const expected = createHmac('sha256', MASTER).update('session|s1-meet-spin').digest();
		expect(Buffer.from(await sessionKey(MASTER, 's1-meet-spin'))).toEqual(expected);
	});

	test('differs by session, user and master key', async () => {
		const codes = new Set([
			await attendanceCode(MASTER, 's1-meet-spin', 'alice'),
			await attendanceCode(MASTER, 's2-running-services', 'alice'),
			await attendanceCode(MASTER, 's1-meet-spin', 'alicf'),
			await attendanceCode(new Uint8Array(32), 's1-meet-spin', 'alice'),
		]);
		expect(codes.size).toBe(4);
		for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{10}$/);
	});
});

describe('verifyAttendanceCode', () => {
	test('accepts the code typed in lower case, with spaces or dashes', async () => {
		for (const typed of ['5RGE3GMTDA', '5rge3gmtda', '5RGE3 GMTDA', '5RGE3-GMTDA']) {
			expect(await verifyAttendanceCode(MASTER, 's1-meet-spin', 'alice', typed)).toBe(true);
		}
	});

	test('refuses another session, another user, a changed character and a short code', async () => {
		expect(await verifyAttendanceCode(MASTER, 's2-running-services', 'alice', '5RGE3GMTDA')).toBe(
			false
		);
		expect(await verifyAttendanceCode(MASTER, 's1-meet-spin', 'bob', '5RGE3GMTDA')).toBe(false);
		expect(await verifyAttendanceCode(MASTER, 's1-meet-spin', 'alice', '5RGE3GMTDB')).toBe(false);
		expect(await verifyAttendanceCode(MASTER, 's1-meet-spin', 'alice', '5RGE3GMTD')).toBe(false);
	});
});

describe('constantTimeEqual', () => {
	test('compares strings of equal and unequal length', () => {
		expect(constantTimeEqual('ABC', 'ABC')).toBe(true);
		expect(constantTimeEqual('ABC', 'ABD')).toBe(false);
		expect(constantTimeEqual('ABC', 'ABCD')).toBe(false);
		expect(constantTimeEqual('', '')).toBe(true);
		expect(constantTimeEqual('', 'A')).toBe(false);
	});
});
