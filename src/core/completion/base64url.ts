/**
 * Base64url (RFC 4648 §5) without padding, written by hand so that decoding is strict: only the
 * URL-safe alphabet, no `=`, no whitespace, and the unused low bits of the last character must be
 * zero. A strict decoder gives every byte string exactly one text form, so a changed character
 * can never decode to the same bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Value of each alphabet character by char code, -1 elsewhere. */
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes as base64url without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out += char(n >> 18) + char(n >> 12) + char(n >> 6) + char(n);
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = (bytes[i] ?? 0) << 16;
		out += char(n >> 18) + char(n >> 12);
	} else if (rest === 2) {
		const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
		out += char(n >> 18) + char(n >> 12) + char(n >> 6);
	}
	return out;
}

/** Returns the alphabet character for the low six bits of `n`. */
function char(n: number): string {
	return ALPHABET.charAt(n & 63);
}

/** Decodes canonical unpadded base64url; returns null for any other text. */
export function decodeBase64Url(text: string): Uint8Array | null {
	if (text.length % 4 === 1) return null;
	const values = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const value = code < 128 ? (VALUES[code] ?? -1) : -1;
		if (value < 0) return null;
		values[i] = value;
	}
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let o = 0;
	for (let i = 0; i < values.length; i += 4) {
		const n =
			((values[i] ?? 0) << 18) |
			((values[i + 1] ?? 0) << 12) |
			((values[i + 2] ?? 0) << 6) |
			(values[i + 3] ?? 0);
		const left = values.length - i;
		out[o++] = (n >> 16) & 255;
		if (left > 2) out[o++] = (n >> 8) & 255;
		if (left > 3) out[o++] = n & 255;
		if (left === 2 && ((values[i + 1] ?? 0) & 15) !== 0) return null;
		if (left === 3 && ((values[i + 2] ?? 0) & 3) !== 0) return null;
	}
	return out;
}
