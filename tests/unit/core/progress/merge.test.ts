import { describe, expect, test } from 'vitest';
import { exerciseWins, mergeProgress } from '../../../../src/core/progress/merge.js';
import {
	emptyProgress,
	type ExerciseProgress,
	type Progress,
} from '../../../../src/core/progress/schema.js';

/** Builds exercise progress from a few fields. */
function ex(fields: Partial<ExerciseProgress>): ExerciseProgress {
	return {
		files: {},
		attempts: 0,
		passed: false,
		hintsUsed: 0,
		solutionShown: false,
		params: {},
		...fields,
	};
}

/** Builds progress from a few parts. */
function progress(parts: Partial<Progress>): Progress {
	return { ...emptyProgress(), ...parts };
}

describe('exerciseWins', () => {
	test('a passing entry beats a failing one, whatever the attempts', () => {
		expect(exerciseWins(ex({ attempts: 9 }), ex({ attempts: 1, passed: true }))).toBe(true);
		expect(exerciseWins(ex({ attempts: 1, passed: true }), ex({ attempts: 9 }))).toBe(false);
	});

	test('between two passes, the later first pass wins', () => {
		const early = ex({ passed: true, attempts: 5, firstPassedAt: '2026-01-01T00:00:00.000Z' });
		const late = ex({ passed: true, attempts: 1, firstPassedAt: '2026-02-01T00:00:00.000Z' });
		expect(exerciseWins(early, late)).toBe(true);
		expect(exerciseWins(late, early)).toBe(false);
	});

	test('otherwise more attempts win and a tie keeps the current entry', () => {
		expect(exerciseWins(ex({ attempts: 2 }), ex({ attempts: 3 }))).toBe(true);
		expect(exerciseWins(ex({ attempts: 3 }), ex({ attempts: 2 }))).toBe(false);
		expect(exerciseWins(ex({ attempts: 3 }), ex({ attempts: 3 }))).toBe(false);
	});
});

describe('mergeProgress', () => {
	test('takes files, params and result from the winner and never lowers a counter', () => {
		const here = progress({
			exercises: {
				a: ex({
					files: { Dockerfile: 'mine' },
					params: { uid: '1' },
					attempts: 7,
					hintsUsed: 3,
					solutionShown: true,
				}),
			},
		});
		const file = progress({
			exercises: {
				a: ex({
					files: { Dockerfile: 'theirs' },
					params: { uid: '2' },
					attempts: 2,
					passed: true,
					firstPassedAt: '2026-01-05T00:00:00.000Z',
					hintsUsed: 1,
				}),
			},
		});
		expect(mergeProgress(here, file).exercises['a']).toEqual({
			files: { Dockerfile: 'theirs' },
			params: { uid: '2' },
			attempts: 7,
			passed: true,
			firstPassedAt: '2026-01-05T00:00:00.000Z',
			hintsUsed: 3,
			solutionShown: true,
		});
	});

	test('keeps the earliest first pass of either side', () => {
		const here = progress({
			exercises: { a: ex({ attempts: 4, firstPassedAt: '2026-01-01T00:00:00.000Z' }) },
		});
		const file = progress({
			exercises: {
				a: ex({ passed: true, attempts: 1, firstPassedAt: '2026-03-01T00:00:00.000Z' }),
			},
		});
		expect(mergeProgress(here, file).exercises['a']).toMatchObject({
			passed: true,
			firstPassedAt: '2026-01-01T00:00:00.000Z',
		});
	});

	test('copies exercises and chapters found on one side only', () => {
		const here = progress({ exercises: { a: ex({ attempts: 1 }) } });
		const file = progress({
			exercises: { b: ex({ attempts: 2 }) },
			chapters: { x: { done: true, doneAt: '2026-01-01T00:00:00.000Z', sectionsRead: ['s'] } },
		});
		const merged = mergeProgress(here, file);
		expect(Object.keys(merged.exercises).sort()).toEqual(['a', 'b']);
		expect(merged.chapters['x']).toEqual(file.chapters['x']);
	});

	test('marks a chapter done when either side did, with the earliest time, and unites sections', () => {
		const here = progress({
			chapters: { x: { done: false, sectionsRead: ['intro', 'images'] } },
		});
		const file = progress({
			chapters: {
				x: { done: true, doneAt: '2026-01-09T00:00:00.000Z', sectionsRead: ['images', 'compose'] },
			},
		});
		expect(mergeProgress(here, file).chapters['x']).toEqual({
			done: true,
			doneAt: '2026-01-09T00:00:00.000Z',
			sectionsRead: ['intro', 'images', 'compose'],
		});
		const both = progress({
			chapters: { x: { done: true, doneAt: '2026-01-03T00:00:00.000Z', sectionsRead: [] } },
		});
		expect(mergeProgress(file, both).chapters['x']?.doneAt).toBe('2026-01-03T00:00:00.000Z');
	});

	test('keeps attendance codes and learner fields already here unless empty', () => {
		const here = progress({
			attendance: { s1: 'HEREHEREHE', s2: '' },
			learner: { username: 'alice', email: '' },
		});
		const file = progress({
			attendance: { s1: 'FILEFILEFI', s2: 'FILE2FILE2', s3: 'FILE3FILE3' },
			learner: { username: 'bob', email: 'a@example.org', name: 'Alice' },
		});
		const merged = mergeProgress(here, file);
		expect(merged.attendance).toEqual({ s1: 'HEREHEREHE', s2: 'FILE2FILE2', s3: 'FILE3FILE3' });
		expect(merged.learner).toEqual({ username: 'alice', email: 'a@example.org', name: 'Alice' });
	});

	test('keeps the later updatedAt', () => {
		const here = progress({ updatedAt: '2026-01-02T00:00:00.000Z' });
		const file = progress({ updatedAt: '2026-01-05T00:00:00.000Z' });
		expect(mergeProgress(here, file).updatedAt).toBe('2026-01-05T00:00:00.000Z');
		expect(mergeProgress(file, here).updatedAt).toBe('2026-01-05T00:00:00.000Z');
	});

	test('merging progress with itself changes nothing', () => {
		const p = progress({
			chapters: { x: { done: true, doneAt: '2026-01-01T00:00:00.000Z', sectionsRead: ['a'] } },
			exercises: {
				a: ex({ attempts: 3, passed: true, firstPassedAt: '2026-01-01T00:00:00.000Z' }),
			},
			attendance: { s1: 'CODECODECO' },
			learner: { name: 'Alice' },
			updatedAt: '2026-01-01T00:00:00.000Z',
		});
		expect(mergeProgress(p, structuredClone(p))).toEqual(p);
	});

	test('does not share objects with its inputs', () => {
		const here = progress({ exercises: { a: ex({ files: { f: '1' } }) } });
		const merged = mergeProgress(here, progress({ exercises: { a: ex({ files: { f: '2' } }) } }));
		const files = merged.exercises['a']?.files;
		if (files) files['f'] = 'changed';
		expect(here.exercises['a']?.files['f']).toBe('1');
	});
});
