/** RFC 4648 base32 alphabet (upper-case letters, then digits 2 to 7). */
export const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as RFC 4648 base32 without `=` padding. */
export function encodeBase32(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = ((buffer << 8) | byte) & 0xffff;
		bits += 8;
		while (bits >= 5) {
			out += BASE32_ALPHABET.charAt((buffer >> (bits - 5)) & 31);
			bits -= 5;
		}
	}
	if (bits > 0) out += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
	return out;
}
