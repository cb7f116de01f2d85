import { z } from 'zod';

/**
 * Saved progress, stored as one JSON document (key `spinup:progress` in the browser).
 *
 * {
 *   version: 1,
 *   chapters:   { [chapterSlug]: { done, doneAt?, sectionsRead: [anchor…] } },
 *   exercises:  { [exerciseId]: { files: { [fileName]: text }, attempts, passed, firstPassedAt?,
 *                                 hintsUsed, solutionShown, params: { uid?, gid? } } },
 *   attendance: { [sessionSlug]: code },
 *   learner:    { username?, email?, name? },
 *   updatedAt?: ISO time of the last change
 * }
 *
 * Times are ISO strings from the injected clock. Older versions are migrated on load.
 */
export const PROGRESS_VERSION = 1;

/** Progress in one chapter. */
export const ChapterProgressSchema = z
	.object({
		done: z.boolean().default(false),
		doneAt: z.string().optional(),
		sectionsRead: z.array(z.string()).default([]),
	})
	.strict();

/** Progress in one exercise. */
export const ExerciseProgressSchema = z
	.object({
		files: z.record(z.string()).default({}),
		attempts: z.number().int().min(0).default(0),
		passed: z.boolean().default(false),
		firstPassedAt: z.string().optional(),
		hintsUsed: z.number().int().min(0).default(0),
		solutionShown: z.boolean().default(false),
		params: z.record(z.string()).default({}),
	})
	.strict();

/** Who the learner says they are, for the completion bundle. */
export const LearnerSchema = z
	.object({
		username: z.string().optional(),
		email: z.string().optional(),
		name: z.string().optional(),
	})
	.strict();

/** The whole saved document. */
export const ProgressSchema = z
	.object({
		version: z.literal(PROGRESS_VERSION),
		chapters: z.record(ChapterProgressSchema).default({}),
		exercises: z.record(ExerciseProgressSchema).default({}),
		attendance: z.record(z.string()).default({}),
		learner: LearnerSchema.default({}),
		updatedAt: z.string().optional(),
	})
	.strict();

/** Parsed progress. */
export type Progress = z.output<typeof ProgressSchema>;
/** Progress of one chapter. */
export type ChapterProgress = z.output<typeof ChapterProgressSchema>;
/** Progress of one exercise. */
export type ExerciseProgress = z.output<typeof ExerciseProgressSchema>;

/** Returns an empty progress document. */
export function emptyProgress(): Progress {
	return ProgressSchema.parse({ version: PROGRESS_VERSION });
}
