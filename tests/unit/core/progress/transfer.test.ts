import { describe, expect, test } from 'vitest';
import { emptyProgress, PROGRESS_VERSION } from '../../../../src/core/progress/schema.js';
import { PROGRESS_KEY, ProgressStore } from '../../../../src/core/progress/store.js';
import {
	EXPORT_FORMAT,
	exportFileName,
	exportProgress,
	importProgress,
	parseImport,
	type ExportDocument,
} from '../../../../src/core/progress/transfer.js';
import { MemoryStorage, tickingClock } from './memory-storage.js';

const exportedAt = '2026-02-03T04:05:06.000Z';

/** A store in one browser with some progress. */
function browserA(): ProgressStore {
	const store = new ProgressStore(new MemoryStorage(), tickingClock());
	store.setChapterDone('s1-meet-spin', true);
	store.markSectionRead('s1-meet-spin', 'what-fits-spin');
	store.saveFiles('flask-image', { Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n' });
	store.recordAttempt('flask-image', false);
	store.recordAttempt('flask-image', true);
	store.useHint('flask-image', 2);
	store.revealSolution('capstone');
	store.setParams('global-hostpath-k8s', { uid: '12345' });
	store.setAttendance('s1-meet-spin', 'ABCDEFGHJK');
	store.setLearner({ username: 'alice', email: 'alice@example.org', name: 'Alice' });
	return store;
}

/** Reads a document that must parse. */
function parsed(text: string): ExportDocument {
	const result = parseImport(text);
	if (!result.ok) throw new Error(result.error.message);
	return result.doc;
}

describe('exportProgress', () => {
	test('wraps progress in a tagged, versioned document that reads back unchanged', () => {
		const a = browserA();
		const doc = exportProgress(a.state, exportedAt);
		expect(doc).toMatchObject({ format: 'spinup-progress', version: PROGRESS_VERSION, exportedAt });
		expect(parsed(JSON.stringify(doc))).toEqual(doc);
		expect(doc.progress).toEqual(a.state);
		expect(doc.progress).not.toBe(a.state);
	});

	test('names the file after the date', () => {
		expect(exportFileName('2026-02-03')).toBe('spinup-progress-2026-02-03.json');
	});
});

describe('parseImport', () => {
	const good = () =>
		exportProgress(browserA().state, exportedAt) as unknown as Record<string, unknown>;

	test.each([
		['an empty file', ''],
		['text', 'hello'],
		['cut-off JSON', '{"format":"spinup-progress",'],
	])('refuses %s as not JSON', (_, text) => {
		expect(parseImport(text)).toMatchObject({ ok: false, error: { kind: 'not-json' } });
	});

	test.each([
		['a list', '[]'],
		['a number', '42'],
		['another format', JSON.stringify({ format: 'spinup-bundle', version: 1 })],
		['an object of unknown fields', JSON.stringify({ hello: 'world' })],
	])('refuses %s as the wrong format', (_, text) => {
		expect(parseImport(text)).toMatchObject({ ok: false, error: { kind: 'wrong-format' } });
	});

	test('names the format it found', () => {
		const result = parseImport(JSON.stringify({ format: 'spinup-bundle' }));
		expect(!result.ok && result.error.message).toContain('"spinup-bundle"');
	});

	test('refuses a file from a newer version and says which', () => {
		const doc = { ...good(), version: PROGRESS_VERSION + 1 };
		const result = parseImport(JSON.stringify(doc));
		expect(result).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
		expect(!result.ok && result.error.message).toContain(
			`progress version ${PROGRESS_VERSION + 1}`
		);
	});

	test('refuses a bare progress document from a newer version', () => {
		expect(parseImport(JSON.stringify({ version: 50, chapters: {} }))).toMatchObject({
			ok: false,
			error: { kind: 'newer-version' },
		});
	});

	test.each([
		['version', (d: Record<string, unknown>) => void (d['version'] = 'one')],
		['exportedAt', (d: Record<string, unknown>) => void delete d['exportedAt']],
		['progress', (d: Record<string, unknown>) => void (d['progress'] = [])],
		[
			'progress.version',
			(d: Record<string, unknown>) =>
				void ((d['progress'] as Record<string, unknown>)['version'] = 0),
		],
		[
			'progress.chapters.s1-meet-spin.done',
			(d: Record<string, unknown>) =>
				void ((d['progress'] as { chapters: Record<string, { done: unknown }> }).chapters[
					's1-meet-spin'
				]!.done = 'yes'),
		],
		[
			'progress.exercises.flask-image.attempts',
			(d: Record<string, unknown>) =>
				void ((d['progress'] as { exercises: Record<string, { attempts: unknown }> }).exercises[
					'flask-image'
				]!.attempts = -2),
		],
		[
			'progress.exercises.flask-image.files.Dockerfile',
			(d: Record<string, unknown>) =>
				void ((d['progress'] as { exercises: Record<string, { files: unknown }> }).exercises[
					'flask-image'
				]!.files = { Dockerfile: 7 }),
		],
		[
			'progress.learner.nickname',
			(d: Record<string, unknown>) =>
				void ((d['progress'] as { learner: Record<string, unknown> }).learner['nickname'] = 'x'),
		],
	])('refuses a damaged %s and names the field', (path, damage) => {
		const doc = good();
		damage(doc);
		const result = parseImport(JSON.stringify(doc));
		expect(result).toMatchObject({ ok: false, error: { kind: 'damaged', path } });
		expect(!result.ok && result.error.message).toContain(path);
	});

	test('accepts a bare progress document, such as a recovered entry', () => {
		const state = browserA().state;
		const doc = parsed(JSON.stringify(state));
		expect(doc.progress).toEqual(state);
		expect(doc.exportedAt).toBe('');
	});

	test('accepts and migrates the unversioned draft shape', () => {
		const doc = parsed(JSON.stringify({ done: ['s1-meet-spin'] }));
		expect(doc.progress.chapters['s1-meet-spin']?.done).toBe(true);
	});

	test('ignores fields of the wrapper it does not know', () => {
		expect(parsed(JSON.stringify({ ...good(), note: 'from my laptop' })).exportedAt).toBe(
			exportedAt
		);
	});
});

describe('importProgress', () => {
	test('replace in a fresh browser brings everything back', () => {
		const a = browserA();
		const file = JSON.stringify(exportProgress(a.state, exportedAt));
		const storage = new MemoryStorage();
		const b = new ProgressStore(storage, tickingClock());
		expect(importProgress(b, parsed(file), 'replace')).toBe(true);
		expect(new ProgressStore(storage, tickingClock()).state).toEqual(a.state);
		expect(b.recoveries()).toEqual([]);
	});

	test('replace copies the progress it replaces under a recovery key', () => {
		const storage = new MemoryStorage();
		const b = new ProgressStore(storage, tickingClock());
		b.setChapterDone('l3-managing-services', true);
		const mine = b.state;
		importProgress(
			b,
			parsed(JSON.stringify(exportProgress(browserA().state, exportedAt))),
			'replace'
		);
		expect(b.chapter('l3-managing-services').done).toBe(false);
		expect(JSON.parse(b.recoveries()[0]?.text ?? 'null')).toEqual(mine);
	});

	test('merge keeps the union of both browsers', () => {
		const storage = new MemoryStorage();
		const b = new ProgressStore(storage, tickingClock());
		b.setChapterDone('l1-first-app', true);
		b.recordAttempt('flask-image', false);
		b.setAttendance('s2-running-services', 'MNPQRSTUVW');
		b.setLearner({ username: 'alice2' });
		const file = JSON.stringify(exportProgress(browserA().state, exportedAt));
		expect(importProgress(b, parsed(file), 'merge')).toBe(true);
		const saved = new ProgressStore(storage, tickingClock()).state;
		expect(
			Object.keys(saved.chapters)
				.filter((c) => saved.chapters[c]?.done)
				.sort()
		).toEqual(['l1-first-app', 's1-meet-spin']);
		expect(saved.exercises['flask-image']).toMatchObject({
			passed: true,
			attempts: 2,
			hintsUsed: 2,
			files: { Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n' },
		});
		expect(saved.exercises['capstone']?.solutionShown).toBe(true);
		expect(saved.attendance).toEqual({
			's1-meet-spin': 'ABCDEFGHJK',
			's2-running-services': 'MNPQRSTUVW',
		});
		expect(saved.learner.username).toBe('alice2');
		expect(saved.learner.email).toBe('alice@example.org');
	});

	test('merging into empty progress writes no recovery copy', () => {
		const storage = new MemoryStorage();
		const b = new ProgressStore(storage, tickingClock());
		importProgress(
			b,
			parsed(JSON.stringify(exportProgress(browserA().state, exportedAt))),
			'merge'
		);
		expect(b.recoveries()).toEqual([]);
	});

	test.each(['merge', 'replace'] as const)(
		'a full quota during a %s import is reported and nothing saved is lost',
		(mode) => {
			const storage = new MemoryStorage();
			const b = new ProgressStore(storage, tickingClock());
			b.setChapterDone('l1-first-app', true);
			const before = storage.snapshot();
			const state = b.state;
			const doc = parsed(JSON.stringify(exportProgress(browserA().state, exportedAt)));
			storage.full = true;
			expect(importProgress(b, doc, mode)).toBe(false);
			expect(b.issues.at(-1)?.kind).toBe('save-failed');
			expect(b.issues.at(-1)?.message).toContain('The import could not be saved');
			expect(b.state).toBe(state);
			expect(storage.snapshot()).toEqual(before);
		}
	);

	test('a quota that fills after the recovery copy removes the copy and keeps the old document', () => {
		const storage = new MemoryStorage();
		const b = new ProgressStore(storage, tickingClock());
		b.setChapterDone('l1-first-app', true);
		const before = storage.snapshot();
		storage.writesLeft = 1;
		const doc = parsed(JSON.stringify(exportProgress(browserA().state, exportedAt)));
		expect(importProgress(b, doc, 'replace')).toBe(false);
		expect(storage.snapshot()).toEqual(before);
		expect(b.chapter('l1-first-app').done).toBe(true);
	});

	test('importing empty progress with replace clears the entry', () => {
		const storage = new MemoryStorage();
		const b = new ProgressStore(storage, tickingClock());
		b.setChapterDone('l1-first-app', true);
		const doc = parsed(JSON.stringify(exportProgress(emptyProgress(), exportedAt)));
		expect(importProgress(b, doc, 'replace')).toBe(true);
		expect(storage.map.has(PROGRESS_KEY)).toBe(false);
		expect(b.recoveries()).toHaveLength(1);
	});

	test('the format tag is the one the page and files use', () => {
		expect(EXPORT_FORMAT).toBe('spinup-progress');
	});
});
