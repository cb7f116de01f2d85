import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, browserAvailable, startHarness, type Harness } from './harness.js';

const run = browserAvailable();

describe.skipIf(!run)('search in Chromium', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	test('a learner finds and opens a section with the keyboard alone', async () => {
		const page = await h.browser.newPage();
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto(`${h.base}/`);
		await page.waitForFunction(() => customElements.get('site-search'));
		expect(requested).not.toContain('/search-index.json');
		await page.keyboard.press('/');
		const input = page.locator('site-search input[type="search"]');
		await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await page.keyboard.type('registry');
		await page.locator('site-search [role="option"]').first().waitFor();
		expect(requested).toContain('/search-index.json');
		const marked = await page.locator('site-search [role="option"] mark').first().textContent();
		expect(marked?.toLowerCase()).toContain('registry');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp');
		const target = await page
			.locator('site-search [role="option"][aria-selected="true"]')
			.getAttribute('data-href');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => `${url.pathname}${url.hash}` === target);
		const hash = new URL(page.url()).hash;
		if (hash) await expect(page.locator(hash).count()).resolves.toBe(1);
		await page.close();
	});

	test('Ctrl-K opens the dialog and Esc closes it and returns focus', async () => {
		const page = await h.browser.newPage();
		await page.goto(`${h.base}/glossary/`);
		await page.waitForFunction(() => customElements.get('site-search'));
		await page.locator('theme-toggle button').focus();
		await page.keyboard.press('Control+k');
		await page.locator('site-search dialog[open]').waitFor();
		await page.keyboard.press('Escape');
		await expect(page.locator('site-search dialog[open]').count()).resolves.toBe(0);
		await expect(
			page.evaluate(() => document.activeElement?.closest('theme-toggle') !== null)
		).resolves.toBe(true);
		await page.close();
	});

	test('lunr syntax and stop words give a calm answer, not an error', async () => {
		const page = await h.browser.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${h.base}/`);
		await page.waitForFunction(() => customElements.get('site-search'));
		await page.keyboard.press('Control+k');
		for (const q of ['title:~^', 'the of and', '***']) {
			await page.locator('site-search input').fill(q);
			await page.waitForTimeout(150);
		}
		await expect(page.locator('site-search .status').textContent()).resolves.toMatch(/No results/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the search page answers ?q= and suggests the glossary when nothing matches', async () => {
		const page = await h.browser.newPage();
		await page.goto(`${h.base}/search/?q=capabilities`);
		await page.locator('#search-page-results li').first().waitFor();
		await page.goto(`${h.base}/search/?q=zzzzqqq`);
		await page.locator('.no-results:not([hidden])').waitFor();
		await expect(page.locator('.no-results a[href="/glossary/"]').count()).resolves.toBe(1);
		await page.close();
	});

	test('axe finds no violation on the open dialog and the search page', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${h.base}/`);
		await page.waitForFunction(() => customElements.get('site-search'));
		await page.keyboard.press('Control+k');
		await page.waitForFunction(() => document.activeElement?.matches('site-search input'));
		await page.keyboard.type('image');
		await page.locator('site-search [role="option"]').first().waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(`${h.base}/search/?q=image`);
		await page.locator('#search-page-results li').first().waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});
