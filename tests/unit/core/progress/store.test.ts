import { describe, expect, test } from 'vitest';
import { parseProgress } from '../../../../src/core/progress/schema.js';
import {
	PROGRESS_KEY,
	ProgressStore,
	RECOVERY_PREFIX,
} from '../../../../src/core/progress/store.js';
import { clock, MemoryStorage } from './memory-storage.js';

describe('ProgressStore', () => {
	test('starts empty and saves a finished chapter', () => {
		const storage = new MemoryStorage();
		const store = new ProgressStore(storage, clock);
		expect(store.chapter('s1-meet-spin').done).toBe(false);
		expect(store.setChapterDone('s1-meet-spin', true)).toBe(true);
		const again = new ProgressStore(storage, clock);
		expect(again.chapter('s1-meet-spin')).toEqual({
			done: true,
			doneAt: clock(),
			sectionsRead: [],
		});
	});

	test('records each read section once', () => {
		const store = new ProgressStore(new MemoryStorage(), clock);
		store.markSectionRead('l1-first-app', 'images');
		store.markSectionRead('l1-first-app', 'images');
		expect(store.chapter('l1-first-app').sectionsRead).toEqual(['images']);
	});

	test('sets invalid JSON aside under a recovery key and reports it', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, '{"version":1,');
		const store = new ProgressStore(storage, clock);
		expect(store.state.chapters).toEqual({});
		expect(store.issues).toHaveLength(1);
		expect(store.issues[0]?.kind).toBe('recovered');
		expect(storage.map.get(`${RECOVERY_PREFIX}${clock()}`)).toBe('{"version":1,');
	});

	test('sets aside a document with a wrong field type and names the field', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, JSON.stringify({ version: 1, chapters: { x: { done: 'yes' } } }));
		const store = new ProgressStore(storage, clock);
		expect(store.issues[0]?.message).toContain('progress.chapters.x.done');
	});

	test('does not overwrite a document from a newer version of the site', () => {
		const storage = new MemoryStorage();
		const newer = JSON.stringify({ version: 99, chapters: { x: { done: true } } });
		storage.map.set(PROGRESS_KEY, newer);
		const store = new ProgressStore(storage, clock);
		expect(store.issues).toHaveLength(1);
		expect(store.issues[0]?.kind).toBe('unsupported-version');
		expect(store.issues[0]?.message).toContain('version 99');
		expect(store.setChapterDone('s1-meet-spin', true)).toBe(false);
		expect(storage.snapshot()).toEqual({ [PROGRESS_KEY]: newer });
	});

	test('clears a set-aside entry so the next load starts clean and reports nothing', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, '{"version":1,');
		expect(new ProgressStore(storage, clock).issues).toHaveLength(1);
		expect(storage.map.has(PROGRESS_KEY)).toBe(false);
		const again = new ProgressStore(storage, clock);
		expect(again.issues).toEqual([]);
		expect(again.recoveries()).toHaveLength(1);
	});

	test('keeps two entries set aside at the same instant under different keys', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, 'first');
		new ProgressStore(storage, clock);
		storage.map.set(PROGRESS_KEY, 'second');
		const store = new ProgressStore(storage, clock);
		expect(store.issues[0]?.recoveryKey).toBe(`${RECOVERY_PREFIX}${clock()}~2`);
		expect(store.recoveries().map((r) => r.text)).toEqual(['second', 'first']);
		expect(store.recoveries().map((r) => r.savedAt)).toEqual([clock(), clock()]);
	});

	test('sets aside a document of an unknown older shape', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, JSON.stringify([1, 2]));
		const store = new ProgressStore(storage, clock);
		expect(store.issues[0]?.kind).toBe('recovered');
		expect(store.recoveries()[0]?.text).toBe('[1,2]');
	});

	test('migrates the unversioned draft shape', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, JSON.stringify({ done: ['s1-meet-spin'] }));
		const store = new ProgressStore(storage, clock);
		expect(store.issues).toEqual([]);
		expect(store.chapter('s1-meet-spin').done).toBe(true);
	});

	test('reports a full quota and keeps what was saved before', () => {
		const storage = new MemoryStorage();
		const store = new ProgressStore(storage, clock);
		store.setChapterDone('s1-meet-spin', true);
		const before = storage.map.get(PROGRESS_KEY);
		storage.full = true;
		expect(store.setChapterDone('l1-first-app', true)).toBe(false);
		expect(store.issues.at(-1)?.kind).toBe('save-failed');
		expect(storage.map.get(PROGRESS_KEY)).toBe(before);
		storage.full = false;
		expect(store.save()).toBe(true);
		expect(new ProgressStore(storage, clock).chapter('l1-first-app').done).toBe(true);
	});

	test('leaves an unreadable entry in place when it cannot be copied aside', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, 'not json');
		storage.full = true;
		const store = new ProgressStore(storage, clock);
		storage.full = false;
		expect(store.setChapterDone('s1-meet-spin', true)).toBe(false);
		expect(storage.map.get(PROGRESS_KEY)).toBe('not json');
	});
});

describe('parseProgress', () => {
	test('fills in defaults for missing parts', () => {
		expect(parseProgress({ version: 1 })).toEqual({
			ok: true,
			value: { version: 1, chapters: {}, exercises: {}, attendance: {}, learner: {} },
		});
	});

	test('rejects an unknown field with its path', () => {
		expect(parseProgress({ version: 1, exercises: { a: { attempts: 1, colour: 'red' } } })).toEqual(
			{
				ok: false,
				path: 'progress.exercises.a.colour',
				message: 'unknown field',
			}
		);
	});

	test('rejects a negative attempt count', () => {
		const result = parseProgress({ version: 1, exercises: { a: { attempts: -1 } } });
		expect(result).toMatchObject({ ok: false, path: 'progress.exercises.a.attempts' });
	});
});
