import type { Exercise } from '../../core/exercises/schema.js';

/** A file shown with an exercise. */
export interface TextFile {
	name: string;
	text: string;
}

/** What the page embeds for one exercise, as JSON in `<script type="application/json">`. */
export interface ExerciseData {
	exercise: Exercise;
	starter: TextFile[];
	solution: TextFile[];
	context: TextFile[];
}

/** Reads the JSON embedded in an exercise element; null when missing or unreadable. */
export function readExerciseData(root: HTMLElement): ExerciseData | null {
	const node = root.querySelector('script[data-exercise-data]');
	try {
		return node?.textContent ? (JSON.parse(node.textContent) as ExerciseData) : null;
	} catch {
		return null;
	}
}

/** Turns a file list into a name → text record. */
export function toRecord(files: readonly TextFile[]): Record<string, string> {
	return Object.fromEntries(files.map((f) => [f.name, f.text]));
}
