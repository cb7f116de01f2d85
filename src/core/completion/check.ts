import type { Center } from '../center.js';
import { gradeExercise } from '../exercises/grade.js';
import type { Exercise } from '../exercises/schema.js';
import { hashString } from '../hash.js';
import { verifyAttendanceCode } from './attendance.js';
import type { Bundle } from './bundle-schema.js';
import { SESSION_IDS, type SessionId } from './sessions.js';
import { compare, fingerprint, reference, type Likeness, type Solution } from './similarity.js';

/**
 * The staff check of a completion bundle: the validator it was graded with, every required
 * exercise re-graded with the same `gradeExercise` the browser runs, the attendance codes, and
 * similarity to earlier learners' solutions. Pure: the caller loads files and keys.
 */

/** One exercise of the bank with its folders' files. */
export interface BankExercise {
	exercise: Exercise;
	starter: Readonly<Record<string, string>>;
	solution: Readonly<Record<string, string>>;
	context: Readonly<Record<string, string>>;
}

/** What the ledger keeps of an earlier bundle for comparison (no name, no e-mail). */
export interface LedgerSolutions {
	usernameHash: string;
	bundleDigest: string;
	exercises: Readonly<Record<string, Solution>>;
}

/** Everything a check needs besides the bundle. */
export interface CheckInput {
	center: Center;
	/** The exercise bank; every exercise in it is required. */
	bank: readonly BankExercise[];
	/** The current validator: `VALIDATOR_VERSION` and `rulesetHash(center)`. */
	validator: { version: string; hash: string };
	/** The course version credentials are issued for. */
	courseVersion: string;
	/** The attendance master key. */
	masterKey: Uint8Array;
	/** Earlier bundles' solutions. */
	ledger: readonly LedgerSolutions[];
}

/** Kinds of problem, in the order they decide the exit status. */
export const PROBLEM_KINDS = ['validator', 'exercise', 'attendance', 'similarity'] as const;
/** One kind of problem. */
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** Something that stops the bundle from passing. */
export interface Problem {
	kind: ProblemKind;
	/** The exercise id, session id or field concerned. */
	subject: string;
	message: string;
}

/** How one exercise fared. */
export interface ExerciseReport {
	id: string;
	present: boolean;
	passed: boolean;
	/** What the browser said. */
	browserPassed: boolean | null;
	solutionShown: boolean | null;
	/** Failed checks, and validator findings of severity error, as `id: message`. */
	failures: string[];
}

/** A solution that resembles an earlier learner's. */
export interface SimilarityFinding {
	exercise: string;
	/** Digest of the earlier bundle. */
	other: string;
	likeness: Extract<Likeness, 'identical' | 'near-identical'>;
	score: number;
}

/** The full report. */
export interface CheckReport {
	ok: boolean;
	bundle: { digest: string; usernameHash: string; createdAt: string; courseVersion: string };
	exercises: ExerciseReport[];
	attendance: { session: SessionId; status: 'ok' | 'missing' | 'wrong' }[];
	similarity: SimilarityFinding[];
	problems: Problem[];
	/** Facts for the reader that do not stop the bundle. */
	notes: string[];
}

/** Hashes a user name for the ledger. */
export function usernameHash(username: string): string {
	return hashString(`spinup-user|v1|${username}`);
}

/** Keeps only the exercise's own files of a solution. */
function ownFiles(
	bank: BankExercise,
	files: Readonly<Record<string, string>>
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const file of bank.exercise.files) out[file.name] = files[file.name] ?? '';
	return out;
}

/** Compares the validator and course the bundle was made with. */
function checkVersions(bundle: Bundle, input: CheckInput, problems: Problem[]): void {
	if (bundle.validator.version !== input.validator.version) {
		problems.push({
			kind: 'validator',
			subject: 'validator.version',
			message: `Graded with validator ${bundle.validator.version}; the current one is ${input.validator.version}.`,
		});
	}
	if (bundle.validator.hash !== input.validator.hash) {
		problems.push({
			kind: 'validator',
			subject: 'validator.hash',
			message: 'Graded with another rule set or other Spin facts (the validator hash differs).',
		});
	}
	if (bundle.courseVersion !== input.courseVersion) {
		problems.push({
			kind: 'validator',
			subject: 'courseVersion',
			message: `Made for course version ${bundle.courseVersion}; credentials are issued for ${input.courseVersion}.`,
		});
	}
}

/** Re-grades one required exercise. */
function gradeOne(
	bundle: Bundle,
	bank: BankExercise,
	center: Center,
	notes: string[]
): ExerciseReport {
	const id = bank.exercise.id;
	const saved = bundle.exercises[id];
	if (!saved) {
		return {
			id,
			present: false,
			passed: false,
			browserPassed: null,
			solutionShown: null,
			failures: ['no solution in the bundle'],
		};
	}
	for (const name of Object.keys(bank.exercise.params)) {
		if (saved.params[name] === undefined)
			notes.push(`${id}: no value for ${name}; graded with the example value.`);
	}
	const result = gradeExercise(bank.exercise, saved.files, {
		center,
		params: saved.params,
		context: bank.context,
	});
	const failures = [
		...result.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message ?? c.description}`),
		...result.diagnostics
			.filter((d) => d.severity === 'error')
			.map((d) => `${d.ruleId} (${d.file}:${d.range.start.line}): ${d.message}`),
	];
	if (saved.passed !== result.passed) {
		notes.push(
			`${id}: the browser said ${saved.passed ? 'passed' : 'not passed'}; re-grading says ${result.passed ? 'passed' : 'not passed'}.`
		);
	}
	return {
		id,
		present: true,
		passed: result.passed,
		browserPassed: saved.passed,
		solutionShown: saved.solutionShown,
		failures,
	};
}

/** Checks each session's attendance code. */
async function checkAttendance(
	bundle: Bundle,
	masterKey: Uint8Array
): Promise<CheckReport['attendance']> {
	const out: CheckReport['attendance'] = [];
	for (const session of SESSION_IDS) {
		const code = bundle.attendance[session];
		if (code === undefined) out.push({ session, status: 'missing' });
		else {
			const ok = await verifyAttendanceCode(masterKey, session, bundle.learner.username, code);
			out.push({ session, status: ok ? 'ok' : 'wrong' });
		}
	}
	return out;
}

/** Finds earlier learners' solutions that match this bundle's. */
function checkSimilarity(bundle: Bundle, input: CheckInput, notes: string[]): SimilarityFinding[] {
	const me = usernameHash(bundle.learner.username);
	const findings: SimilarityFinding[] = [];
	const published: string[] = [];
	for (const bank of input.bank) {
		const id = bank.exercise.id;
		const saved = bundle.exercises[id];
		if (!saved) continue;
		const ref = reference(
			{ files: ownFiles(bank, bank.starter), params: {} },
			{ files: ownFiles(bank, bank.solution), params: {} }
		);
		const mine = fingerprint({ files: ownFiles(bank, saved.files), params: saved.params }, ref);
		if (mine.hash === ref.solutionHash) published.push(id);
		for (const entry of input.ledger) {
			const theirs = entry.exercises[id];
			if (!theirs || entry.usernameHash === me || entry.bundleDigest === bundle.digest) continue;
			const other = fingerprint(
				{ files: ownFiles(bank, theirs.files), params: theirs.params },
				ref
			);
			const { likeness, score } = compare(mine, other, ref);
			if (likeness === 'identical' || likeness === 'near-identical') {
				findings.push({ exercise: id, other: entry.bundleDigest, likeness, score });
			}
		}
	}
	if (published.length > 0) {
		notes.push(
			`The published solution, unchanged, for ${published.length} exercise(s): ${published.join(', ')}.`
		);
	}
	return findings;
}

/** Runs every staff check on a decoded bundle. */
export async function checkBundle(bundle: Bundle, input: CheckInput): Promise<CheckReport> {
	const problems: Problem[] = [];
	const notes: string[] = [];
	checkVersions(bundle, input, problems);
	const exercises = input.bank.map((bank) => gradeOne(bundle, bank, input.center, notes));
	for (const e of exercises) {
		if (!e.passed) {
			const message = e.present
				? `${e.failures.length} failing check(s) or error finding(s), listed with the exercise.`
				: 'No solution in the bundle.';
			problems.push({ kind: 'exercise', subject: e.id, message });
		}
	}
	const known = new Set(input.bank.map((b) => b.exercise.id));
	for (const id of Object.keys(bundle.exercises)) {
		if (!known.has(id)) notes.push(`${id}: not an exercise of this course; ignored.`);
	}
	const attendance = await checkAttendance(bundle, input.masterKey);
	for (const a of attendance) {
		if (a.status !== 'ok') {
			problems.push({
				kind: 'attendance',
				subject: a.session,
				message:
					a.status === 'missing'
						? 'No attendance code.'
						: 'The attendance code is wrong for this user name.',
			});
		}
	}
	const similarity = checkSimilarity(bundle, input, notes);
	for (const s of similarity) {
		problems.push({
			kind: 'similarity',
			subject: s.exercise,
			message: `${s.likeness} (Jaccard ${s.score.toFixed(2)}) to bundle ${s.other.slice(0, 12)}.`,
		});
	}
	return {
		ok: problems.length === 0,
		bundle: {
			digest: bundle.digest,
			usernameHash: usernameHash(bundle.learner.username),
			createdAt: bundle.createdAt,
			courseVersion: bundle.courseVersion,
		},
		exercises,
		attendance,
		similarity,
		problems,
		notes,
	};
}
