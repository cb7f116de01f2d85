import { describe, expect, test } from 'vitest';
import { emptyProgress } from '../../../../src/core/progress/schema.js';
import { summarize } from '../../../../src/core/progress/summary.js';

describe('summarize', () => {
	test('counts nothing in empty progress', () => {
		expect(Object.values(summarize(emptyProgress())).every((n) => n === 0)).toBe(true);
	});

	test('counts chapters, sections, exercises, hints, solutions, codes and learner fields', () => {
		const base = {
			files: {},
			attempts: 0,
			passed: false,
			hintsUsed: 0,
			solutionShown: false,
			params: {},
		};
		expect(
			summarize({
				...emptyProgress(),
				chapters: {
					a: { done: true, sectionsRead: ['x', 'y'] },
					b: { done: false, sectionsRead: ['z'] },
				},
				exercises: {
					e1: { ...base, attempts: 2, passed: true, hintsUsed: 1 },
					e2: { ...base, files: { Dockerfile: 'FROM x' }, hintsUsed: 3, solutionShown: true },
					e3: { ...base, hintsUsed: 1 },
				},
				attendance: { s1: 'CODECODECO', s2: ' ' },
				learner: { username: 'alice', name: '' },
			})
		).toEqual({
			chaptersDone: 1,
			sectionsRead: 3,
			exercisesStarted: 2,
			exercisesPassed: 1,
			hintsUsed: 5,
			solutionsShown: 1,
			attendanceCodes: 1,
			learnerFields: 1,
		});
	});
});
