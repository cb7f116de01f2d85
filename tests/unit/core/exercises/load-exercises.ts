import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ExerciseSchema, type Exercise } from '../../../../src/core/exercises/schema.js';
import { repoRoot } from '../../helpers/center.js';

/** The exercise bank on disk: `exercises/<id>/` with its yaml, files, context and cases. */

/** The expectation of one case folder (`cases/<name>/case.yaml`). */
export const CaseSchema = z
	.object({
		expect: z.enum(['pass', 'fail']),
		check: z.string().min(1).optional(),
		params: z.record(z.string()).optional(),
	})
	.strict();

/** One near-miss or accepted variant. */
export interface ExerciseCase {
	name: string;
	expect: 'pass' | 'fail';
	check: string | undefined;
	params: Record<string, string> | undefined;
	files: Record<string, string>;
}

/** One exercise with everything beside its yaml. */
export interface LoadedExercise {
	dir: string;
	raw: unknown;
	exercise: Exercise;
	starter: Record<string, string>;
	solution: Record<string, string>;
	context: Record<string, string>;
	cases: ExerciseCase[];
}

export const exercisesRoot = path.join(repoRoot, 'exercises');

/** Reads every file under a folder by relative path ('/' separators). */
export function readTree(dir: string, skip: readonly string[] = []): Record<string, string> {
	const out: Record<string, string> = {};
	if (!existsSync(dir)) return out;
	const walk = (at: string, prefix: string): void => {
		for (const name of readdirSync(at).sort()) {
			const full = path.join(at, name);
			const rel = prefix ? `${prefix}/${name}` : name;
			if (statSync(full).isDirectory()) walk(full, rel);
			else if (!skip.includes(rel)) out[rel] = readFileSync(full, 'utf8');
		}
	};
	walk(dir, '');
	return out;
}

/** The ids of the exercise folders. */
export function exerciseIds(): string[] {
	return readdirSync(exercisesRoot)
		.filter((name) => statSync(path.join(exercisesRoot, name)).isDirectory())
		.sort();
}

/** Reads the raw yaml of one exercise. */
export function readRawExercise(id: string): unknown {
	return parse(readFileSync(path.join(exercisesRoot, id, 'exercise.yaml'), 'utf8'));
}

/** Loads one exercise folder; the yaml goes through `ExerciseSchema`. */
export function loadExercise(id: string): LoadedExercise {
	const dir = path.join(exercisesRoot, id);
	const raw = readRawExercise(id);
	const exercise = ExerciseSchema.parse(raw);
	const casesDir = path.join(dir, 'cases');
	const cases = existsSync(casesDir)
		? readdirSync(casesDir)
				.sort()
				.map((name): ExerciseCase => {
					const caseDir = path.join(casesDir, name);
					const meta = CaseSchema.parse(
						parse(readFileSync(path.join(caseDir, 'case.yaml'), 'utf8'))
					);
					return {
						name,
						expect: meta.expect,
						check: meta.check,
						params: meta.params,
						files: readTree(caseDir, ['case.yaml']),
					};
				})
		: [];
	return {
		dir,
		raw,
		exercise,
		starter: readTree(path.join(dir, 'starter')),
		solution: readTree(path.join(dir, 'solution')),
		context: readTree(path.join(dir, 'context')),
		cases,
	};
}
