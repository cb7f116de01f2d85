import { getCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import type { SearchDoc } from '../core/search/types.js';
import { parseVtt } from '../core/video/vtt.js';
import { getChapters } from './chapters.js';
import { exerciseIds, loadExercise } from './exercises.js';
import { mdxSections } from './mdx-sections.js';

/** Strips Markdown punctuation from short texts such as exercise tasks. */
function plain(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, ''))
		.replace(/[`*_>#[\]]/g, '')
		.replace(/\(https?:[^)]*\)/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Collects every searchable document of the course, at build time. */
export async function collectSearchDocs(): Promise<SearchDoc[]> {
	const docs: SearchDoc[] = [];
	const chapters = await getChapters();
	const chapterGroup = new Map(chapters.map((c) => [c.slug, `${c.label}: ${c.entry.data.title}`]));
	for (const chapter of chapters) {
		const group = chapterGroup.get(chapter.slug) ?? chapter.slug;
		docs.push({
			id: `chapter:${chapter.slug}`,
			kind: 'page',
			url: chapter.href,
			title: `${chapter.label}: ${chapter.entry.data.title}`,
			group,
			text: [chapter.entry.data.summary, ...chapter.entry.data.objectives].join(' '),
			keywords: chapter.entry.data.questions.join(' '),
		});
		for (const section of mdxSections(chapter.entry.body ?? '')) {
			docs.push({
				id: `section:${chapter.slug}#${section.anchor}`,
				kind: 'section',
				url: `${chapter.href}#${section.anchor}`,
				title: section.heading,
				group,
				text: section.text,
			});
		}
	}
	for (const page of await getCollection('pages')) {
		const sections = mdxSections(page.body ?? '');
		docs.push({
			id: `page:${page.id}`,
			kind: 'page',
			url: `/${page.id}/`,
			title: page.data.title,
			group: page.data.title,
			text: page.data.description,
		});
		for (const section of sections) {
			docs.push({
				id: `page:${page.id}#${section.anchor}`,
				kind: 'section',
				url: `/${page.id}/#${section.anchor}`,
				title: section.heading,
				group: page.data.title,
				text: section.text,
			});
		}
	}
	for (const id of exerciseIds()) {
		const { exercise } = loadExercise(id);
		docs.push({
			id: `exercise:${id}`,
			kind: 'exercise',
			url: `/chapters/${exercise.chapter}/#exercise-${id}`,
			title: exercise.title,
			group: chapterGroup.get(exercise.chapter) ?? exercise.chapter,
			text: plain(exercise.task),
			keywords: `exercise ${exercise.kind}`,
		});
	}
	for (const term of await getCollection('glossary')) {
		docs.push({
			id: `term:${term.data.id}`,
			kind: 'term',
			url: `/glossary/#${term.data.id}`,
			title: term.data.term,
			group: 'Glossary',
			text: term.data.definition,
			keywords: term.data.term,
		});
	}
	docs.push(
		...(await videoDocs(
			chapters.map((c) => ({
				slug: c.slug,
				href: c.href,
				videos: c.entry.data.videos,
				group: chapterGroup.get(c.slug) ?? c.slug,
			}))
		))
	);
	return docs;
}

/** Documents for each video (where a chapter shows it) and each transcript cue. */
async function videoDocs(
	chapters: { slug: string; href: string; videos: string[]; group: string }[]
): Promise<SearchDoc[]> {
	const docs: SearchDoc[] = [];
	for (const video of await getCollection('videos')) {
		const home = chapters.find((c) => c.videos.includes(video.id));
		if (!home) continue;
		const url = `${home.href}#video-${video.id}`;
		docs.push({
			id: `video:${video.id}`,
			kind: 'video',
			url,
			title: video.data.title,
			group: home.group,
			text: video.data.description,
			keywords: 'video',
		});
		if (!video.data.transcript) continue;
		const vtt = await readFile(
			new URL(`../../public${video.data.transcript}`, import.meta.url),
			'utf8'
		);
		for (const cue of parseVtt(vtt)) {
			const at = Math.floor(cue.start);
			docs.push({
				id: `cue:${video.id}:${at}`,
				kind: 'cue',
				url: `${home.href}?t=${at}#${video.id}-t${at}`,
				title: `${video.data.title} (${Math.floor(at / 60)}:${String(at % 60).padStart(2, '0')})`,
				group: home.group,
				text: cue.text,
			});
		}
	}
	return docs;
}
