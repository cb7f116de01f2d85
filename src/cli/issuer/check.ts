import { readBundleText, type BundleResult } from '../../core/completion/bundle-codec.js';
import type { Bundle } from '../../core/completion/bundle-schema.js';
import {
	checkBundle,
	PROBLEM_KINDS,
	type CheckReport,
	type ProblemKind,
} from '../../core/completion/check.js';
import { COURSE_VERSION } from '../../core/completion/issuer.js';
import { rulesetHash, VALIDATOR_VERSION } from '../../core/validate.js';
import { loadBank, loadCenter } from '../lib/bank.js';
import { readTextOrNull } from '../lib/files.js';
import { CliError, resolvePath, type Io } from '../lib/io.js';
import { loadMasterKey } from '../lib/keys.js';
import { readLedger } from '../lib/ledger.js';
import { exitCode, type IssuerExitName } from './exit-codes.js';
import { privatePath } from './paths.js';

/** Options of `check` (and the checking half of `issue`). */
export interface CheckOptions {
	bundle: string | undefined;
	ledger?: string | undefined;
	master?: string | undefined;
	root: string;
	/** Treat similarity findings as notes (after staff have looked at them). */
	acceptSimilar: boolean;
}

/** The outcome of a check: the exit status, the bundle when it decoded, and the report. */
export interface CheckOutcome {
	exitCode: number;
	status: IssuerExitName;
	bundle?: Bundle;
	error?: Extract<BundleResult, { ok: false }>;
	report?: CheckReport;
}

/** Exit status for each kind of problem. */
const PROBLEM_EXIT: Record<ProblemKind, IssuerExitName> = {
	validator: 'validator-mismatch',
	exercise: 'exercise-failed',
	attendance: 'attendance',
	similarity: 'similar',
};

/** Reads and decodes a bundle file (JSON or SPINUP1 text). */
async function readBundleFile(io: Io, path: string | undefined): Promise<BundleResult> {
	if (path === undefined)
		throw new CliError(2, 'Name the bundle file: check <bundle.json | SPINUP1 text file>.');
	const full = resolvePath(io, path);
	const text = readTextOrNull(full);
	if (text === null) throw new CliError(3, `Cannot read the bundle ${full}.`);
	return readBundleText(text);
}

/** Runs every check on a bundle file. */
export async function runCheck(io: Io, options: CheckOptions): Promise<CheckOutcome> {
	const decoded = await readBundleFile(io, options.bundle);
	if (!decoded.ok)
		return { exitCode: exitCode('bad-bundle'), status: 'bad-bundle', error: decoded };
	const masterKey = loadMasterKey(privatePath(io, options.master, 'master'));
	const center = loadCenter(options.root);
	const report = await checkBundle(decoded.bundle, {
		center,
		bank: loadBank(options.root),
		validator: { version: VALIDATOR_VERSION, hash: rulesetHash(center) },
		courseVersion: COURSE_VERSION,
		masterKey,
		ledger: readLedger(privatePath(io, options.ledger, 'ledger')),
	});
	if (options.acceptSimilar) {
		for (const p of report.problems.filter((x) => x.kind === 'similarity')) {
			report.notes.push(`accepted after review: ${p.subject}: ${p.message}`);
		}
		report.problems = report.problems.filter((p) => p.kind !== 'similarity');
		report.ok = report.problems.length === 0;
	}
	const first = PROBLEM_KINDS.find((kind) => report.problems.some((p) => p.kind === kind));
	const status: IssuerExitName = first ? PROBLEM_EXIT[first] : 'ok';
	return { exitCode: exitCode(status), status, bundle: decoded.bundle, report };
}

/** Writes a check outcome for people. */
export function formatCheck(outcome: CheckOutcome): string {
	if (outcome.error) {
		const where = outcome.error.path === undefined ? '' : ` (at ${outcome.error.path})`;
		return `Bundle refused: ${outcome.error.code}${where}: ${outcome.error.message}\nResult: REFUSED (exit ${outcome.exitCode}: ${outcome.status})\n`;
	}
	const { bundle, report } = outcome;
	if (!bundle || !report) return '';
	const lines = [
		`Bundle ${bundle.digest.slice(0, 16)} from ${bundle.learner.username} (${bundle.learner.name}), made ${bundle.createdAt}, course v${bundle.courseVersion}`,
		`Validator ${bundle.validator.version}, rule set ${bundle.validator.hash.slice(0, 16)}`,
		`Exercises: ${report.exercises.filter((e) => e.passed).length} of ${report.exercises.length} required pass`,
	];
	for (const e of report.exercises.filter((x) => !x.passed)) {
		lines.push(`  FAIL ${e.id}`, ...e.failures.map((f) => `       ${f}`));
	}
	lines.push(`Attendance: ${report.attendance.map((a) => `${a.session} ${a.status}`).join(', ')}`);
	lines.push(
		report.similarity.length === 0
			? 'Similarity: no match in the ledger'
			: `Similarity: ${report.similarity.map((s) => `${s.exercise} ${s.likeness} to ${s.other.slice(0, 12)}`).join(', ')}`
	);
	for (const p of report.problems) lines.push(`Problem (${p.kind}) ${p.subject}: ${p.message}`);
	for (const n of report.notes) lines.push(`Note: ${n}`);
	lines.push(
		report.ok ? 'Result: PASS' : `Result: REFUSED (exit ${outcome.exitCode}: ${outcome.status})`
	);
	return `${lines.join('\n')}\n`;
}

/** Writes a check outcome as JSON (no e-mail address). */
export function checkJson(outcome: CheckOutcome): unknown {
	return {
		ok: outcome.exitCode === 0,
		exitCode: outcome.exitCode,
		status: outcome.status,
		...(outcome.error ? { error: outcome.error } : {}),
		...(outcome.bundle ? { learner: { username: outcome.bundle.learner.username } } : {}),
		...(outcome.report ? { report: outcome.report } : {}),
	};
}

/** Runs `check` and prints its report. */
export async function check(io: Io, options: CheckOptions & { json: boolean }): Promise<number> {
	const outcome = await runCheck(io, options);
	io.out(
		options.json ? `${JSON.stringify(checkJson(outcome), null, '\t')}\n` : formatCheck(outcome)
	);
	return outcome.exitCode;
}
