/**
 * Outcomes of verifying a credential, one code per kind of failure, in the order the checks run.
 * The gate tool maps each code to its own exit status.
 */
export const VERIFY_CODES = {
	valid: 'The credential is valid for this e-mail address.',
	malformed: 'The text is not a compact JWS of a JSON header and payload.',
	'unsupported-alg': 'The header names an algorithm other than EdDSA (Ed25519).',
	'bad-type': 'The header typ is not vc+jwt.',
	'unknown-key': 'The header kid is not one of the pinned issuer keys.',
	'bad-signature': 'The signature does not match the pinned key: the token was altered or forged.',
	'bad-claims': 'The payload lacks a valid iss, jti (urn:uuid), nbf or exp claim.',
	'wrong-issuer': 'The iss claim is not the expected issuer.',
	'not-yet-valid': 'The credential is not valid yet (nbf is in the future, beyond 60 s of skew).',
	expired: 'The credential has expired (exp is past, beyond 60 s of skew).',
	revoked: 'The credential id is on the revocation list.',
	inconsistent:
		'The credential body disagrees with the JWT claims or is not an Open Badges credential.',
	'wrong-achievement': 'The credential is for an achievement this gate does not accept.',
	'wrong-subject': 'The credential was issued to another e-mail address.',
	internal: 'Verification stopped on an unexpected error.',
} as const;

/** One verification outcome. */
export type VerifyCode = keyof typeof VERIFY_CODES;
