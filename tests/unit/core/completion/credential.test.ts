import { CompactSign, importJWK } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import {
	addMonths,
	buildCredential,
	digestUri,
	signCredential,
	type CredentialPayload,
	type Signer,
} from '../../../../src/core/completion/credential.js';
import { achievementId, issuerId } from '../../../../src/core/completion/issuer.js';
import { hashEmail } from '../../../../src/core/completion/subject.js';
import { verifyCredential, type VerifyOptions } from '../../../../src/core/completion/verify.js';
import { newIssuerKey } from './keys.js';

const ISSUED = Date.UTC(2025, 2, 1, 12) / 1000;
const EMAIL = 'Alice.Example@Mail.Test';
const DIGEST = '0123456789abcdef'.repeat(4);
const JTI = 'urn:uuid:3f0c1a52-8a8e-4d5e-9b1f-2f0e4c3b6a71';

let signer: Signer;
let jwks: { keys: object[] };
let other: Signer;

beforeAll(async () => {
	({ signer, jwks } = await newIssuerKey());
	({ signer: other } = await newIssuerKey());
});

/** The credential every test starts from. */
function payload(): CredentialPayload {
	return buildCredential({
		email: EMAIL,
		salt: 'pepper-1',
		jti: JTI,
		issuedAt: ISSUED,
		bundleDigest: DIGEST,
	});
}

/** Verifier options at a time `offset` seconds after issue. */
function options(offset = 3600, extra: Partial<VerifyOptions> = {}): VerifyOptions {
	return {
		jwks,
		email: EMAIL,
		now: (ISSUED + offset) * 1000,
		acceptedAchievements: [achievementId()],
		...extra,
	};
}

/** Signs any JSON payload with any header, bypassing `signCredential`. */
async function rawSign(
	body: unknown,
	header: Record<string, unknown>,
	key: Signer = signer
): Promise<string> {
	return new CompactSign(new TextEncoder().encode(JSON.stringify(body)))
		.setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt', ...header })
		.sign(await importJWK(key.privateJwk, 'EdDSA'));
}

/** Decodes a token's header and payload. */
function decode(token: string): { header: unknown; payload: CredentialPayload } {
	const [h = '', p = ''] = token.split('.');
	return {
		header: JSON.parse(Buffer.from(h, 'base64url').toString()),
		payload: JSON.parse(Buffer.from(p, 'base64url').toString()),
	};
}

describe('buildCredential', () => {
	test('states an Open Badges 3.0 credential whose claims agree with its body', () => {
		const p = payload();
		expect(p['@context']).toEqual([
			'https://www.w3.org/ns/credentials/v2',
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
		]);
		expect(p.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(p.id).toBe(JTI);
		expect(p.jti).toBe(JTI);
		expect(p.iss).toBe('https://spinup.example.org/credentials/issuer/');
		expect(p.issuer).toMatchObject({ id: p.iss, type: ['Profile'], name: 'SpinUp course' });
		expect(p.nbf).toBe(ISSUED);
		expect(p.validFrom).toBe('2025-03-01T12:00:00.000Z');
		expect(p.validUntil).toBe('2027-03-01T12:00:00.000Z');
		expect(p.exp).toBe(Date.UTC(2027, 2, 1, 12) / 1000);
		expect(p.credentialSubject.achievement.id).toBe(
			'https://spinup.example.org/credentials/spinup-v1/'
		);
		expect(p.credentialSubject.identifier).toEqual([
			{
				type: 'IdentityObject',
				identityHash: hashEmail('alice.example@mail.test', 'pepper-1'),
				identityType: 'emailAddress',
				hashed: true,
				salt: 'pepper-1',
			},
		]);
		expect(p.evidence[0].id).toBe(digestUri(DIGEST));
		expect(p.evidence[0].description).toContain(DIGEST);
	});

	test('hashes the lower-cased e-mail with the salt', () => {
		expect(hashEmail(' A@B.org ', 's')).toBe(hashEmail('a@b.org', 's'));
		expect(hashEmail('a@b.org', 's')).not.toBe(hashEmail('a@b.org', 't'));
		expect(hashEmail('a@b.org', 's')).toMatch(/^sha256\$[0-9a-f]{64}$/);
	});

	test('writes the digest as an RFC 6920 URI', () => {
		expect(digestUri('ff'.repeat(32))).toBe(`ni:///sha-256;${'_'.repeat(42)}8`);
	});

	test('adds calendar months, keeping the day or the month end', () => {
		const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 9, 30) / 1000;
		expect(addMonths(at(2024, 2, 29), 24)).toBe(at(2026, 2, 28));
		expect(addMonths(at(2025, 1, 31), 1)).toBe(at(2025, 2, 28));
		expect(addMonths(at(2025, 11, 15), 24)).toBe(at(2027, 11, 15));
	});
});

describe('signCredential', () => {
	test('signs with EdDSA, the key id and typ vc+jwt, and leaks no name or e-mail', async () => {
		const token = await signCredential(payload(), signer);
		expect(decode(token).header).toEqual({ alg: 'EdDSA', kid: signer.kid, typ: 'vc+jwt' });
		const text = JSON.stringify(decode(token)).toLowerCase();
		for (const secret of ['alice', 'mail.test']) expect(text).not.toContain(secret);
	});
});

describe('verifyCredential', () => {
	test('accepts a fresh credential, whatever the case of the e-mail', async () => {
		const token = await signCredential(payload(), signer);
		const result = await verifyCredential(token, options());
		expect(result).toMatchObject({ ok: true, code: 'valid' });
		expect(result.claims?.['jti']).toBe(JTI);
		expect(
			(await verifyCredential(token, options(3600, { email: 'alice.example@MAIL.test' }))).code
		).toBe('valid');
	});

	test('accepts the fully specified Ed25519 algorithm name', async () => {
		expect(
			(await verifyCredential(await rawSign(payload(), { alg: 'Ed25519' }), options())).code
		).toBe('valid');
	});

	test('allows 60 s of clock skew on both ends', async () => {
		const token = await signCredential(payload(), signer);
		const life = payload().exp - ISSUED;
		expect((await verifyCredential(token, options(-59))).code).toBe('valid');
		expect((await verifyCredential(token, options(-61))).code).toBe('not-yet-valid');
		expect((await verifyCredential(token, options(life + 59))).code).toBe('valid');
		expect((await verifyCredential(token, options(life + 60))).code).toBe('expired');
	});

	test.each([
		['a non-string', 42],
		['two segments', 'abc.def'],
		['white space', 'a.b.c '],
		['a header that is not JSON', 'bm90IGpzb24.e30.AAAA'],
		['a header that is a JSON array', 'W10.e30.AAAA'],
	])('calls %s malformed', async (_name, token) => {
		expect((await verifyCredential(token, options())).code).toBe('malformed');
	});

	test('refuses other algorithms, including none', async () => {
		const p = Buffer.from(JSON.stringify(payload())).toString('base64url');
		for (const alg of ['none', 'HS256', 'RS256', 'ES256']) {
			const h = Buffer.from(JSON.stringify({ alg, kid: signer.kid, typ: 'vc+jwt' })).toString(
				'base64url'
			);
			expect((await verifyCredential(`${h}.${p}.AAAA`, options())).code).toBe('unsupported-alg');
		}
	});

	test('refuses another typ', async () => {
		for (const typ of ['JWT', 'vc+ld+json+jwt']) {
			expect((await verifyCredential(await rawSign(payload(), { typ }), options())).code).toBe(
				'bad-type'
			);
		}
	});

	test('refuses a key id that is not pinned, or a missing one', async () => {
		expect((await verifyCredential(await rawSign(payload(), {}, other), options())).code).toBe(
			'unknown-key'
		);
		expect(
			(await verifyCredential(await rawSign(payload(), { kid: undefined }), options())).code
		).toBe('unknown-key');
		expect(
			(await verifyCredential(await signCredential(payload(), signer), options(0, { jwks: {} })))
				.code
		).toBe('unknown-key');
	});

	test('refuses a signature by another key under the pinned key id', async () => {
		const forged = await rawSign(payload(), { kid: signer.kid }, other);
		expect((await verifyCredential(forged, options())).code).toBe('bad-signature');
	});

	test('refuses a tampered payload', async () => {
		const token = await signCredential(payload(), signer);
		const [h, , s] = token.split('.');
		const changed = { ...payload(), exp: payload().exp + 86400 * 365 };
		const tampered = `${h}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${s}`;
		expect((await verifyCredential(tampered, options())).code).toBe('bad-signature');
	});

	test('refuses missing or ill-typed registered claims', async () => {
		const { jti: _jti, ...noJti } = payload();
		expect((await verifyCredential(await rawSign(noJti, {}), options())).code).toBe('bad-claims');
		const badJti = { ...payload(), jti: 'credential-1', id: 'credential-1' };
		expect((await verifyCredential(await rawSign(badJti, {}), options())).code).toBe('bad-claims');
		const stringExp = { ...payload(), exp: String(payload().exp) };
		expect((await verifyCredential(await rawSign(stringExp, {}), options())).code).toBe(
			'bad-claims'
		);
	});

	test('refuses another issuer', async () => {
		const foreign = buildCredential({
			email: EMAIL,
			salt: 's',
			jti: JTI,
			issuedAt: ISSUED,
			bundleDigest: DIGEST,
			origin: 'https://other.example.net',
		});
		const result = await verifyCredential(await signCredential(foreign, signer), options());
		expect(result.code).toBe('wrong-issuer');
		const accepted = options(3600, {
			issuer: issuerId('https://other.example.net'),
			acceptedAchievements: [achievementId('https://other.example.net')],
		});
		expect((await verifyCredential(await signCredential(foreign, signer), accepted)).code).toBe(
			'valid'
		);
	});

	test('refuses a revoked credential, from a list or a set', async () => {
		const token = await signCredential(payload(), signer);
		expect((await verifyCredential(token, options(0, { revoked: [JTI] }))).code).toBe('revoked');
		expect((await verifyCredential(token, options(0, { revoked: new Set([JTI]) }))).code).toBe(
			'revoked'
		);
		expect(
			(
				await verifyCredential(
					token,
					options(0, { revoked: ['urn:uuid:00000000-0000-4000-8000-000000000000'] })
				)
			).code
		).toBe('valid');
	});

	test.each([
		[
			'an id other than jti',
			(p: CredentialPayload) => ({ ...p, id: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
		],
		[
			'an issuer.id other than iss',
			(p: CredentialPayload) => ({ ...p, issuer: { ...p.issuer, id: 'https://x.example/' } }),
		],
		[
			'a validUntil other than exp',
			(p: CredentialPayload) => ({ ...p, validUntil: '2030-01-01T00:00:00.000Z' }),
		],
		[
			'a missing OpenBadgeCredential type',
			(p: CredentialPayload) => ({ ...p, type: ['VerifiableCredential'] }),
		],
		[
			'the VC 1.1 context',
			(p: CredentialPayload) => ({ ...p, '@context': ['https://www.w3.org/2018/credentials/v1'] }),
		],
		[
			'an unhashed identifier',
			(p: CredentialPayload) => ({
				...p,
				credentialSubject: {
					...p.credentialSubject,
					identifier: [{ ...p.credentialSubject.identifier[0], hashed: false }],
				},
			}),
		],
		['no subject', (p: CredentialPayload) => ({ ...p, credentialSubject: undefined })],
	])('calls a body with %s inconsistent', async (_name, change) => {
		const result = await verifyCredential(await rawSign(change(payload()), {}), options());
		expect(result.code).toBe('inconsistent');
	});

	test('refuses an achievement the gate does not accept', async () => {
		const token = await signCredential(payload(), signer);
		const result = await verifyCredential(
			token,
			options(0, { acceptedAchievements: [achievementId(undefined, '2')] })
		);
		expect(result.code).toBe('wrong-achievement');
	});

	test('refuses another e-mail address', async () => {
		const token = await signCredential(payload(), signer);
		const result = await verifyCredential(token, options(0, { email: 'mallory@example.org' }));
		expect(result).toMatchObject({ ok: false, code: 'wrong-subject' });
	});

	test('reports an unexpected error instead of throwing', async () => {
		const token = await signCredential(payload(), signer);
		const result = await verifyCredential(token, {
			...options(),
			email: undefined as unknown as string,
		});
		expect(result.code).toBe('internal');
	});
});
