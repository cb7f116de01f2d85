import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ExerciseSchema, type Exercise } from '../core/exercises/schema.js';

/** Folder of the exercise bank. */
const EXERCISES = join(process.cwd(), 'exercises');

/** A file shown with an exercise: its path and text. */
export interface ExerciseText {
	name: string;
	text: string;
}

/** An exercise with its files, read at build time. */
export interface LoadedExercise {
	exercise: Exercise;
	starter: ExerciseText[];
	solution: ExerciseText[];
	context: ExerciseText[];
}

/** Reads every file of a folder, recursively, as text sorted by path. */
function readTree(dir: string): ExerciseText[] {
	if (!existsSync(dir)) return [];
	const out: ExerciseText[] = [];
	const visit = (d: string): void => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) visit(full);
			else
				out.push({
					name: relative(dir, full).split('\\').join('/'),
					text: readFileSync(full, 'utf8'),
				});
		}
	};
	visit(dir);
	return out;
}

/** Loads one exercise by id; throws with the file and field named when it is invalid. */
export function loadExercise(id: string): LoadedExercise {
	const dir = join(EXERCISES, id);
	const file = join(dir, 'exercise.yaml');
	if (!existsSync(file)) throw new Error(`<Exercise id="${id}">: no exercises/${id}/exercise.yaml`);
	const result = ExerciseSchema.safeParse(parse(readFileSync(file, 'utf8')));
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new Error(`exercises/${id}/exercise.yaml: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	return {
		exercise: result.data,
		starter: readTree(join(dir, 'starter')),
		solution: readTree(join(dir, 'solution')),
		context: readTree(join(dir, 'context')),
	};
}

/** Lists the ids of every exercise folder. */
export function exerciseIds(): string[] {
	if (!existsSync(EXERCISES)) return [];
	return readdirSync(EXERCISES)
		.filter((name) => existsSync(join(EXERCISES, name, 'exercise.yaml')))
		.sort();
}
