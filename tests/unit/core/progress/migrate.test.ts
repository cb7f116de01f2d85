import { describe, expect, test } from 'vitest';
import { migrate } from '../../../../src/core/progress/migrate.js';
import { parseProgress, PROGRESS_VERSION } from '../../../../src/core/progress/schema.js';

describe('migrate', () => {
	test('turns the unversioned draft shape into finished chapters', () => {
		const doc = migrate({ done: ['s1-meet-spin', 'l1-first-app'] });
		expect(parseProgress(doc)).toEqual({
			ok: true,
			value: {
				version: PROGRESS_VERSION,
				chapters: {
					's1-meet-spin': { done: true, sectionsRead: [] },
					'l1-first-app': { done: true, sectionsRead: [] },
				},
				exercises: {},
				attendance: {},
				learner: {},
			},
		});
	});

	test('drops non-string entries of the draft list', () => {
		expect(migrate({ done: ['a', 3, null] })).toEqual({
			version: 1,
			chapters: { a: { done: true, sectionsRead: [] } },
		});
	});

	test('reads a draft without a list as no progress', () => {
		expect(migrate({})).toEqual({ version: 1, chapters: {} });
	});

	test('returns a current document unchanged', () => {
		const doc = { version: PROGRESS_VERSION, chapters: {} };
		expect(migrate(doc)).toBe(doc);
	});

	test.each([
		['a newer version', { version: PROGRESS_VERSION + 1 }],
		['an unknown older version', { version: -1 }],
		['an array', []],
		['null', null],
		['a string', 'progress'],
	])('refuses %s', (_, doc) => {
		expect(migrate(doc)).toBeNull();
	});
});
