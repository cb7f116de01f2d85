import { describe, expect, test } from 'vitest';
import { emptyProgress } from '../../../../src/core/progress/schema.js';
import {
	PROGRESS_KEY,
	ProgressStore,
	RECOVERY_PREFIX,
	type StorageLike,
} from '../../../../src/core/progress/store.js';
import { clock, MemoryStorage, tickingClock } from './memory-storage.js';

/** A store with one chapter done and one exercise passed. */
function started(): { storage: MemoryStorage; store: ProgressStore } {
	const storage = new MemoryStorage();
	const store = new ProgressStore(storage, tickingClock());
	store.setChapterDone('s1-meet-spin', true);
	store.saveFiles('flask-image', { Dockerfile: 'FROM python:3.12-slim' });
	store.recordAttempt('flask-image', true);
	return { storage, store };
}

describe('ProgressStore.reset', () => {
	test('copies the current document under a recovery key, then clears progress', () => {
		const { storage, store } = started();
		const before = JSON.parse(storage.map.get(PROGRESS_KEY) ?? 'null');
		expect(store.reset()).toBe(true);
		expect(store.state).toEqual(emptyProgress());
		expect(storage.map.has(PROGRESS_KEY)).toBe(false);
		const [copy, ...rest] = store.recoveries();
		expect(rest).toEqual([]);
		expect(copy?.key.startsWith(RECOVERY_PREFIX)).toBe(true);
		expect(JSON.parse(copy?.text ?? 'null')).toEqual(before);
		expect(new ProgressStore(storage, clock).state).toEqual(emptyProgress());
	});

	test('keeps changes whose save had failed in the copy', () => {
		const { storage, store } = started();
		storage.writesLeft = 0;
		store.setChapterDone('l1-first-app', true);
		storage.writesLeft = 1;
		expect(store.reset()).toBe(true);
		const copy = JSON.parse(store.recoveries()[0]?.text ?? 'null');
		expect(copy.chapters['l1-first-app'].done).toBe(true);
	});

	test('refuses to reset when the copy cannot be written and changes nothing', () => {
		const { storage, store } = started();
		const before = storage.snapshot();
		const state = store.state;
		storage.full = true;
		expect(store.reset()).toBe(false);
		expect(store.issues.at(-1)?.kind).toBe('save-failed');
		expect(store.issues.at(-1)?.message).toMatch(/^The reset could not be saved .*Nothing was/);
		expect(storage.snapshot()).toEqual(before);
		expect(store.state).toBe(state);
	});

	test('writes no copy when there is nothing to keep', () => {
		const storage = new MemoryStorage();
		const store = new ProgressStore(storage, clock);
		expect(store.reset()).toBe(true);
		expect(storage.snapshot()).toEqual({});
	});

	test('keeps an unreadable entry that could not be copied aside when the reset copies it', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, 'not json');
		storage.full = true;
		const store = new ProgressStore(storage, clock);
		expect(store.reset()).toBe(false);
		expect(storage.map.get(PROGRESS_KEY)).toBe('not json');
		storage.full = false;
		expect(store.reset()).toBe(true);
		expect(store.recoveries().map((r) => r.text)).toEqual(['not json']);
		expect(store.setChapterDone('s1-meet-spin', true)).toBe(true);
	});

	test('keeps a newer-version document as a copy when the learner resets anyway', () => {
		const storage = new MemoryStorage();
		storage.map.set(PROGRESS_KEY, '{"version":7}');
		const store = new ProgressStore(storage, clock);
		expect(store.reset()).toBe(true);
		expect(store.recoveries().map((r) => r.text)).toEqual(['{"version":7}']);
		expect(store.setChapterDone('s1-meet-spin', true)).toBe(true);
	});
});

describe('ProgressStore.recoveries', () => {
	test('lists only recovery entries, newest first, and discards one by key', () => {
		const storage = new MemoryStorage();
		storage.map.set('other:key', 'x');
		storage.map.set(`${RECOVERY_PREFIX}2026-01-01T00:00:00.000Z`, 'old');
		storage.map.set(`${RECOVERY_PREFIX}2026-03-01T00:00:00.000Z`, 'new');
		const store = new ProgressStore(storage, clock);
		expect(store.recoveries()).toEqual([
			{
				key: `${RECOVERY_PREFIX}2026-03-01T00:00:00.000Z`,
				savedAt: '2026-03-01T00:00:00.000Z',
				text: 'new',
			},
			{
				key: `${RECOVERY_PREFIX}2026-01-01T00:00:00.000Z`,
				savedAt: '2026-01-01T00:00:00.000Z',
				text: 'old',
			},
		]);
		store.discardRecovery(`${RECOVERY_PREFIX}2026-01-01T00:00:00.000Z`);
		expect(store.recoveries().map((r) => r.text)).toEqual(['new']);
	});

	test('never discards a key outside the recovery prefix', () => {
		const storage = new MemoryStorage();
		const store = new ProgressStore(storage, clock);
		store.setChapterDone('s1-meet-spin', true);
		store.discardRecovery(PROGRESS_KEY);
		storage.map.set('theme', 'dark');
		store.discardRecovery('theme');
		expect([...storage.map.keys()]).toEqual([PROGRESS_KEY, 'theme']);
	});

	test('returns nothing over a storage that cannot list its keys', () => {
		const map = new Map<string, string>([[`${RECOVERY_PREFIX}x`, 'y']]);
		const bare: StorageLike = {
			getItem: (k) => map.get(k) ?? null,
			setItem: (k, v) => void map.set(k, v),
			removeItem: (k) => void map.delete(k),
		};
		expect(new ProgressStore(bare, clock).recoveries()).toEqual([]);
	});
});
