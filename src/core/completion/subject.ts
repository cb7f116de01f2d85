import { hashString } from '../hash.js';

/**
 * The credential names its holder only by a salted hash of the e-mail address, as an Open Badges
 * 3.0 `IdentityObject`: identityHash = "sha256$" + hex(SHA-256(lower-cased e-mail + salt)).
 */

/** An Open Badges 3.0 identity object for a hashed e-mail address. */
export interface EmailIdentity {
	type: 'IdentityObject';
	identityHash: string;
	identityType: 'emailAddress';
	hashed: true;
	salt: string;
}

/** Normalises an e-mail address for hashing: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Hashes an e-mail address with a salt, in the `sha256$<hex>` form. */
export function hashEmail(email: string, salt: string): string {
	return `sha256$${hashString(normalizeEmail(email) + salt)}`;
}

/** Builds the identity object for an e-mail address and salt. */
export function emailIdentity(email: string, salt: string): EmailIdentity {
	return {
		type: 'IdentityObject',
		identityHash: hashEmail(email, salt),
		identityType: 'emailAddress',
		hashed: true,
		salt,
	};
}
