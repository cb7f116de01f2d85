import { z } from 'zod';

/** A chapter mark inside a video. */
const VideoChapterSchema = z
	.object({
		/** Start time in seconds. */
		start: z.number().int().min(0),
		/** What happens from that moment. */
		title: z.string().min(1),
	})
	.strict();

/** One video, `content/videos/<name>.yaml`. Only facts that a source states go here. */
export const VideoSchema = z
	.object({
		/** The YouTube video id (11 characters). */
		youtubeId: z
			.string()
			.regex(/^[A-Za-z0-9_-]{11}$/, 'a YouTube id has 11 letters, digits, - or _'),
		/** Title shown on the poster. */
		title: z.string().min(3),
		/** Date of recording, where a source gives it. */
		recorded: z.coerce.date().optional(),
		/** Where or at which event it was recorded, where known. */
		event: z.string().min(3).optional(),
		/** What the video shows, from the sources. */
		description: z.string().min(20),
		/** Length in seconds, where known. */
		duration: z.number().int().positive().optional(),
		/** Chapter marks, where known. */
		chapters: z.array(VideoChapterSchema).optional(),
		/** Path of a WebVTT transcript under `public/`, where one exists. */
		transcript: z
			.string()
			.regex(/^\/.+\.vtt$/)
			.optional(),
	})
	.strict();

/** A parsed video entry. */
export type Video = z.output<typeof VideoSchema>;
/** A video entry as written. */
export type VideoInput = z.input<typeof VideoSchema>;
