import { CompactSign, importJWK, type JWK } from 'jose';
import { encodeBase64Url } from './base64url.js';
import {
	achievement,
	COURSE_VERSION,
	DEFAULT_ORIGIN,
	issuerProfile,
	type Achievement,
	type IssuerProfile,
} from './issuer.js';
import { emailIdentity, type EmailIdentity } from './subject.js';

/**
 * The completion credential: an Open Badges 3.0 `OpenBadgeCredential` secured as a VC-JWT.
 *
 * Encoding choice: the credential uses the VC Data Model 2.0 context, so it follows "Securing
 * Verifiable Credentials using JOSE and COSE": the JWT payload *is* the credential (no `vc`
 * claim), and the header says `typ: "vc+jwt"`. The registered claims `iss`, `jti`, `nbf`, `exp`
 * and `iat` sit beside it and must agree with `issuer.id`, `id`, `validFrom` and `validUntil`.
 *
 * Header: { alg: "EdDSA", kid: <RFC 7638 thumbprint of the Ed25519 key>, typ: "vc+jwt" }.
 * The token carries no name and no e-mail: the subject is a salted hash of the e-mail, and the
 * evidence is the bundle's SHA-256 as an RFC 6920 `ni:///sha-256;…` URI.
 */

/** JSON-LD contexts, in order. */
export const CREDENTIAL_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;
/** Credential types. */
export const CREDENTIAL_TYPE = ['VerifiableCredential', 'OpenBadgeCredential'] as const;
/** The JOSE header `typ`. */
export const CREDENTIAL_TYP = 'vc+jwt';
/** How long a credential is valid, in months. */
export const VALIDITY_MONTHS = 24;
/** Pattern of a credential id and `jti`. */
export const JTI_PATTERN =
	/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Evidence: the completion bundle, by hash. */
export type Evidence = {
	id: string;
	type: ['Evidence'];
	name: string;
	description: string;
};

/** The credential subject: a hashed e-mail identity and the achievement. */
export type CredentialSubject = {
	type: ['AchievementSubject'];
	identifier: [EmailIdentity];
	achievement: Achievement;
};

/** The JWT payload: the credential plus the registered claims. */
export type CredentialPayload = {
	'@context': string[];
	id: string;
	type: string[];
	issuer: IssuerProfile;
	name: string;
	validFrom: string;
	validUntil: string;
	credentialSubject: CredentialSubject;
	evidence: [Evidence];
	iss: string;
	jti: string;
	iat: number;
	nbf: number;
	exp: number;
};

/** What one credential states. */
export interface CredentialInput {
	/** The holder's e-mail (hashed, never stored). */
	email: string;
	/** Random salt for the e-mail hash. */
	salt: string;
	/** `urn:uuid:<random UUID>`. */
	jti: string;
	/** Issue time, in seconds since the epoch. */
	issuedAt: number;
	/** The bundle digest (hex SHA-256) the staff checked. */
	bundleDigest: string;
	/** Site origin for the issuer and achievement ids. */
	origin?: string;
	/** Course version for the achievement id. */
	courseVersion?: string;
}

/** The Ed25519 private key and its id. */
export interface Signer {
	privateJwk: JWK;
	kid: string;
}

/** Adds calendar months to a UTC time in seconds, keeping the day (or the month's last day). */
export function addMonths(seconds: number, months: number): number {
	const date = new Date(seconds * 1000);
	const target = new Date(date.getTime());
	target.setUTCDate(1);
	target.setUTCMonth(date.getUTCMonth() + months);
	const lastDay = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
	).getUTCDate();
	target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
	return Math.floor(target.getTime() / 1000);
}

/** Turns a hex digest into an RFC 6920 named-information URI. */
export function digestUri(hex: string): string {
	const bytes = new Uint8Array((hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
	return `ni:///sha-256;${encodeBase64Url(bytes)}`;
}

/** Builds the credential payload (pure: time, id and salt come from the caller). */
export function buildCredential(input: CredentialInput): CredentialPayload {
	const origin = input.origin ?? DEFAULT_ORIGIN;
	const issuer = issuerProfile(origin);
	const expires = addMonths(input.issuedAt, VALIDITY_MONTHS);
	return {
		'@context': [...CREDENTIAL_CONTEXT],
		id: input.jti,
		type: [...CREDENTIAL_TYPE],
		issuer,
		name: achievement(origin, input.courseVersion ?? COURSE_VERSION).name,
		validFrom: new Date(input.issuedAt * 1000).toISOString(),
		validUntil: new Date(expires * 1000).toISOString(),
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [emailIdentity(input.email, input.salt)],
			achievement: achievement(origin, input.courseVersion ?? COURSE_VERSION),
		},
		evidence: [
			{
				id: digestUri(input.bundleDigest),
				type: ['Evidence'],
				name: 'Completion bundle',
				description: `SHA-256 ${input.bundleDigest} of the completion bundle re-checked by course staff.`,
			},
		],
		iss: issuer.id,
		jti: input.jti,
		iat: input.issuedAt,
		nbf: input.issuedAt,
		exp: expires,
	};
}

/** Signs a credential payload as a compact JWS with EdDSA (Ed25519). */
export async function signCredential(payload: CredentialPayload, signer: Signer): Promise<string> {
	const key = await importJWK(signer.privateJwk, 'EdDSA');
	return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
		.setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: CREDENTIAL_TYP })
		.sign(key);
}
