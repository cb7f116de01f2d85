import { mergeProgress } from './merge.js';
import { migrate } from './migrate.js';
import { parseProgress, PROGRESS_VERSION, type Progress } from './schema.js';
import type { ProgressStore } from './store.js';

/**
 * An exported progress file:
 *
 * {
 *   format: 'spinup-progress',
 *   version: 1,            // the progress version inside (`PROGRESS_VERSION` when exported)
 *   exportedAt: ISO time,
 *   progress: { …the saved progress document… }
 * }
 */
export interface ExportDocument {
	format: typeof EXPORT_FORMAT;
	version: number;
	exportedAt: string;
	progress: Progress;
}

/** The `format` tag of an exported progress file. */
export const EXPORT_FORMAT = 'spinup-progress';

/** Why a file cannot be imported. */
export interface ImportError {
	kind: 'not-json' | 'wrong-format' | 'newer-version' | 'damaged';
	message: string;
	/** The damaged field, e.g. `progress.exercises.flask-image.attempts`. */
	path?: string;
}

/** The outcome of reading a file: its document (migrated to this version) or why it was refused. */
export type ImportResult = { ok: true; doc: ExportDocument } | { ok: false; error: ImportError };

/** How an import combines with the progress already in the browser. */
export type ImportMode = 'merge' | 'replace';

/** Wraps progress for export, with its format and date. */
export function exportProgress(progress: Progress, exportedAt: string): ExportDocument {
	return {
		format: EXPORT_FORMAT,
		version: PROGRESS_VERSION,
		exportedAt,
		progress: structuredClone(progress),
	};
}

/** Names the export file after a `YYYY-MM-DD` date. */
export function exportFileName(date: string): string {
	return `${EXPORT_FORMAT}-${date}.json`;
}

/** True for a plain object. */
function isObject(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Builds a refusal. */
function refuse(kind: ImportError['kind'], message: string, path?: string): ImportResult {
	return { ok: false, error: path === undefined ? { kind, message } : { kind, message, path } };
}

/** Reads a version number, or undefined when it is absent or not a number. */
function versionOf(x: unknown): number | undefined {
	return isObject(x) && typeof x['version'] === 'number' ? x['version'] : undefined;
}

/** True for a bare progress document (such as a recovered entry saved as a file) or the draft shape. */
function looksLikeProgress(x: Record<string, unknown>): boolean {
	const keys = Object.keys(x);
	if (typeof x['version'] !== 'number') return keys.length === 1 && keys[0] === 'done';
	const known = ['version', 'chapters', 'exercises', 'attendance', 'learner', 'updatedAt'];
	return keys.every((k) => known.includes(k));
}

/** Refuses a file from a newer version of the site. */
function newer(version: number): ImportResult {
	return refuse(
		'newer-version',
		`This file comes from a newer version of the course site (progress version ${version}; this site reads up to ${PROGRESS_VERSION}). Reload the site to get the newer version, then import again.`
	);
}

/** Migrates and checks the progress inside a file. */
function readProgress(x: Record<string, unknown>, exportedAt: string): ImportResult {
	const migrated = migrate(x);
	const result = migrated === null ? null : parseProgress(migrated);
	if (result === null) {
		return refuse(
			'damaged',
			'The file is damaged at progress.version: unknown version.',
			'progress.version'
		);
	}
	if (!result.ok) {
		return refuse(
			'damaged',
			`The file is damaged at ${result.path}: ${result.message}.`,
			result.path
		);
	}
	return {
		ok: true,
		doc: { format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt, progress: result.value },
	};
}

/**
 * Reads the text of a progress file and checks every field. Accepts an export document
 * (`format: 'spinup-progress'`) and a bare progress document (a recovered entry saved as a file).
 */
export function parseImport(text: string): ImportResult {
	let x: unknown;
	try {
		x = JSON.parse(text);
	} catch {
		return refuse('not-json', 'This file is not a progress file: it does not contain JSON.');
	}
	if (!isObject(x)) {
		return refuse('wrong-format', 'This file is not a progress file: it holds no JSON object.');
	}
	if (x['format'] === undefined && looksLikeProgress(x)) {
		const version = versionOf(x) ?? 0;
		return version > PROGRESS_VERSION ? newer(version) : readProgress(x, '');
	}
	if (x['format'] !== EXPORT_FORMAT) {
		const found = typeof x['format'] === 'string' ? ` (it is a "${x['format']}" file)` : '';
		return refuse(
			'wrong-format',
			`This file is not a SpinUp progress file${found}. Choose a file exported from this page, named like ${exportFileName('2026-01-31')}.`
		);
	}
	const version = x['version'];
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
		return refuse('damaged', 'The file is damaged at version: expected a whole number.', 'version');
	}
	if (version > PROGRESS_VERSION) return newer(version);
	const exportedAt = x['exportedAt'];
	if (typeof exportedAt !== 'string') {
		return refuse('damaged', 'The file is damaged at exportedAt: expected a string.', 'exportedAt');
	}
	const progress = x['progress'];
	if (!isObject(progress)) {
		return refuse('damaged', 'The file is damaged at progress: expected an object.', 'progress');
	}
	if (progress['version'] !== version) {
		return refuse(
			'damaged',
			`The file is damaged at progress.version: expected ${version}, as the file says.`,
			'progress.version'
		);
	}
	return readProgress(progress, exportedAt);
}

/**
 * Imports a checked document into the store: `merge` keeps the union (see `mergeProgress`),
 * `replace` takes the file as it is. The store copies the current progress under a recovery key
 * first; returns false (with an issue on the store) when storage refused the write.
 */
export function importProgress(
	store: ProgressStore,
	doc: ExportDocument,
	mode: ImportMode
): boolean {
	const next = mode === 'merge' ? mergeProgress(store.state, doc.progress) : doc.progress;
	return store.replace(next, 'The import');
}
