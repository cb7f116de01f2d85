import type { Progress } from './schema.js';

/** Counts that describe a progress document to the learner (an import preview, a reset warning). */
export interface ProgressSummary {
	chaptersDone: number;
	sectionsRead: number;
	/** Exercises with saved files or at least one attempt. */
	exercisesStarted: number;
	exercisesPassed: number;
	/** Hints shown, summed over exercises. */
	hintsUsed: number;
	solutionsShown: number;
	attendanceCodes: number;
	/** Learner fields filled in (username, e-mail, name). */
	learnerFields: number;
}

/** Counts what a progress document holds. */
export function summarize(progress: Progress): ProgressSummary {
	const chapters = Object.values(progress.chapters);
	const exercises = Object.values(progress.exercises);
	const count = <T>(list: T[], test: (x: T) => boolean): number => list.filter(test).length;
	return {
		chaptersDone: count(chapters, (c) => c.done),
		sectionsRead: chapters.reduce((sum, c) => sum + c.sectionsRead.length, 0),
		exercisesStarted: count(exercises, (e) => e.attempts > 0 || Object.keys(e.files).length > 0),
		exercisesPassed: count(exercises, (e) => e.passed),
		hintsUsed: exercises.reduce((sum, e) => sum + e.hintsUsed, 0),
		solutionsShown: count(exercises, (e) => e.solutionShown),
		attendanceCodes: count(Object.values(progress.attendance), (code) => code.trim() !== ''),
		learnerFields: count(Object.values(progress.learner), (v) => v.trim() !== ''),
	};
}
