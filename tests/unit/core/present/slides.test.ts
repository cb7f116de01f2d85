import { describe, expect, test } from 'vitest';
import { formatMinutes, pace, planSlides } from '../../../../src/core/present/pacing.js';
import { pressKey, slideFromHash, type DeckState } from '../../../../src/core/present/keys.js';
import { splitSlides, textOf, unwrapSections } from '../../../../src/core/present/slides.js';

const body = [
	'<p>Intro words here.</p>',
	'<h2 id="one">One<a class="heading-link" href="#one">#</a></h2><p>First section text.</p>',
	'<section class="challenge"><h2>Not a slide: nested</h2></section>',
	'<h2 id="two">Two</h2><p>Second.</p><hr class="slide-break" data-slide-break aria-hidden="true" hidden><p>More of two.</p>',
	'<h2 id="three">Three</h2><pre><code>&lt;h2&gt;not a tag</code></pre>',
].join('');

describe('splitSlides', () => {
	const slides = splitSlides(body, 'Meet Spin');

	test('starts with a title slide holding the text before the first heading', () => {
		expect(slides[0]).toMatchObject({ title: 'Meet Spin', anchor: null });
		expect(textOf(slides[0]!.html)).toBe('Intro words here.');
	});

	test('cuts at top-level h2 and slide breaks only', () => {
		expect(slides.map((s) => s.title)).toEqual(['Meet Spin', 'One', 'Two', 'Two', 'Three']);
		expect(slides[1]!.html).toContain('Not a slide: nested');
	});

	test('keeps the anchor of the heading, and of the section a break continues', () => {
		expect(slides.map((s) => s.anchor)).toEqual([null, 'one', 'two', 'two', 'three']);
	});

	test('counts words for pacing', () => {
		expect(slides[3]!.words).toBe(3);
	});

	test('cuts the same where each h2 section is wrapped, and leaves no wrapper tags behind', () => {
		const wrapped = body.replace(
			/(<h2 id="(?:one|two|three)"[\s\S]*?)(?=<h2 id="|$)/g,
			'<section class="content-section" style="contain-intrinsic-size: auto 900px">$1</section>'
		);
		expect(wrapped).toContain('auto 900px"><h2 id="two">');
		const again = splitSlides(wrapped, 'Meet Spin');
		expect(again.map((s) => s.html)).toEqual(slides.map((s) => s.html));
		expect(unwrapSections(wrapped)).toBe(body);
	});

	test('gives a single title slide for a body without headings', () => {
		expect(splitSlides('<p>Only text.</p>', 'T')).toHaveLength(1);
	});
});

describe('planSlides and pace', () => {
	test('spreads minutes by words', () => {
		expect(planSlides([10, 30, 60], 50)).toEqual([5, 20, 50]);
	});

	test('gives an empty slide a small share', () => {
		const plan = planSlides([0, 99], 100);
		expect(plan[0]).toBe(1);
	});

	test('reports on time, behind and ahead', () => {
		const plan = [10, 20, 30];
		expect(pace(plan, 1, 15).status).toBe('on-time');
		expect(pace(plan, 1, 25)).toMatchObject({ status: 'behind', drift: 5 });
		expect(pace(plan, 2, 12)).toMatchObject({ status: 'ahead', drift: -8 });
	});

	test('formats minutes', () => {
		expect(formatMinutes(2.5)).toBe('2:30');
		expect(formatMinutes(-1.25)).toBe('-1:15');
	});
});

describe('pressKey', () => {
	const start: DeckState = { index: 2, total: 5, blackout: false, overview: false, goto: null };
	const keys = (...ks: string[]) => ks.reduce((s, k) => pressKey(s, k).state, start);

	test('moves forward and back, and stops at the ends', () => {
		expect(keys('ArrowRight').index).toBe(3);
		expect(keys(' ', 'PageDown').index).toBe(4);
		expect(keys('ArrowLeft', 'PageUp', 'PageUp').index).toBe(1);
		expect(keys('End', 'ArrowRight').index).toBe(5);
		expect(keys('Home').index).toBe(1);
	});

	test('jumps with G, a number and Enter', () => {
		expect(keys('g', '4', 'Enter').index).toBe(4);
		expect(keys('g', '9', '9', 'Enter').index).toBe(5);
		expect(keys('g', 'Escape').goto).toBeNull();
	});

	test('toggles blackout and overview', () => {
		expect(keys('b').blackout).toBe(true);
		expect(keys('b', 'b').blackout).toBe(false);
		expect(keys('o').overview).toBe(true);
		expect(keys('o', 'Escape').overview).toBe(false);
	});

	test('asks the page for fullscreen, timer, help, presenter and notes', () => {
		expect(['f', 't', '?', 'p', 'n'].map((k) => pressKey(start, k).effect)).toEqual([
			'fullscreen',
			'timer',
			'help',
			'presenter',
			'notes',
		]);
	});

	test('leaves other keys alone', () => {
		expect(pressKey(start, 'x').handled).toBe(false);
	});
});

describe('slideFromHash', () => {
	test('reads a number and ignores anything else', () => {
		expect(slideFromHash('#7')).toBe(7);
		expect(slideFromHash('#intro')).toBeNull();
		expect(slideFromHash('')).toBeNull();
	});
});

describe('splitSlides with long sections', () => {
	const long = `<h2 id="a">A</h2><p>${'word '.repeat(30)}</p><h3 id="a1">A one</h3><p>${'word '.repeat(30)}</p><h2 id="b">B</h2><p>short</p><h3 id="b1">B one</h3><p>short</p>`;

	test('splits a long section at its h3 headings and keeps short ones whole', () => {
		const slides = splitSlides(long, 'T', 40);
		expect(slides.map((s) => s.anchor)).toEqual([null, 'a', 'a1', 'b']);
		expect(slides[2]!.title).toBe('A one');
		expect(slides[2]!.html.startsWith('<h2 id="a1">A one</h2>')).toBe(true);
	});
});
