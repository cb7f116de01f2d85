import { compactVerify, importJWK } from 'jose';
import { z } from 'zod';
import { constantTimeEqual } from './attendance.js';
import { decodeBase64Url } from './base64url.js';
import { CREDENTIAL_CONTEXT, CREDENTIAL_TYP, CREDENTIAL_TYPE, JTI_PATTERN } from './credential.js';
import { issuerId } from './issuer.js';
import { hashEmail } from './subject.js';
import { VERIFY_CODES, type VerifyCode } from './verify-codes.js';

/** What the verifier trusts and asks about. */
export interface VerifyOptions {
	/** The pinned JSON Web Key Set of the issuer (`{ keys: [...] }`). */
	jwks: unknown;
	/** The e-mail address the holder claims. */
	email: string;
	/** Revoked credential ids (`urn:uuid:…`). */
	revoked?: readonly string[] | ReadonlySet<string>;
	/** The time to judge validity at (from the caller's clock). */
	now: Date | number;
	/** Achievement ids this verifier accepts. */
	acceptedAchievements: readonly string[];
	/** Expected issuer id; defaults to the issuer of the default site origin. */
	issuer?: string;
}

/** The verdict: a code from `VERIFY_CODES`, a sentence, and the payload once the signature held. */
export interface VerifyResult {
	ok: boolean;
	code: VerifyCode;
	reason: string;
	claims?: Record<string, unknown>;
}

/** Clock skew allowed on `nbf` and `exp`, in seconds. */
export const CLOCK_SKEW_SECONDS = 60;
/** Longest token considered, in characters. */
export const MAX_TOKEN_LENGTH = 16_384;
/** Algorithms accepted in the header (both name Ed25519 signatures). */
const ALGORITHMS = ['EdDSA', 'Ed25519'];

/** A failure with the code's standard sentence, optionally more specific. */
function verdict(
	code: VerifyCode,
	detail?: string,
	claims?: Record<string, unknown>
): VerifyResult {
	const reason = detail === undefined ? VERIFY_CODES[code] : `${VERIFY_CODES[code]} ${detail}`;
	const base = { ok: code === 'valid', code, reason };
	return claims === undefined ? base : { ...base, claims };
}

/** Decodes a strict base64url segment holding a JSON object. */
function jsonSegment(segment: string): Record<string, unknown> | null {
	const bytes = decodeBase64Url(segment);
	if (!bytes) return null;
	try {
		const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

/** Finds the pinned Ed25519 public key with this id. */
function findKey(jwks: unknown, kid: string): { kty: 'OKP'; crv: 'Ed25519'; x: string } | null {
	if (typeof jwks !== 'object' || jwks === null) return null;
	const keys = (jwks as { keys?: unknown }).keys;
	if (!Array.isArray(keys)) return null;
	for (const key of keys as unknown[]) {
		if (typeof key !== 'object' || key === null) continue;
		const k = key as Record<string, unknown>;
		if (k['kid'] !== kid || k['kty'] !== 'OKP' || k['crv'] !== 'Ed25519') continue;
		if (typeof k['x'] === 'string') return { kty: 'OKP', crv: 'Ed25519', x: k['x'] };
	}
	return null;
}

/** The shape every credential body must have; extra fields are allowed. */
const BodySchema = z.object({
	'@context': z.array(z.string()),
	id: z.string(),
	type: z.array(z.string()),
	issuer: z.object({ id: z.string(), type: z.array(z.string()) }),
	validFrom: z.string(),
	validUntil: z.string(),
	credentialSubject: z.object({
		type: z.array(z.string()),
		identifier: z
			.array(
				z.object({
					type: z.literal('IdentityObject'),
					identityHash: z.string().regex(/^sha256\$[0-9a-f]{64}$/),
					identityType: z.literal('emailAddress'),
					hashed: z.literal(true),
					salt: z.string().min(1),
				})
			)
			.length(1),
		achievement: z.object({ id: z.string(), type: z.array(z.string()) }),
	}),
});

/** Seconds since the epoch of an ISO time, or NaN. */
function seconds(iso: string): number {
	return Date.parse(iso) / 1000;
}

/** Explains how the body disagrees with the claims, or returns null. */
function inconsistency(
	body: z.output<typeof BodySchema>,
	iss: string,
	jti: string,
	nbf: number,
	exp: number
): string | null {
	if (CREDENTIAL_CONTEXT.some((c, i) => body['@context'][i] !== c)) return '@context is wrong.';
	if (CREDENTIAL_TYPE.some((t) => !body.type.includes(t))) return 'type is wrong.';
	if (body.id !== jti) return 'id differs from jti.';
	if (body.issuer.id !== iss) return 'issuer.id differs from iss.';
	if (seconds(body.validFrom) !== nbf) return 'validFrom differs from nbf.';
	if (seconds(body.validUntil) !== exp) return 'validUntil differs from exp.';
	if (!body.credentialSubject.type.includes('AchievementSubject')) return 'subject type is wrong.';
	if (!body.credentialSubject.achievement.type.includes('Achievement'))
		return 'achievement type is wrong.';
	return null;
}

/** Checks the token's form, header, key and signature; returns the payload or a failure. */
async function verifySignature(
	token: unknown,
	jwks: unknown
): Promise<{ payload: Record<string, unknown> } | VerifyResult> {
	if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return verdict('malformed');
	if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return verdict('malformed');
	const [head = '', body = '', signature = ''] = token.split('.');
	const header = jsonSegment(head);
	if (!header) return verdict('malformed', 'The header does not decode.');
	const alg = header['alg'];
	if (typeof alg !== 'string' || !ALGORITHMS.includes(alg)) return verdict('unsupported-alg');
	if (header['typ'] !== CREDENTIAL_TYP) return verdict('bad-type');
	const kid = header['kid'];
	const jwk = typeof kid === 'string' ? findKey(jwks, kid) : null;
	if (!jwk) return verdict('unknown-key');
	const sig = decodeBase64Url(signature);
	if (!sig || sig.length !== 64 || !decodeBase64Url(body)) {
		return verdict('malformed', 'A segment is not canonical base64url.');
	}
	let key: Awaited<ReturnType<typeof importJWK>>;
	try {
		key = await importJWK(jwk, alg);
	} catch {
		return verdict('unknown-key', 'The pinned key could not be loaded.');
	}
	try {
		await compactVerify(token, key, { algorithms: ALGORITHMS });
	} catch {
		return verdict('bad-signature');
	}
	const payload = jsonSegment(body);
	return payload ? { payload } : verdict('malformed', 'The payload is not a JSON object.');
}

/** Verifies a completion credential for an e-mail address; never throws. */
export async function verifyCredential(
	token: unknown,
	options: VerifyOptions
): Promise<VerifyResult> {
	try {
		const signed = await verifySignature(token, options.jwks);
		if (!('payload' in signed)) return signed;
		const claims = signed.payload;
		const { iss, jti, nbf, exp } = claims;
		if (typeof iss !== 'string' || typeof jti !== 'string' || !JTI_PATTERN.test(jti)) {
			return verdict('bad-claims', undefined, claims);
		}
		if (typeof nbf !== 'number' || typeof exp !== 'number' || !(nbf < exp)) {
			return verdict('bad-claims', undefined, claims);
		}
		if (iss !== (options.issuer ?? issuerId()))
			return verdict('wrong-issuer', `Found ${iss}.`, claims);
		const now = (typeof options.now === 'number' ? options.now : options.now.getTime()) / 1000;
		if (now + CLOCK_SKEW_SECONDS < nbf) return verdict('not-yet-valid', undefined, claims);
		if (now - CLOCK_SKEW_SECONDS >= exp) return verdict('expired', undefined, claims);
		const revoked = options.revoked ?? [];
		const isRevoked =
			revoked instanceof Set ? revoked.has(jti) : (revoked as readonly string[]).includes(jti);
		if (isRevoked) return verdict('revoked', undefined, claims);
		const body = BodySchema.safeParse(claims);
		if (!body.success)
			return verdict('inconsistent', 'The credential body has the wrong shape.', claims);
		const problem = inconsistency(body.data, iss, jti, nbf, exp);
		if (problem) return verdict('inconsistent', problem, claims);
		const subject = body.data.credentialSubject;
		if (!options.acceptedAchievements.includes(subject.achievement.id)) {
			return verdict('wrong-achievement', `Found ${subject.achievement.id}.`, claims);
		}
		const identity = subject.identifier[0];
		if (
			!identity ||
			!constantTimeEqual(hashEmail(options.email, identity.salt), identity.identityHash)
		) {
			return verdict('wrong-subject', undefined, claims);
		}
		return verdict('valid', undefined, claims);
	} catch (error) {
		return verdict('internal', String(error));
	}
}
