import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where a command writes and what it reads from its surroundings; tests pass their own. */
export interface Io {
	out(text: string): void;
	err(text: string): void;
	/** The current time. */
	now(): Date;
	/** Environment variables. */
	env: Readonly<Record<string, string | undefined>>;
	/** Directory that relative paths start from. */
	cwd: string;
}

/** The real process: stdout, stderr, clock, environment and working directory. */
export function processIo(): Io {
	return {
		out: (text) => void process.stdout.write(text),
		err: (text) => void process.stderr.write(text),
		now: () => new Date(),
		env: process.env,
		cwd: process.cwd(),
	};
}

/** The repository root (two folders above this file's folder). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Resolves a user-given path against the working directory. */
export function resolvePath(io: Io, path: string): string {
	return resolve(io.cwd, path);
}

/** The staff's private folder: `$SPINUP_ISSUER_HOME`, else `~/.spinup-issuer`. */
export function issuerHome(io: Io): string {
	return io.env['SPINUP_ISSUER_HOME'] ?? join(homedir(), '.spinup-issuer');
}

/** True when the module at `url` is the script Node was started with. */
export function isMain(url: string): boolean {
	const script = process.argv[1];
	if (!script) return false;
	try {
		return pathToFileURL(realpathSync(script)).href === url;
	} catch {
		return false;
	}
}

/** An error that ends a command with a chosen exit status and message. */
export class CliError extends Error {
	constructor(
		readonly exitCode: number,
		message: string
	) {
		super(message);
	}
}
