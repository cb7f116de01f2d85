import { describe, expect, test } from 'vitest';
import {
	gradeExercise,
	resolveParams,
	substituteParams,
	type GradeResult,
} from '../../../../src/core/exercises/grade.js';
import { CHAPTER_SLUGS } from '../../../../src/core/exercises/schema.js';
import { loadCenter } from '../../helpers/center.js';
import {
	exerciseIds,
	loadExercise,
	readRawExercise,
	type LoadedExercise,
} from './load-exercises.js';

const center = loadCenter();
const ids = exerciseIds();

/** Grades files as a learner with the given params would submit them. */
function grade(
	loaded: LoadedExercise,
	files: Record<string, string>,
	params?: Record<string, string>
): GradeResult {
	const { values } = resolveParams(loaded.exercise, params);
	const filled = Object.fromEntries(
		Object.entries(files).map(([name, text]) => [name, substituteParams(text, values)])
	);
	return gradeExercise(loaded.exercise, filled, {
		center,
		params: values,
		context: loaded.context,
	});
}

/** Lists what made a result fail, for readable assertion messages. */
function failures(result: GradeResult): string[] {
	return [
		...result.checks.filter((c) => !c.passed).map((c) => `check ${c.id}: ${c.message ?? ''}`),
		...result.diagnostics
			.filter((d) => d.severity === 'error')
			.map((d) => `${d.file}:${d.range.start.line} ${d.ruleId}: ${d.message}`),
	];
}

describe('exercise bank', () => {
	test('has at least 16 exercises: 8 Dockerfile, 3 Compose, 3 Kubernetes', () => {
		const kinds = ids.map((id) => loadExercise(id).exercise.kind);
		expect(ids.length).toBeGreaterThanOrEqual(16);
		expect(kinds.filter((k) => k === 'dockerfile').length).toBeGreaterThanOrEqual(8);
		expect(kinds.filter((k) => k === 'compose').length).toBeGreaterThanOrEqual(3);
		expect(kinds.filter((k) => k === 'k8s').length).toBeGreaterThanOrEqual(3);
	});
});

describe.each(ids)('exercise %s', (id) => {
	const loaded = loadExercise(id);
	const { exercise } = loaded;

	test('has a valid exercise.yaml whose id is the folder name', () => {
		expect(readRawExercise(id)).toMatchObject({ id });
		expect(exercise.id).toBe(id);
		expect(CHAPTER_SLUGS).toContain(exercise.chapter);
		const checkIds = exercise.checks.map((c) => c.id);
		expect(new Set(checkIds).size).toBe(checkIds.length);
	});

	test('starter and solution hold exactly the exercise files', () => {
		const names = exercise.files.map((f) => f.name).sort();
		expect(Object.keys(loaded.starter).sort()).toEqual(names);
		expect(Object.keys(loaded.solution).sort()).toEqual(names);
	});

	test('the solution passes', () => {
		const result = grade(loaded, loaded.solution);
		expect(failures(result)).toEqual([]);
		expect(result.passed).toBe(true);
	});

	test('the starter fails at least one check', () => {
		const result = grade(loaded, loaded.starter);
		expect(result.passed).toBe(false);
		expect(result.checks.some((c) => !c.passed)).toBe(true);
	});

	test('has at least 3 near misses and 2 accepted variants', () => {
		expect(loaded.cases.filter((c) => c.expect === 'fail').length).toBeGreaterThanOrEqual(3);
		expect(loaded.cases.filter((c) => c.expect === 'pass').length).toBeGreaterThanOrEqual(2);
		for (const c of loaded.cases) expect(c.name.startsWith(`${c.expect}-`)).toBe(true);
	});

	const cases = loaded.cases.map((c) => [c.name, c] as const);
	test.each(cases)('case %s', (_name, c) => {
		expect(Object.keys(c.files).sort()).toEqual(exercise.files.map((f) => f.name).sort());
		const result = grade(loaded, c.files, c.params);
		if (c.expect === 'pass') {
			expect(failures(result)).toEqual([]);
			expect(result.passed).toBe(true);
			return;
		}
		expect(result.passed).toBe(false);
		expect(c.check, 'a fail case names the check or rule it fails').toBeDefined();
		const byCheck = result.checks.some((o) => o.id === c.check && !o.passed);
		const byRule = result.diagnostics.some((d) => d.ruleId === c.check && d.severity === 'error');
		expect(byCheck || byRule, `${c.check} should fail; got ${failures(result).join(' | ')}`).toBe(
			true
		);
	});
});
