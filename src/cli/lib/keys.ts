import { randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';
import { decodeBase64Url, encodeBase64Url } from '../../core/completion/base64url.js';
import type { Signer } from '../../core/completion/credential.js';
import { readTextOrNull } from './files.js';
import { CliError } from './io.js';

/** A public Ed25519 key as published in the JWKS. */
export const PublicJwkSchema = z
	.object({
		kty: z.literal('OKP'),
		crv: z.literal('Ed25519'),
		x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
		kid: z.string().min(1),
		alg: z.enum(['EdDSA', 'Ed25519']).optional(),
		use: z.literal('sig').optional(),
	})
	.passthrough()
	.refine((k) => !('d' in k), 'a published key set must not hold a private key');

/** A JSON Web Key Set of public Ed25519 keys. */
export const JwksSchema = z.object({ keys: z.array(PublicJwkSchema) }).strict();
/** The pinned key set. */
export type Jwks = z.output<typeof JwksSchema>;

/** Creates an Ed25519 key pair; the key id is the RFC 7638 thumbprint of the public key. */
export async function generateIssuerKey(): Promise<{
	privateJwk: JWK;
	publicJwk: Jwks['keys'][number];
}> {
	const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
		crv: 'Ed25519',
		extractable: true,
	});
	const pub = await exportJWK(publicKey);
	const kid = await calculateJwkThumbprint(pub);
	const publicJwk = PublicJwkSchema.parse({ ...pub, kid, alg: 'EdDSA', use: 'sig' });
	return {
		privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA', use: 'sig' },
		publicJwk,
	};
}

/** Loads the private signing key written by `keygen`. */
export function loadSigner(path: string): Signer {
	const text = readTextOrNull(path);
	if (text === null)
		throw new CliError(
			9,
			`No signing key at ${path}: run "npm run issuer -- keygen" or pass --key.`
		);
	try {
		const jwk = JSON.parse(text) as JWK;
		if (
			jwk.kty !== 'OKP' ||
			jwk.crv !== 'Ed25519' ||
			typeof jwk.d !== 'string' ||
			typeof jwk.kid !== 'string'
		) {
			throw new Error('not an Ed25519 private JWK with a kid');
		}
		return { privateJwk: jwk, kid: jwk.kid };
	} catch (error) {
		throw new CliError(9, `${path} is not a signing key: ${String(error)}.`);
	}
}

/** Makes a new attendance master key: 32 random bytes as base64url text. */
export function generateMasterKey(): string {
	return `${encodeBase64Url(randomBytes(32))}\n`;
}

/** Loads the attendance master key. */
export function loadMasterKey(path: string): Uint8Array {
	const text = readTextOrNull(path);
	if (text === null)
		throw new CliError(
			9,
			`No attendance master key at ${path}: run "npm run issuer -- keygen" or pass --master.`
		);
	const key = decodeBase64Url(text.trim());
	if (!key || key.length < 32)
		throw new CliError(9, `${path} is not a master key (32 bytes, base64url).`);
	return key;
}

/** Reads a JWKS file; null when there is none, an error when it is not a key set. */
export function readJwks(path: string): Jwks | null {
	const text = readTextOrNull(path);
	if (text === null) return null;
	try {
		return JwksSchema.parse(JSON.parse(text));
	} catch (error) {
		throw new CliError(3, `${path} is not a JWKS of Ed25519 public keys: ${String(error)}`);
	}
}
