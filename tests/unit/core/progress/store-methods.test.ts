import { describe, expect, test } from 'vitest';
import { PROGRESS_KEY, ProgressStore } from '../../../../src/core/progress/store.js';
import { MemoryStorage, tickingClock } from './memory-storage.js';

/** A store over fresh memory storage with a ticking clock. */
function fresh(): { storage: MemoryStorage; store: ProgressStore } {
	const storage = new MemoryStorage();
	return { storage, store: new ProgressStore(storage, tickingClock()) };
}

/** Reads what a new page load would see. */
function reload(storage: MemoryStorage): ProgressStore {
	return new ProgressStore(storage, tickingClock());
}

describe('ProgressStore exercise methods', () => {
	test('saves files, replacing the previous set, and keeps them across loads', () => {
		const { storage, store } = fresh();
		expect(store.saveFiles('flask-image', { Dockerfile: 'FROM python\n', 'app.py': 'x' })).toBe(
			true
		);
		expect(store.saveFiles('flask-image', { Dockerfile: 'FROM python:3.12-slim\n' })).toBe(true);
		expect(reload(storage).exercise('flask-image').files).toEqual({
			Dockerfile: 'FROM python:3.12-slim\n',
		});
	});

	test('does not keep a reference to the caller’s files object', () => {
		const { store } = fresh();
		const files = { Dockerfile: 'FROM a' };
		store.saveFiles('x', files);
		files.Dockerfile = 'changed';
		expect(store.exercise('x').files['Dockerfile']).toBe('FROM a');
	});

	test('counts attempts, follows the latest result and stamps the first pass once', () => {
		const { storage, store } = fresh();
		store.recordAttempt('flask-image', false);
		expect(store.exercise('flask-image')).toMatchObject({ attempts: 1, passed: false });
		expect(store.exercise('flask-image').firstPassedAt).toBeUndefined();
		store.recordAttempt('flask-image', true);
		const first = store.exercise('flask-image').firstPassedAt;
		expect(first).toMatch(/^2026-01-02T/);
		store.recordAttempt('flask-image', false);
		store.recordAttempt('flask-image', true);
		const saved = reload(storage).exercise('flask-image');
		expect(saved).toMatchObject({ attempts: 4, passed: true, firstPassedAt: first });
	});

	test('records the highest hint shown, never fewer', () => {
		const { store } = fresh();
		store.useHint('nonroot-nginx', 2);
		store.useHint('nonroot-nginx', 1);
		expect(store.exercise('nonroot-nginx').hintsUsed).toBe(2);
		store.useHint('nonroot-nginx', 3);
		expect(store.exercise('nonroot-nginx').hintsUsed).toBe(3);
	});

	test('refuses a hint number that is not a whole number', () => {
		const { store } = fresh();
		expect(() => store.useHint('nonroot-nginx', 1.5)).toThrow(/hintsUsed/);
		expect(store.exercise('nonroot-nginx').hintsUsed).toBe(0);
	});

	test('records a revealed solution and keeps the other fields', () => {
		const { storage, store } = fresh();
		store.saveFiles('capstone', { Dockerfile: 'FROM x' });
		store.revealSolution('capstone');
		expect(reload(storage).exercise('capstone')).toMatchObject({
			solutionShown: true,
			files: { Dockerfile: 'FROM x' },
		});
	});

	test('saves parameters such as a UID', () => {
		const { storage, store } = fresh();
		store.setParams('global-hostpath-k8s', { uid: '12345', gid: '6789' });
		expect(reload(storage).exercise('global-hostpath-k8s').params).toEqual({
			uid: '12345',
			gid: '6789',
		});
	});

	test('saves trimmed attendance codes and removes an emptied one', () => {
		const { storage, store } = fresh();
		store.setAttendance('s1-meet-spin', '  ABCDE-12345 ');
		store.setAttendance('s2-running-services', 'QWERTYUIOP');
		store.setAttendance('s2-running-services', '   ');
		expect(reload(storage).state.attendance).toEqual({ 's1-meet-spin': 'ABCDE-12345' });
	});

	test('saves learner fields given, keeps the others and removes emptied ones', () => {
		const { storage, store } = fresh();
		store.setLearner({ username: 'alice', email: 'alice@example.org', name: 'Alice A.' });
		store.setLearner({ name: ' Alice Adams ', email: '' });
		expect(reload(storage).state.learner).toEqual({ username: 'alice', name: 'Alice Adams' });
	});

	test('stamps updatedAt on every change', () => {
		const { store } = fresh();
		store.saveFiles('a', {});
		const first = store.state.updatedAt;
		store.useHint('a', 1);
		expect(store.state.updatedAt).not.toBe(first);
	});

	test('reports a full quota during an exercise save and keeps what was saved before', () => {
		const { storage, store } = fresh();
		store.saveFiles('flask-image', { Dockerfile: 'v1' });
		const before = storage.map.get(PROGRESS_KEY);
		storage.full = true;
		expect(store.saveFiles('flask-image', { Dockerfile: 'v2' })).toBe(false);
		expect(store.issues.at(-1)).toMatchObject({ kind: 'save-failed' });
		expect(store.issues.at(-1)?.message).toContain('QuotaExceededError');
		expect(storage.map.get(PROGRESS_KEY)).toBe(before);
		expect(store.exercise('flask-image').files).toEqual({ Dockerfile: 'v2' });
		storage.full = false;
		expect(store.recordAttempt('flask-image', true)).toBe(true);
		expect(reload(storage).exercise('flask-image').files).toEqual({ Dockerfile: 'v2' });
	});
});
