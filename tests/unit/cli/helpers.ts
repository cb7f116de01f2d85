import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBank, loadCenter } from '../../../src/cli/lib/bank.js';
import type { Io } from '../../../src/cli/lib/io.js';
import { attendanceCode } from '../../../src/core/completion/attendance.js';
import { decodeBase64Url } from '../../../src/core/completion/base64url.js';
import { buildBundle } from '../../../src/core/completion/bundle-build.js';
import { encodeBundle } from '../../../src/core/completion/bundle-codec.js';
import type { Bundle } from '../../../src/core/completion/bundle-schema.js';
import { SESSION_IDS } from '../../../src/core/completion/sessions.js';
import { substituteParams } from '../../../src/core/exercises/grade.js';
import type { Progress } from '../../../src/core/progress/schema.js';
import { rulesetHash, VALIDATOR_VERSION } from '../../../src/core/validate.js';
import { repoRoot } from '../helpers/center.js';

/** An Io that records what a command prints, with a fixed environment and clock. */
export interface MemoryIo extends Io {
	stdout: string;
	stderr: string;
}

/** Makes an Io for tests: output kept in memory, issuer home and working directory in `dir`. */
export function memoryIo(dir: string, now: Date = new Date()): MemoryIo {
	const io: MemoryIo = {
		stdout: '',
		stderr: '',
		out: (text) => void (io.stdout += text),
		err: (text) => void (io.stderr += text),
		now: () => now,
		env: { SPINUP_ISSUER_HOME: join(dir, 'home') },
		cwd: dir,
	};
	return io;
}

/** Creates a temporary folder; call the returned function to remove it. */
export function tempDir(): { dir: string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'spinup-cli-'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads the attendance master key that `keygen` wrote into the issuer home. */
export function readMaster(dir: string): Uint8Array {
	const key = decodeBase64Url(
		readFileSync(join(dir, 'home', 'attendance-master.key'), 'utf8').trim()
	);
	if (!key) throw new Error('no master key');
	return key;
}

/**
 * Progress of a learner who solved every exercise with its published solution, with each
 * param's example value filled in, and typed the session codes made with `master`.
 */
export async function solvedProgress(master: Uint8Array, username = 'grace'): Promise<Progress> {
	const exercises: Progress['exercises'] = {};
	for (const { exercise, solution } of loadBank(repoRoot)) {
		const params = Object.fromEntries(
			Object.entries(exercise.params).map(([k, p]) => [k, p.example])
		);
		const files = Object.fromEntries(
			Object.entries(solution).map(([name, text]) => [name, substituteParams(text, params)])
		);
		exercises[exercise.id] = {
			files,
			attempts: 1,
			passed: true,
			hintsUsed: 0,
			solutionShown: false,
			params,
		};
	}
	const attendance: Record<string, string> = {};
	for (const session of SESSION_IDS)
		attendance[session] = await attendanceCode(master, session, username);
	return {
		version: 1,
		chapters: {},
		exercises,
		attendance,
		learner: { username, email: `${username}@mail.test`, name: `${username} Hopper` },
	};
}

/** Seals progress into a bundle made with the current validator. */
export function bundleOf(progress: Progress, validatorHash?: string): Bundle {
	const built = buildBundle(progress, {
		createdAt: '2025-03-01T12:00:00.000Z',
		validatorVersion: VALIDATOR_VERSION,
		validatorHash: validatorHash ?? rulesetHash(loadCenter(repoRoot)),
	});
	if (!built.ok) throw new Error(`${built.path}: ${built.message}`);
	return built.bundle;
}

/** Writes a bundle as SPINUP1 text into `dir/name`; returns the path. */
export async function writeBundle(dir: string, name: string, bundle: Bundle): Promise<string> {
	const encoded = await encodeBundle(bundle);
	if (!encoded.ok) throw new Error(encoded.message);
	const path = join(dir, name);
	writeFileSync(path, `${encoded.text}\n`);
	return path;
}
