/**
 * Saved progress, stored as one JSON document (key `spinup:progress` in the browser).
 *
 * {
 *   version: 1,
 *   chapters:   { [chapterSlug]: { done, doneAt?, sectionsRead: [anchor…] } },
 *   exercises:  { [exerciseId]: { files: { [fileName]: text }, attempts, passed, firstPassedAt?,
 *                                 hintsUsed, solutionShown, params: { uid?, gid? } } },
 *   attendance: { [sessionSlug]: code },
 *   learner:    { username?, email?, name? },
 *   updatedAt?: ISO time of the last change
 * }
 *
 * Times are ISO strings from the injected clock. Older versions are migrated on load.
 * The checks below are written by hand rather than with zod: this module ships on every page,
 * and zod would be most of the page's script budget.
 */
export const PROGRESS_VERSION = 1;

/** Progress in one chapter. */
export interface ChapterProgress {
	done: boolean;
	doneAt?: string;
	sectionsRead: string[];
}

/** Progress in one exercise. */
export interface ExerciseProgress {
	files: Record<string, string>;
	attempts: number;
	passed: boolean;
	firstPassedAt?: string;
	hintsUsed: number;
	solutionShown: boolean;
	params: Record<string, string>;
}

/** Who the learner says they are, for the completion bundle. */
export interface Learner {
	username?: string;
	email?: string;
	name?: string;
}

/** Everything that is saved, as one value. */
export interface Progress {
	version: typeof PROGRESS_VERSION;
	chapters: Record<string, ChapterProgress>;
	exercises: Record<string, ExerciseProgress>;
	attendance: Record<string, string>;
	learner: Learner;
	updatedAt?: string;
}

/** The outcome of reading a document: the progress, or where and why it is wrong. */
export type ParseResult =
	{ ok: true; value: Progress } | { ok: false; path: string; message: string };

/** Thrown inside the parser to stop at the first problem. */
class Invalid extends Error {
	constructor(
		readonly path: string,
		message: string
	) {
		super(message);
	}
}

/** True for a plain object (not null, not an array). */
function isObject(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads an object whose keys are all in `allowed`. */
function object(x: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
	if (!isObject(x)) throw new Invalid(path, 'expected an object');
	const extra = Object.keys(x).find((k) => !allowed.includes(k));
	if (extra !== undefined) throw new Invalid(`${path}.${extra}`, 'unknown field');
	return x;
}

/** Reads a value of a primitive type, or the fallback when absent. */
function prim<T extends string | number | boolean>(x: unknown, path: string, fallback: T): T {
	if (x === undefined) return fallback;
	if (typeof x !== typeof fallback) throw new Invalid(path, `expected a ${typeof fallback}`);
	if (typeof x === 'number' && (!Number.isInteger(x) || x < 0)) {
		throw new Invalid(path, 'expected a whole number, 0 or more');
	}
	return x as T;
}

/** Reads an optional string. */
function optString(x: unknown, path: string): string | undefined {
	if (x === undefined) return undefined;
	if (typeof x !== 'string') throw new Invalid(path, 'expected a string');
	return x;
}

/** Reads a record of values with `item`. */
function record<T>(
	x: unknown,
	path: string,
	item: (v: unknown, p: string) => T
): Record<string, T> {
	if (x === undefined) return {};
	if (!isObject(x)) throw new Invalid(path, 'expected an object');
	const out: Record<string, T> = {};
	for (const [key, value] of Object.entries(x)) out[key] = item(value, `${path}.${key}`);
	return out;
}

/** Reads a list of strings. */
function strings(x: unknown, path: string): string[] {
	if (x === undefined) return [];
	if (!Array.isArray(x) || x.some((s) => typeof s !== 'string')) {
		throw new Invalid(path, 'expected a list of strings');
	}
	return x as string[];
}

/** Copies optional keys whose value is defined (keeps `exactOptionalPropertyTypes` happy). */
function withOptional<T extends object>(base: T, extra: Record<string, string | undefined>): T {
	const out = Object.assign({}, base) as Record<string, unknown>;
	for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
	return out as T;
}

/** Reads one chapter's progress. */
function chapter(x: unknown, p: string): ChapterProgress {
	const o = object(x, p, ['done', 'doneAt', 'sectionsRead']);
	return withOptional(
		{
			done: prim(o['done'], `${p}.done`, false),
			sectionsRead: strings(o['sectionsRead'], `${p}.sectionsRead`),
		},
		{ doneAt: optString(o['doneAt'], `${p}.doneAt`) }
	);
}

/** Reads one exercise's progress. */
function exercise(x: unknown, p: string): ExerciseProgress {
	const o = object(x, p, [
		'files',
		'attempts',
		'passed',
		'firstPassedAt',
		'hintsUsed',
		'solutionShown',
		'params',
	]);
	const str = (v: unknown, q: string): string => prim(v, q, '');
	return withOptional(
		{
			files: record(o['files'], `${p}.files`, str),
			attempts: prim(o['attempts'], `${p}.attempts`, 0),
			passed: prim(o['passed'], `${p}.passed`, false),
			hintsUsed: prim(o['hintsUsed'], `${p}.hintsUsed`, 0),
			solutionShown: prim(o['solutionShown'], `${p}.solutionShown`, false),
			params: record(o['params'], `${p}.params`, str),
		},
		{ firstPassedAt: optString(o['firstPassedAt'], `${p}.firstPassedAt`) }
	);
}

/** Checks a parsed JSON value against the current progress shape, filling in defaults. */
export function parseProgress(x: unknown): ParseResult {
	try {
		const o = object(x, 'progress', [
			'version',
			'chapters',
			'exercises',
			'attendance',
			'learner',
			'updatedAt',
		]);
		if (o['version'] !== PROGRESS_VERSION)
			throw new Invalid('progress.version', `expected ${PROGRESS_VERSION}`);
		const l = object(o['learner'] ?? {}, 'progress.learner', ['username', 'email', 'name']);
		const value: Progress = withOptional(
			{
				version: PROGRESS_VERSION,
				chapters: record(o['chapters'], 'progress.chapters', chapter),
				exercises: record(o['exercises'], 'progress.exercises', exercise),
				attendance: record(o['attendance'], 'progress.attendance', (v, q) => prim(v, q, '')),
				learner: withOptional<Learner>(
					{},
					{
						username: optString(l['username'], 'progress.learner.username'),
						email: optString(l['email'], 'progress.learner.email'),
						name: optString(l['name'], 'progress.learner.name'),
					}
				),
			},
			{ updatedAt: optString(o['updatedAt'], 'progress.updatedAt') }
		);
		return { ok: true, value };
	} catch (error) {
		if (error instanceof Invalid) return { ok: false, path: error.path, message: error.message };
		throw error;
	}
}

/** Returns empty progress, at the current version. */
export function emptyProgress(): Progress {
	return { version: PROGRESS_VERSION, chapters: {}, exercises: {}, attendance: {}, learner: {} };
}
