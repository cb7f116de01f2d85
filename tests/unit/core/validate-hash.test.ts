import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hashString, sha256, toHex } from '../../../src/core/hash.js';
import { rulesetHash } from '../../../src/core/validate.js';
import { loadCenter } from '../helpers/center.js';

describe('hashString', () => {
	test('matches the FIPS 180-4 test vectors', () => {
		expect(hashString('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(hashString('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(hashString('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		);
		expect(hashString('a'.repeat(1_000_000))).toBe(
			'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'
		);
	});

	test('hashes the UTF-8 bytes of the text', () => {
		expect(hashString('é')).toBe(toHex(sha256(new Uint8Array([0xc3, 0xa9]))));
	});

	test('agrees with node:crypto on every length around the block boundaries', () => {
		for (let n = 0; n < 200; n++) {
			const text = 'x'.repeat(n);
			expect(hashString(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
		}
	});

	test('agrees with node:crypto on random text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
				expect(hashString(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('rulesetHash', () => {
	test('is a stable SHA-256 that changes with the center data', () => {
		const center = loadCenter();
		const hash = rulesetHash(center);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(rulesetHash(center)).toBe(hash);
		expect(rulesetHash({ ...center, platform: 'Spin 2' })).not.toBe(hash);
	});
});
