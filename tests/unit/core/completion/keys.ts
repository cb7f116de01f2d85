import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Signer } from '../../../../src/core/completion/credential.js';

/** A fresh Ed25519 signer and the JWKS that pins its public key. */
export async function newIssuerKey(): Promise<{ signer: Signer; jwks: { keys: JWK[] } }> {
	const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
		crv: 'Ed25519',
		extractable: true,
	});
	const publicJwk = await exportJWK(publicKey);
	const kid = await calculateJwkThumbprint(publicJwk);
	return {
		signer: { privateJwk: await exportJWK(privateKey), kid },
		jwks: { keys: [{ ...publicJwk, kid, alg: 'EdDSA', use: 'sig' }] },
	};
}
