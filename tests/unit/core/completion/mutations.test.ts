import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../../src/core/completion/base64url.js';
import { buildBundle } from '../../../../src/core/completion/bundle-build.js';
import { decodeBundle, encodeBundle } from '../../../../src/core/completion/bundle-codec.js';
import type { Bundle } from '../../../../src/core/completion/bundle-schema.js';
import { buildCredential, signCredential } from '../../../../src/core/completion/credential.js';
import { achievementId } from '../../../../src/core/completion/issuer.js';
import { verifyCredential, type VerifyOptions } from '../../../../src/core/completion/verify.js';
import { sampleProgress, TEST_VALIDATOR_HASH } from './fixtures.js';
import { newIssuerKey } from './keys.js';

/**
 * Random damage to a valid token and a valid bundle text. Nothing damaged may verify; a damaged
 * bundle either fails to decode or decodes to exactly the original (damage that changes no
 * content, such as the unused bits at the end of the last DEFLATE byte, is not an acceptance).
 */

const RUNS = 10_000;
const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n';

/** One edit to a string: replace, insert or delete a character, or cut the end. */
const edit = fc.oneof(
	fc.record({
		kind: fc.constant('replace' as const),
		at: fc.nat(),
		char: fc.constantFrom(...CHARS),
	}),
	fc.record({
		kind: fc.constant('insert' as const),
		at: fc.nat(),
		char: fc.constantFrom(...CHARS),
	}),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), char: fc.constant('') }),
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), char: fc.constant('') })
);

/** Applies edits to a string. */
function applyEdits(text: string, edits: { kind: string; at: number; char: string }[]): string {
	let out = text;
	for (const { kind, at, char } of edits) {
		const i = out.length === 0 ? 0 : at % out.length;
		if (kind === 'replace') out = out.slice(0, i) + char + out.slice(i + 1);
		else if (kind === 'insert') out = out.slice(0, i) + char + out.slice(i);
		else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
		else out = out.slice(0, i);
	}
	return out;
}

/** One edit to bytes: flip a bit, set a byte, insert or delete one. */
const byteEdit = fc.record({
	kind: fc.constantFrom('flip', 'set', 'insert', 'delete'),
	at: fc.nat(),
	value: fc.nat({ max: 255 }),
});

/** Applies byte edits. */
function applyByteEdits(
	bytes: Uint8Array,
	edits: { kind: string; at: number; value: number }[]
): Uint8Array {
	let out = Array.from(bytes);
	for (const { kind, at, value } of edits) {
		const i = out.length === 0 ? 0 : at % out.length;
		if (kind === 'flip') out[i] = (out[i] ?? 0) ^ (1 << (value % 8));
		else if (kind === 'set') out[i] = value;
		else if (kind === 'insert') out.splice(i, 0, value);
		else out.splice(i, 1);
	}
	return new Uint8Array(out);
}

describe('a mutated credential', () => {
	let token: string;
	let options: VerifyOptions;

	beforeAll(async () => {
		const { signer, jwks } = await newIssuerKey();
		const issuedAt = Date.UTC(2025, 0, 1) / 1000;
		const payload = buildCredential({
			email: 'grad@mail.test',
			salt: 'salt',
			jti: 'urn:uuid:7d3e1a52-8a8e-4d5e-9b1f-2f0e4c3b6a71',
			issuedAt,
			bundleDigest: 'cd'.repeat(32),
		});
		token = await signCredential(payload, signer);
		options = {
			jwks,
			email: 'grad@mail.test',
			now: (issuedAt + 86400) * 1000,
			acceptedAchievements: [achievementId()],
		};
		expect((await verifyCredential(token, options)).code).toBe('valid');
	});

	test('is never accepted and never throws', async () => {
		const seen = new Map<string, number>();
		await fc.assert(
			fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
				const mutated = applyEdits(token, edits);
				fc.pre(mutated !== token);
				const result = await verifyCredential(mutated, options);
				seen.set(result.code, (seen.get(result.code) ?? 0) + 1);
				expect(result.ok).toBe(false);
				expect(result.code).not.toBe('valid');
			}),
			{ numRuns: RUNS }
		);
		expect(seen.get('bad-signature')).toBeGreaterThan(0);
		expect(seen.get('malformed')).toBeGreaterThan(0);
	}, 60_000);
});

describe('a mutated bundle text', () => {
	let bundle: Bundle;
	let text: string;

	beforeAll(async () => {
		const built = buildBundle(sampleProgress(), {
			createdAt: '2025-03-01T12:00:00.000Z',
			validatorVersion: '1.0.0',
			validatorHash: TEST_VALIDATOR_HASH,
		});
		if (!built.ok) throw new Error(built.message);
		bundle = built.bundle;
		const encoded = await encodeBundle(bundle);
		if (!encoded.ok) throw new Error(encoded.message);
		text = encoded.text;
	});

	test('never decodes to another bundle and never throws (string edits)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
				const mutated = applyEdits(text, edits);
				fc.pre(mutated.trim() !== text);
				const result = await decodeBundle(mutated);
				if (result.ok) expect(result.bundle).toEqual(bundle);
			}),
			{ numRuns: RUNS }
		);
	}, 60_000);

	test('never decodes to another bundle and never throws (compressed byte edits)', async () => {
		const packed = decodeBase64Url(text.slice('SPINUP1.'.length));
		if (!packed) throw new Error('the encoder wrote invalid base64url');
		const codes = new Map<string, number>();
		await fc.assert(
			fc.asyncProperty(fc.array(byteEdit, { minLength: 1, maxLength: 3 }), async (edits) => {
				const bytes = applyByteEdits(packed, edits);
				const result = await decodeBundle(`SPINUP1.${encodeBase64Url(bytes)}`);
				const code = result.ok ? 'same' : result.code;
				codes.set(code, (codes.get(code) ?? 0) + 1);
				if (result.ok) expect(result.bundle).toEqual(bundle);
			}),
			{ numRuns: RUNS }
		);
		expect(codes.get('bad-compression')).toBeGreaterThan(0);
		expect(codes.get('bad-digest')).toBeGreaterThan(0);
	}, 60_000);
});
