import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RevocationListSchema } from '../../cli/issuer/revoke.js';
import { JwksSchema, type Jwks } from '../../cli/lib/keys.js';
import { CREDENTIAL_CONTEXT } from '../../core/completion/credential.js';
import {
	achievement,
	achievementId,
	DEFAULT_ORIGIN,
	issuerId,
	issuerProfile,
	normalizeOrigin,
	type Achievement,
	type IssuerProfile,
} from '../../core/completion/issuer.js';

/**
 * What the site publishes about its credentials, read at build time: the public key set and the
 * revocation list from `keys/`, and the issuer and achievement documents from `issuer.ts` for the
 * site origin (`site` in `astro.config.mjs`). Files under `_` are not routes.
 */

/** The site origin, without a trailing slash. */
export const SITE_ORIGIN = normalizeOrigin(import.meta.env.SITE ?? DEFAULT_ORIGIN);

/** Reads a JSON file of the repository's `keys/` folder. */
function readKeysFile(name: string): unknown {
	return JSON.parse(readFileSync(join(process.cwd(), 'keys', name), 'utf8'));
}

/** Returns the published key set; the build fails on a private key or a malformed file. */
export function publishedJwks(): Jwks {
	return JwksSchema.parse(readKeysFile('jwks.json'));
}

/** Returns the published revocation list. */
export function publishedRevocations(): { revoked: string[] } {
	return RevocationListSchema.parse(readKeysFile('revoked.json'));
}

/** Returns the URL path of an id under the site origin, e.g. `/credentials/issuer/`. */
export function localPath(id: string): string {
	return new URL(id).pathname;
}

/** The issuer profile as a standalone JSON-LD document. */
export function issuerDocument(): { '@context': string[] } & IssuerProfile {
	return { '@context': [...CREDENTIAL_CONTEXT], ...issuerProfile(SITE_ORIGIN) };
}

/** The achievement as a standalone JSON-LD document. */
export function achievementDocument(): { '@context': string[] } & Achievement {
	return { '@context': [...CREDENTIAL_CONTEXT], ...achievement(SITE_ORIGIN) };
}

/** The id of the issuer and of the current achievement for the site origin. */
export const IDS = {
	issuer: issuerId(SITE_ORIGIN),
	achievement: achievementId(SITE_ORIGIN),
} as const;

/** The achievement's page slug, e.g. `spinup-v1` for `/credentials/spinup-v1/`. */
export const ACHIEVEMENT_SLUG = localPath(IDS.achievement).split('/').filter(Boolean).pop() ?? '';

/** Writes a JSON response body: indented, with a final newline. */
export function jsonResponse(value: unknown): Response {
	return new Response(`${JSON.stringify(value, null, '\t')}\n`, {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
}
