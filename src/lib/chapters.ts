import { getCollection, type CollectionEntry } from 'astro:content';
import { t } from './i18n.js';

/** A chapter entry with its place in the course. */
export interface ChapterInfo {
	entry: CollectionEntry<'chapters'>;
	slug: string;
	href: string;
	/** "Session 1", "Lesson 2" … */
	label: string;
	/** Number within its kind: Session 1–3, Lesson 1–3. */
	number: number;
	minutes: number;
}

/** Returns the six chapters in course order with their labels and links. */
export async function getChapters(): Promise<ChapterInfo[]> {
	const entries = (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order);
	const counters = { session: 0, lesson: 0 };
	return entries.map((entry) => {
		counters[entry.data.kind] += 1;
		const number = counters[entry.data.kind];
		const kind = entry.data.kind === 'session' ? t('chapter.session') : t('chapter.lesson');
		return {
			entry,
			slug: entry.id,
			href: `/chapters/${entry.id}/`,
			label: `${kind} ${number}`,
			number,
			minutes: entry.data.teaching + entry.data.exercises,
		};
	});
}
