import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import Callout from '../components/Callout.astro';
import Challenge from '../components/Challenge.astro';
import ExerciseSlide from '../components/ExerciseSlide.astro';
import NoteMarker from '../components/NoteMarker.astro';
import Nothing from '../components/Nothing.astro';
import SlideBreak from '../components/SlideBreak.astro';
import Solution from '../components/Solution.astro';
import Video from '../components/Video.astro';
import { planSlides } from '../core/present/pacing.js';
import { splitSlides, wordCount, type Slide } from '../core/present/slides.js';
import type { ChapterInfo } from './chapters.js';

/** A slide with its notes (presenter view only) and planned end minute. */
export interface DeckSlide extends Slide {
	notes: string;
	plannedEnd: number;
}

/** Renders a chapter body to HTML with the given instructor-note component. */
async function renderBody(chapter: ChapterInfo, withNotes: boolean): Promise<string> {
	const { Content } = await render(chapter.entry);
	const container = await AstroContainer.create();
	container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
	const html = await container.renderToString(Content, {
		props: {
			components: {
				Video,
				Callout,
				Challenge,
				Solution,
				SlideBreak,
				Exercise: ExerciseSlide,
				InstructorNote: withNotes ? NoteMarker : Nothing,
			},
		},
	});
	// Component scripts are loaded by the deck page itself; the container leaves source paths here.
	return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

/** Takes the instructor notes out of a slide's HTML. */
function extractNotes(html: string): { html: string; notes: string } {
	const notes: string[] = [];
	const rest = html.replace(
		/<aside data-slide-note[^>]*>([\s\S]*?)<\/aside>/g,
		(_, inner: string) => {
			notes.push(inner);
			return '';
		}
	);
	return { html: rest, notes: notes.join('') };
}

/** Builds a chapter's deck; notes are rendered only when `withNotes` is true. */
export async function buildDeck(chapter: ChapterInfo, withNotes: boolean): Promise<DeckSlide[]> {
	const slides = splitSlides(await renderBody(chapter, withNotes), chapter.entry.data.title).map(
		(slide) => {
			const { html, notes } = extractNotes(slide.html);
			return { ...slide, html, notes, words: wordCount(html) };
		}
	);
	const plan = planSlides(
		slides.map((s) => s.words),
		chapter.entry.data.teaching
	);
	return slides.map((slide, i) => ({ ...slide, plannedEnd: plan[i] ?? 0 }));
}
