import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtPages } from '../helpers/dist.js';
import { axeViolations, browserAvailable, startHarness, tabTo, type Harness } from './harness.js';

const run = browserAvailable();

describe.skipIf(!run)('course site in Chromium', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	test('a learner moves through all six chapters with the keyboard alone', async () => {
		const page = await h.browser.newPage();
		await page.goto(`${h.base}/`);
		await tabTo(page, 'a.button.primary');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/chapters\//);
		const visited = [new URL(page.url()).pathname];
		while (await page.locator('a[rel="next"]').count()) {
			await tabTo(page, 'a[rel="next"]', 1500);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => url.pathname !== visited.at(-1));
			visited.push(new URL(page.url()).pathname);
		}
		expect(visited).toHaveLength(6);
		expect(new Set(visited).size).toBe(6);
		await page.close();
	}, 300_000);

	test('the dark-mode choice survives a reload', async () => {
		const context = await h.browser.newContext({ colorScheme: 'light' });
		const page = await context.newPage();
		await page.goto(`${h.base}/chapters/s1-meet-spin/`);
		const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
		expect(await theme()).toBe('light');
		await tabTo(page, 'theme-toggle button');
		await page.keyboard.press('Enter');
		expect(await theme()).toBe('dark');
		await page.reload();
		expect(await theme()).toBe('dark');
		await expect(page.locator('theme-toggle button').getAttribute('aria-pressed')).resolves.toBe(
			'true'
		);
		await context.close();
	});

	test('the page follows the system colour scheme when nothing is chosen', async () => {
		const context = await h.browser.newContext({ colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(`${h.base}/`);
		expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
		await context.close();
	});

	test('the video poster contacts no other host until it is clicked', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		const foreign: string[] = [];
		await context.route(
			(url) => url.hostname !== '127.0.0.1',
			(route) => {
				foreign.push(route.request().url());
				return route.fulfill({
					status: 200,
					contentType: 'text/html',
					body: '<title>player</title>',
				});
			}
		);
		await page.goto(`${h.base}/chapters/s1-meet-spin/`);
		await page.waitForLoadState('networkidle');
		expect(foreign).toEqual([]);
		const poster = page.locator('lazy-video .poster').first();
		await poster.scrollIntoViewIfNeeded();
		await poster.click();
		const frame = page.locator('lazy-video iframe').first();
		await expect(frame.getAttribute('src')).resolves.toMatch(
			/^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?autoplay=1/
		);
		await page.waitForLoadState('networkidle');
		expect(foreign.length).toBeGreaterThan(0);
		expect(foreign.every((u) => u.startsWith('https://www.youtube-nocookie.com/'))).toBe(true);
		await context.close();
	});

	test('marking a chapter done shows in the sidebar and on the home page after a reload', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${h.base}/chapters/s1-meet-spin/`);
		await page.locator('chapter-done button').click();
		await page.reload();
		await expect(
			page.locator('.sidebar progress-mark[data-chapter="s1-meet-spin"]').getAttribute('data-done')
		).resolves.toBe('');
		await page.goto(`${h.base}/`);
		await expect(page.locator('home-progress p').textContent()).resolves.toContain('1 of 6');
		await context.close();
	});

	test('every page except the slide decks fits a 360 px wide phone without sideways scrolling', async () => {
		const context = await h.browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		const wide: string[] = [];
		for (const path of builtPages().map((p) => p.path)) {
			if (path.startsWith('/present/')) continue;
			await page.goto(`${h.base}${path}`);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			if (overflow > 0) wide.push(`${path} +${overflow}px`);
		}
		expect(wide).toEqual([]);
		await context.close();
	}, 120_000);

	const paths = builtPages().map((p) => p.path);
	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violation on any page in ${scheme} mode`, async () => {
			const context = await h.browser.newContext({ colorScheme: scheme });
			const page = await context.newPage();
			const found: string[] = [];
			for (const path of paths) {
				await page.goto(`${h.base}${path}`);
				found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
			}
			expect(found).toEqual([]);
			await context.close();
		}, 240_000);
	}
});
