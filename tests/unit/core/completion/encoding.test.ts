import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBase32 } from '../../../../src/core/completion/base32.js';
import { decodeBase64Url, encodeBase64Url } from '../../../../src/core/completion/base64url.js';
import { canonicalJson } from '../../../../src/core/completion/canonical-json.js';

describe('base64url', () => {
	test('round-trips any bytes like Node does', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				const text = encodeBase64Url(bytes);
				expect(text).toBe(Buffer.from(bytes).toString('base64url'));
				expect(decodeBase64Url(text)).toEqual(bytes);
			})
		);
	});

	test('uses the URL-safe alphabet', () => {
		expect(encodeBase64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
	});

	test('rejects padding, white space, foreign characters and impossible lengths', () => {
		for (const text of ['Zg==', 'Zm 9v', 'Zm9v+', 'Zm9v/', 'Zm9vY', 'Zm9v\n', 'Zé']) {
			expect(decodeBase64Url(text), text).toBeNull();
		}
	});

	test('rejects non-zero unused bits, so each byte string has one text form', () => {
		expect(decodeBase64Url('Zg')).toEqual(new Uint8Array([102]));
		expect(decodeBase64Url('Zh')).toBeNull();
		expect(decodeBase64Url('Zm8')).toEqual(new Uint8Array([102, 111]));
		expect(decodeBase64Url('Zm9')).toBeNull();
	});
});

describe('base32', () => {
	test('matches the RFC 4648 test vectors without padding', () => {
		const vectors: [string, string][] = [
			['', ''],
			['f', 'MY'],
			['fo', 'MZXQ'],
			['foo', 'MZXW6'],
			['foob', 'MZXW6YQ'],
			['fooba', 'MZXW6YTB'],
			['foobar', 'MZXW6YTBOI'],
		];
		for (const [input, output] of vectors) {
			expect(encodeBase32(new TextEncoder().encode(input))).toBe(output);
		}
	});
});

describe('canonicalJson', () => {
	test('sorts keys at every depth and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
			'{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'
		);
	});

	test('keeps a __proto__ key as data', () => {
		expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe(
			'{"__proto__":{"x":1},"a":2}'
		);
	});
});
