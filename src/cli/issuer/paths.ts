import { join } from 'node:path';
import { issuerHome, REPO_ROOT, resolvePath, type Io } from '../lib/io.js';

/** Default locations, overridable by options. */
export const DEFAULTS = {
	/** Private signing key (JWK), in the issuer home. */
	key: 'issuer-key.private.jwk',
	/** Attendance master key, in the issuer home. */
	master: 'attendance-master.key',
	/** Ledger folder, in the issuer home. */
	ledger: 'ledger',
	/** Folder for issued tokens, in the issuer home. */
	issued: 'issued',
	/** Published key set, in the repository. */
	jwks: 'keys/jwks.json',
	/** Published revocation list, in the repository. */
	revoked: 'keys/revoked.json',
} as const;

/** Resolves an option's path, or the default inside the issuer home. */
export function privatePath(
	io: Io,
	given: string | undefined,
	name: keyof typeof DEFAULTS
): string {
	return given === undefined ? join(issuerHome(io), DEFAULTS[name]) : resolvePath(io, given);
}

/** Resolves an option's path, or the default inside the repository (`--root`). */
export function publicPath(
	io: Io,
	given: string | undefined,
	name: 'jwks' | 'revoked',
	root: string = REPO_ROOT
): string {
	return given === undefined ? join(root, DEFAULTS[name]) : resolvePath(io, given);
}
