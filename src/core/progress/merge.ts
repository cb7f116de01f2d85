import type { ChapterProgress, ExerciseProgress, Progress } from './schema.js';

/** The earlier of two optional ISO times (ISO strings from one clock sort as text). */
function earlier(a: string | undefined, b: string | undefined): string | undefined {
	if (a === undefined) return b;
	if (b === undefined) return a;
	return a <= b ? a : b;
}

/** The later of two optional ISO times. */
function later(a: string | undefined, b: string | undefined): string | undefined {
	if (a === undefined) return b;
	if (b === undefined) return a;
	return a >= b ? a : b;
}

/** Sets an optional field only when it has a value (for `exactOptionalPropertyTypes`). */
function withTime<T extends object>(base: T, key: string, value: string | undefined): T {
	return value === undefined ? base : { ...base, [key]: value };
}

/** Merges one chapter: done in either, the earliest `doneAt`, the union of read sections. */
function mergeChapter(a: ChapterProgress, b: ChapterProgress): ChapterProgress {
	const done = a.done || b.done;
	const doneAt = done
		? earlier(a.done ? a.doneAt : undefined, b.done ? b.doneAt : undefined)
		: undefined;
	const sectionsRead = [
		...a.sectionsRead,
		...b.sectionsRead.filter((s) => !a.sectionsRead.includes(s)),
	];
	return withTime({ done, sectionsRead }, 'doneAt', doneAt);
}

/**
 * True when exercise entry `b` should supply the files over entry `a`:
 * 1. an entry whose latest attempt passed beats one whose latest attempt did not;
 * 2. when both passed, the later `firstPassedAt` wins (the more recent passing work);
 * 3. otherwise the entry with more attempts wins;
 * 4. on a full tie, `a` (the progress already in this browser) stays.
 */
export function exerciseWins(a: ExerciseProgress, b: ExerciseProgress): boolean {
	if (a.passed !== b.passed) return b.passed;
	const at = a.firstPassedAt ?? '';
	const bt = b.firstPassedAt ?? '';
	if (a.passed && at !== bt) return bt > at;
	return b.attempts > a.attempts;
}

/**
 * Merges one exercise. The winner (see `exerciseWins`) supplies the files, params and `passed`
 * together, so they stay consistent. Counters never go down: attempts and hints are the larger
 * of the two, a shown solution stays shown, and `firstPassedAt` is the earliest pass of either.
 */
function mergeExercise(a: ExerciseProgress, b: ExerciseProgress): ExerciseProgress {
	const win = exerciseWins(a, b) ? b : a;
	return withTime(
		{
			files: { ...win.files },
			attempts: Math.max(a.attempts, b.attempts),
			passed: win.passed,
			hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
			solutionShown: a.solutionShown || b.solutionShown,
			params: { ...win.params },
		},
		'firstPassedAt',
		earlier(a.firstPassedAt, b.firstPassedAt)
	);
}

/** Merges two records key by key; keys found on one side only are copied. */
function mergeRecord<T>(
	a: Record<string, T>,
	b: Record<string, T>,
	both: (x: T, y: T) => T
): Record<string, T> {
	const out: Record<string, T> = { ...a };
	for (const [key, value] of Object.entries(b)) {
		const mine = out[key];
		out[key] = mine === undefined ? value : both(mine, value);
	}
	return out;
}

/** Keeps the first value unless it is empty. */
function keepUnlessEmpty(a: string, b: string): string {
	return a.trim() === '' ? b : a;
}

/**
 * Merges imported progress (`incoming`) into the progress of this browser (`current`), keeping
 * the union: chapters are done if done in either, read sections are united, exercises merge by
 * `mergeExercise`, and attendance codes and learner fields already here are kept unless empty.
 * Merging a document with itself returns the same progress. The result shares no objects with
 * its inputs.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
	const learner = { ...incoming.learner, ...current.learner };
	for (const field of ['username', 'email', 'name'] as const) {
		const mine = current.learner[field];
		const theirs = incoming.learner[field];
		if (mine !== undefined && theirs !== undefined) learner[field] = keepUnlessEmpty(mine, theirs);
	}
	const merged = withTime(
		{
			version: current.version,
			chapters: mergeRecord(current.chapters, incoming.chapters, mergeChapter),
			exercises: mergeRecord(current.exercises, incoming.exercises, mergeExercise),
			attendance: mergeRecord(current.attendance, incoming.attendance, keepUnlessEmpty),
			learner,
		},
		'updatedAt',
		later(current.updatedAt, incoming.updatedAt)
	);
	return structuredClone(merged);
}
