import { z } from 'zod';

/** Frontmatter of a stand-alone page in `content/pages/*.mdx`. */
export const PageSchema = z
	.object({
		/** Page title, also the `<h1>`. */
		title: z.string().min(3),
		/** One sentence for the meta description and search results. */
		description: z.string().min(20).max(300),
	})
	.strict();

/** A parsed page frontmatter. */
export type Page = z.output<typeof PageSchema>;
/** Page frontmatter as written. */
export type PageInput = z.input<typeof PageSchema>;
