/**
 * Slides for presenter mode, cut from a chapter's rendered HTML.
 *
 * The chapter body is split before every top-level `<h2` and at every `<hr data-slide-break`
 * marker; a section longer than `maxWords` is also split before its top-level `<h3`s, so that
 * the type can stay large on a 16:9 screen. The text before the first `<h2` becomes the title slide's body. Each slide keeps the
 * anchor of the heading it starts with, so a remote participant can be sent to the same section.
 */

/** One slide: its HTML, heading text, anchor and a word count used for pacing. */
export interface Slide {
	html: string;
	title: string;
	anchor: string | null;
	words: number;
}

/** Removes tags and collapses white space. */
export function textOf(html: string): string {
	return html
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;|&#160;/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Counts the words of an HTML fragment. */
export function wordCount(html: string): number {
	return textOf(html).split(' ').filter(Boolean).length;
}

/** A place where a slide may start, and why. */
interface Cut {
	at: number;
	kind: 'h2' | 'h3' | 'break';
}

const TAG = /<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>/g;
const VOIDS = new Set([
	'br',
	'hr',
	'img',
	'input',
	'meta',
	'link',
	'source',
	'track',
	'wbr',
	'col',
	'area',
]);
/** The wrapper the chapter build puts around each h2 section (src/integrations/rehype-sections.mjs). */
const SECTION = /^<section class="content-section"[^>]*>$/;

/** Removes the section wrappers, with their matching end tags, so each h2 is top-level again. */
export function unwrapSections(html: string): string {
	/** For each open element: whether it is a wrapper to drop. */
	const open: boolean[] = [];
	let out = '';
	let last = 0;
	for (const m of html.matchAll(TAG)) {
		const [text, closing, rawName = '', , selfClosing] = m;
		const at = m.index ?? 0;
		let drop = false;
		if (closing) drop = open.pop() ?? false;
		else if (!VOIDS.has(rawName.toLowerCase()) && !selfClosing) {
			drop = SECTION.test(text);
			open.push(drop);
		}
		if (drop) {
			out += html.slice(last, at);
			last = at + text.length;
		}
	}
	return out + html.slice(last);
}

/** Finds where top-level h2 and h3 elements and slide-break markers start. */
function cutPoints(html: string): Cut[] {
	const points: Cut[] = [];
	let depth = 0;
	for (const m of html.matchAll(TAG)) {
		const [, closing, rawName = '', attrs = '', selfClosing] = m;
		const name = rawName.toLowerCase();
		const at = m.index ?? 0;
		if (closing) {
			depth = Math.max(0, depth - 1);
			continue;
		}
		if (depth === 0 && (name === 'h2' || name === 'h3')) points.push({ at, kind: name });
		if (depth === 0 && name === 'hr' && /data-slide-break/.test(attrs)) {
			points.push({ at, kind: 'break' });
		}
		if (!VOIDS.has(name) && !selfClosing) depth += 1;
	}
	return points;
}

/** Returns the heading text and id of a slide that starts with an h2 or h3. */
function headingOf(html: string): { title: string; anchor: string | null } {
	const m = /^<h[23]\b([^>]*)>([\s\S]*?)<\/h[23]>/i.exec(html.trim());
	if (!m) return { title: '', anchor: null };
	const id = /\bid="([^"]+)"/.exec(m[1] ?? '');
	const title = textOf((m[2] ?? '').replace(/<a class="heading-link"[\s\S]*?<\/a>/g, ''));
	return { title, anchor: id?.[1] ?? null };
}

/** Keeps h2 and break cuts, and the h3 cuts of sections longer than `maxWords`. */
function chooseCuts(body: string, cuts: Cut[], maxWords: number): number[] {
	const chosen: number[] = [];
	const majors = cuts.filter((c) => c.kind !== 'h3');
	majors.forEach((major, i) => {
		chosen.push(major.at);
		const end = majors[i + 1]?.at ?? body.length;
		if (major.kind !== 'h2' || wordCount(body.slice(major.at, end)) <= maxWords) return;
		for (const c of cuts) if (c.kind === 'h3' && c.at > major.at && c.at < end) chosen.push(c.at);
	});
	return chosen.sort((a, b) => a - b);
}

/** Splits a chapter's body HTML into slides, after a title slide named `title`. */
export function splitSlides(html: string, title: string, maxWords = 220): Slide[] {
	const body = unwrapSections(html);
	const points = chooseCuts(body, cutPoints(body), maxWords);
	const first = points[0] ?? body.length;
	const slides: Slide[] = [{ html: body.slice(0, first), title, anchor: null, words: 0 }];
	slides[0]!.words = wordCount(slides[0]!.html);
	let previous = slides[0]!;
	points.forEach((start, i) => {
		const html = body
			.slice(start, points[i + 1] ?? body.length)
			.replace(/^<hr\b[^>]*>/i, '')
			.replace(/^<h3\b([^>]*)>([\s\S]*?)<\/h3>/i, '<h2$1>$2</h2>');
		const heading = headingOf(html);
		const slide: Slide = {
			html,
			title: heading.title || previous.title,
			anchor: heading.anchor ?? previous.anchor,
			words: wordCount(html),
		};
		slides.push(slide);
		previous = slide;
	});
	return slides.filter((s, i) => i === 0 || textOf(s.html).length > 0);
}
