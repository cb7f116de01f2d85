import { z } from 'zod';
import { JTI_PATTERN } from '../../core/completion/credential.js';
import { readTextOrNull, writeText } from '../lib/files.js';
import { CliError, type Io } from '../lib/io.js';
import { publicPath } from './paths.js';

/** The published revocation list: `{ "revoked": ["urn:uuid:…", …] }`. */
export const RevocationListSchema = z
	.object({ revoked: z.array(z.string().regex(JTI_PATTERN)) })
	.strict();

/** Reads a revocation list; a missing file is an empty list when `missingIsEmpty`. */
export function readRevocationList(path: string, missingIsEmpty: boolean): string[] {
	const text = readTextOrNull(path);
	if (text === null) {
		if (missingIsEmpty) return [];
		throw new CliError(3, `Cannot read the revocation list ${path}.`);
	}
	try {
		return RevocationListSchema.parse(JSON.parse(text)).revoked;
	} catch (error) {
		throw new CliError(3, `${path} is not a revocation list: ${String(error)}`);
	}
}

/** Turns a bare UUID into `urn:uuid:…`; returns null for anything else. */
export function normalizeJti(value: string): string | null {
	const lower = value.trim().toLowerCase();
	const jti = lower.startsWith('urn:uuid:') ? lower : `urn:uuid:${lower}`;
	return JTI_PATTERN.test(jti) ? jti : null;
}

/** Adds a credential id to the revocation list. */
export function revoke(
	io: Io,
	id: string | undefined,
	list: string | undefined,
	root: string
): number {
	if (id === undefined) throw new CliError(2, 'Usage: revoke <jti> [--list FILE]');
	const jti = normalizeJti(id);
	if (jti === null) throw new CliError(2, `${id} is not a credential id (urn:uuid:… or a UUID).`);
	const path = publicPath(io, list, 'revoked', root);
	const revoked = readRevocationList(path, true);
	if (revoked.includes(jti)) {
		io.err(`${jti} was already revoked.\n`);
		return 0;
	}
	writeText(path, `${JSON.stringify({ revoked: [...revoked, jti] }, null, '\t')}\n`);
	io.err(`Revoked ${jti} in ${path} (${revoked.length + 1} in all). Publish the list.\n`);
	return 0;
}
