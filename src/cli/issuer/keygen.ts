import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readTextOrNull, writeSecret, writeText } from '../lib/files.js';
import { CliError, issuerHome, resolvePath, type Io } from '../lib/io.js';
import { generateIssuerKey, generateMasterKey, readJwks } from '../lib/keys.js';
import { DEFAULTS, publicPath } from './paths.js';

/** Options of `keygen`. */
export interface KeygenOptions {
	out?: string | undefined;
	jwks?: string | undefined;
	root: string;
	force: boolean;
}

/**
 * Creates the Ed25519 signing key (mode 600) in the private folder, adds its public half to the
 * published JWKS (older keys stay, so credentials they signed keep verifying), prints the public
 * JWK, and creates the attendance master key when there is none yet.
 */
export async function keygen(io: Io, options: KeygenOptions): Promise<number> {
	const dir = options.out === undefined ? issuerHome(io) : resolvePath(io, options.out);
	const keyPath = join(dir, DEFAULTS.key);
	if (existsSync(keyPath) && !options.force) {
		throw new CliError(
			2,
			`${keyPath} exists; pass --force to replace it (its public key stays in the JWKS).`
		);
	}
	const { privateJwk, publicJwk } = await generateIssuerKey();
	writeSecret(keyPath, `${JSON.stringify(privateJwk, null, '\t')}\n`);
	io.err(`Private key: ${keyPath} (mode 600). Keep it off the repository.\n`);
	const masterPath = join(dir, DEFAULTS.master);
	if (readTextOrNull(masterPath) === null) {
		writeSecret(masterPath, generateMasterKey());
		io.err(`Attendance master key: ${masterPath} (mode 600).\n`);
	}
	const jwksPath = publicPath(io, options.jwks, 'jwks', options.root);
	const jwks = readJwks(jwksPath) ?? { keys: [] };
	jwks.keys = [...jwks.keys.filter((k) => k.kid !== publicJwk.kid), publicJwk];
	writeText(jwksPath, `${JSON.stringify(jwks, null, '\t')}\n`);
	io.err(
		`Public key set: ${jwksPath} (${jwks.keys.length} key(s)); publish it and give the gate a copy.\n`
	);
	io.out(`${JSON.stringify(publicJwk, null, '\t')}\n`);
	return 0;
}
