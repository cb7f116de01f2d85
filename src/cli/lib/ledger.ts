import { appendFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Bundle } from '../../core/completion/bundle-schema.js';
import { usernameHash, type LedgerSolutions } from '../../core/completion/check.js';
import { readTextOrNull, writeText } from './files.js';
import { CliError } from './io.js';

/**
 * The staff ledger, a folder:
 *   issued.jsonl           one row per credential: jti, usernameHash, bundleDigest, issuedAt,
 *                          validUntil, achievement (no name, no e-mail)
 *   solutions/<digest>.json the solutions of each issued bundle, for similarity checks:
 *                          { usernameHash, bundleDigest, createdAt, exercises: { id: { files, params } } }
 */

/** One ledger row. */
export interface LedgerRow {
	jti: string;
	usernameHash: string;
	bundleDigest: string;
	issuedAt: string;
	validUntil: string;
	achievement: string;
}

/** Stored solutions of one bundle. */
const SolutionsSchema = z.object({
	usernameHash: z.string(),
	bundleDigest: z.string(),
	createdAt: z.string(),
	exercises: z.record(z.object({ files: z.record(z.string()), params: z.record(z.string()) })),
});

/** Reads every stored bundle's solutions. */
export function readLedger(dir: string): LedgerSolutions[] {
	const folder = join(dir, 'solutions');
	if (!existsSync(folder)) return [];
	const out: LedgerSolutions[] = [];
	for (const name of readdirSync(folder).sort()) {
		if (!name.endsWith('.json')) continue;
		const text = readTextOrNull(join(folder, name));
		let value: unknown = null;
		try {
			value = text === null ? null : JSON.parse(text);
		} catch {
			value = null;
		}
		const parsed = SolutionsSchema.safeParse(value);
		if (!parsed.success) throw new CliError(3, `Ledger file ${join(folder, name)} is unreadable.`);
		out.push(parsed.data);
	}
	return out;
}

/** Stores a bundle's solutions and appends the credential's row. */
export function recordIssue(dir: string, bundle: Bundle, row: LedgerRow): void {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const exercises = Object.fromEntries(
		Object.entries(bundle.exercises).map(([id, e]) => [id, { files: e.files, params: e.params }])
	);
	const solutions = {
		usernameHash: usernameHash(bundle.learner.username),
		bundleDigest: bundle.digest,
		createdAt: bundle.createdAt,
		exercises,
	};
	writeText(
		join(dir, 'solutions', `${bundle.digest}.json`),
		`${JSON.stringify(solutions, null, '\t')}\n`
	);
	appendFileSync(join(dir, 'issued.jsonl'), `${JSON.stringify(row)}\n`, { mode: 0o600 });
}
