import { z } from 'zod';

/** One term of `content/glossary.yaml`. */
export const GlossaryTermSchema = z
	.object({
		/** Anchor id on the glossary page, kebab-case. */
		id: z.string().regex(/^[a-z0-9-]+$/),
		/** The term as written in prose. */
		term: z.string().min(1),
		/** A definition of one to three sentences. */
		definition: z.string().min(10),
		/** Ids of related terms. */
		see: z.array(z.string()).default([]),
	})
	.strict();

/** A parsed glossary term. */
export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;
/** A glossary term as written. */
export type GlossaryTermInput = z.input<typeof GlossaryTermSchema>;
