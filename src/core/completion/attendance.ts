import { encodeBase32 } from './base32.js';
import { normalizeAttendanceCode } from './bundle-build.js';

/**
 * Per-learner attendance codes. Staff keep one secret master key; each session's key is
 * HMAC-SHA256(master, "session|" + session), and a learner's code for a session is
 * base32(HMAC-SHA256(session key, "att|v1|" + session + "|" + username)) cut to 10 characters
 * (50 bits). A code proves attendance only for its own session and user name. HMAC runs through
 * WebCrypto (`crypto.subtle`), present in browsers and in Node 20.
 */

/** Length of an attendance code, in base32 characters. */
export const ATTENDANCE_CODE_LENGTH = 10;

/** Copies bytes into a fresh buffer (WebCrypto wants an ArrayBuffer-backed view). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return new Uint8Array(bytes);
}

/** Computes HMAC-SHA256 of a UTF-8 message. */
export async function hmacSha256(key: Uint8Array, message: string): Promise<Uint8Array> {
	const cryptoKey = await crypto.subtle.importKey(
		'raw',
		own(key),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	const mac = await crypto.subtle.sign('HMAC', cryptoKey, own(new TextEncoder().encode(message)));
	return new Uint8Array(mac);
}

/** Derives one session's key from the master key. */
export function sessionKey(master: Uint8Array, session: string): Promise<Uint8Array> {
	return hmacSha256(master, `session|${session}`);
}

/** Computes a learner's attendance code for a session. */
export async function attendanceCode(
	master: Uint8Array,
	session: string,
	username: string
): Promise<string> {
	const key = await sessionKey(master, session);
	const mac = await hmacSha256(key, `att|v1|${session}|${username}`);
	return encodeBase32(mac).slice(0, ATTENDANCE_CODE_LENGTH);
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
	const length = Math.max(a.length, b.length);
	let diff = a.length ^ b.length;
	for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
	return diff === 0;
}

/** Checks a typed code (any case, spaces and dashes ignored) against the expected one. */
export async function verifyAttendanceCode(
	master: Uint8Array,
	session: string,
	username: string,
	code: string
): Promise<boolean> {
	const expected = await attendanceCode(master, session, username);
	return constantTimeEqual(normalizeAttendanceCode(code), expected);
}
