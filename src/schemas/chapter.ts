import { z } from 'zod';

/** Chapter kinds: an instructional session (taught live) or a take-home lesson. */
export const CHAPTER_KINDS = ['session', 'lesson'] as const;

/** Frontmatter of a chapter in `content/chapters/*.mdx`. */
export const ChapterSchema = z
	.object({
		/** Title shown in the header and sidebar, without the "Session 1" prefix. */
		title: z.string().min(3),
		/** Whether the chapter is a live session or a take-home lesson. */
		kind: z.enum(CHAPTER_KINDS),
		/** Position in the course, 1 to 6. */
		order: z.number().int().min(1).max(6),
		/** One or two sentences for the home page, search results and the meta description. */
		summary: z.string().min(20).max(300),
		/** Questions the chapter answers, shown at the top. */
		questions: z.array(z.string().min(3)).min(1),
		/** What the participant can do afterwards, shown at the top. */
		objectives: z.array(z.string().min(3)).min(1),
		/** Key points, shown at the end. */
		keypoints: z.array(z.string().min(3)).min(1),
		/** Minutes of teaching or reading. */
		teaching: z.number().int().min(0),
		/** Minutes of hands-on exercises. */
		exercises: z.number().int().min(0),
		/** Ids of videos (files in `content/videos/`) shown in the chapter. */
		videos: z.array(z.string().min(1)).default([]),
		/** Ids of exercises (folders in `exercises/`) placed in the chapter. */
		exerciseIds: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
	})
	.strict();

/** A parsed chapter frontmatter. */
export type Chapter = z.output<typeof ChapterSchema>;
/** Chapter frontmatter as written. */
export type ChapterInput = z.input<typeof ChapterSchema>;
