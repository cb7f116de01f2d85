import { describe, expect, test } from 'vitest';
import { parseProgress } from '../../../../src/core/progress/schema.js';
import {
	PROGRESS_KEY,
	ProgressStore,
	RECOVERY_PREFIX,
	type StorageLike,
} from '../../../../src/core/progress/store.js';

/** A Map-backed storage that can be told to refuse writes, as a full quota does. */
class MemoryStorage implements StorageLike {
	readonly map = new Map<string, string>();
	full = false;
	getItem(key: string): string | null {
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		if (this.full) throw new DOMException('quota', 'QuotaExceededError');
		this.map.set(key, value);
	}
	removeItem(key: string): void {
		this.map.delete(key);
	}
}

const clock = () => '2026-01-02T03:04:05.000Z';

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
		storage.map.set(PROGRESS_KEY, JSON.stringify({ version: 99 }));
		const store = new ProgressStore(storage, clock);
		expect(store.issues[0]?.message).toContain('version');
		expect(storage.map.get(`${RECOVERY_PREFIX}${clock()}`)).toBe(JSON.stringify({ version: 99 }));
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
