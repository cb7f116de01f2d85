import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { ChapterSchema } from './schemas/chapter.js';
import { GlossaryTermSchema } from './schemas/glossary.js';
import { PageSchema } from './schemas/page.js';
import { VideoSchema } from './schemas/video.js';

const chapters = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
	schema: ChapterSchema,
});

const pages = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/pages' }),
	schema: PageSchema,
});

const videos = defineCollection({
	loader: glob({ pattern: '*.yaml', base: './content/videos' }),
	schema: VideoSchema,
});

const glossary = defineCollection({
	loader: file('./content/glossary.yaml'),
	schema: GlossaryTermSchema,
});

export const collections = { chapters, pages, videos, glossary };
