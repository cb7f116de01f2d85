import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, browserAvailable, startHarness, type Harness } from './harness.js';

const run = browserAvailable();
const DECK = '/present/s1-meet-spin/';
const PRESENTER = '/present/s1-meet-spin/presenter/';

/** Waits until the deck element is defined and has shown a slide. */
async function ready(page: Page): Promise<void> {
	await page.waitForFunction(
		() => customElements.get('deck-view') && document.querySelector('.slide.current')
	);
}

/** The number of the slide a page shows. */
function current(page: Page): Promise<number> {
	return page.evaluate(() =>
		Number(
			document.querySelector<HTMLElement>(
				'main .slide.current, [data-viewport="current"] .slide.current'
			)?.dataset['index']
		)
	);
}

describe.skipIf(!run)('presenter mode in Chromium', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	test('the keyboard moves through the deck and the hash follows', async () => {
		const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
		const page = await context.newPage();
		await page.goto(`${h.base}${DECK}`);
		await ready(page);
		expect(await current(page)).toBe(1);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press(' ');
		await page.keyboard.press('PageDown');
		expect(await current(page)).toBe(4);
		expect(new URL(page.url()).hash).toBe('#4');
		await page.keyboard.press('ArrowLeft');
		expect(await current(page)).toBe(3);
		await page.keyboard.press('End');
		const total = await page.locator('main .slide').count();
		expect(await current(page)).toBe(total);
		await page.keyboard.press('Home');
		await page.keyboard.press('g');
		await page.keyboard.press('5');
		await page.keyboard.press('Enter');
		expect(await current(page)).toBe(5);
		await page.reload();
		await ready(page);
		expect(await current(page)).toBe(5);
		await page.keyboard.press('b');
		await expect(page.locator('[data-blackout]').isVisible()).resolves.toBe(true);
		await page.keyboard.press('b');
		await page.keyboard.press('o');
		await expect(page.locator('[data-overview]').isVisible()).resolves.toBe(true);
		await page.keyboard.press('Escape');
		await page.keyboard.press('?');
		await expect(page.locator('[data-help]').isVisible()).resolves.toBe(true);
		await context.close();
	});

	test('the audience follows the presenter both ways, and a late window catches up', async () => {
		const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
		const presenter = await context.newPage();
		await presenter.goto(`${h.base}${PRESENTER}`);
		await ready(presenter);
		const audience = await context.newPage();
		await audience.goto(`${h.base}${DECK}`);
		await ready(audience);
		await presenter.bringToFront();
		await presenter.keyboard.press('ArrowRight');
		await presenter.keyboard.press('ArrowRight');
		await audience.waitForFunction(
			() => document.querySelector<HTMLElement>('main .slide.current')?.dataset['index'] === '3'
		);
		await audience.bringToFront();
		await audience.keyboard.press('ArrowRight');
		await presenter.waitForFunction(
			() =>
				document.querySelector<HTMLElement>('[data-viewport="current"] .slide.current')?.dataset[
					'index'
				] === '4'
		);
		const late = await context.newPage();
		await late.goto(`${h.base}${DECK}`);
		await ready(late);
		await late.waitForFunction(
			() => document.querySelector<HTMLElement>('main .slide.current')?.dataset['index'] === '4'
		);
		await context.close();
	});

	test('instructor notes are never in the audience page, and are in the presenter view', async () => {
		const context = await h.browser.newContext();
		const audience = await context.newPage();
		await audience.goto(`${h.base}${DECK}`);
		await ready(audience);
		const presenter = await context.newPage();
		await presenter.goto(`${h.base}${PRESENTER}`);
		await ready(presenter);
		const notes = await presenter.locator('[data-notes-for]').allTextContents();
		const sample = notes
			.map((n) => n.trim())
			.filter((n) => n.length > 60 && !n.startsWith('No notes'));
		expect(sample.length).toBeGreaterThan(2);
		const audienceText = await audience.evaluate(() => document.documentElement.outerHTML);
		for (const note of sample) expect(audienceText).not.toContain(note.slice(0, 50));
		expect(
			await audience.locator('[data-slide-note], [data-instructor-note], [data-notes-for]').count()
		).toBe(0);
		await context.close();
	});

	test('the presenter view shows the next slide, the notes of this slide and the pacing', async () => {
		const context = await h.browser.newContext({ viewport: { width: 1400, height: 860 } });
		const page = await context.newPage();
		await page.goto(`${h.base}${PRESENTER}#2`);
		await ready(page);
		await expect(page.locator('[data-viewport="next"] .slide').count()).resolves.toBe(1);
		await expect(
			page.locator('[data-notes-for]:not([hidden])').getAttribute('data-notes-for')
		).resolves.toBe('2');
		await expect(page.locator('[data-pace]').textContent()).resolves.toMatch(/Timer paused/);
		await page.keyboard.press('t');
		await expect(page.locator('[data-pace]').textContent()).resolves.toMatch(
			/On time|Ahead|Behind/
		);
		await context.close();
	});

	test('axe finds no violation on a slide, the overview and the presenter view', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const context = await h.browser.newContext({
				colorScheme,
				viewport: { width: 1280, height: 720 },
			});
			const page = await context.newPage();
			await page.goto(`${h.base}${DECK}#3`);
			await ready(page);
			expect(await axeViolations(page)).toEqual([]);
			await page.keyboard.press('o');
			expect(await axeViolations(page)).toEqual([]);
			await page.goto(`${h.base}${PRESENTER}#3`);
			await ready(page);
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		}
	});

	test('printing gives one slide per page', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${h.base}${DECK}`);
		await ready(page);
		const slides = await page.locator('main .slide').count();
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages).toBe(slides);
		await context.close();
	});

	test('a handout lists the exercises without solutions, and the instructor handout with them', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${h.base}/chapters/l1-first-app/`);
		const inChapter = await page.locator('exercise-workspace').count();
		expect(inChapter).toBeGreaterThan(0);
		await page.goto(`${h.base}/handout/l1-first-app/`);
		await expect(page.locator('article.handout-exercise').count()).resolves.toBe(inChapter);
		await expect(
			page.getByRole('heading', { name: 'Solution', exact: true }).count()
		).resolves.toBe(0);
		await page.goto(`${h.base}/handout/l1-first-app/instructor/`);
		await expect(
			page.getByRole('heading', { name: 'Solution', exact: true }).count()
		).resolves.toBe(inChapter);
		await context.close();
	});
});
