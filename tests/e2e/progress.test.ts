import { readFileSync } from 'node:fs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, browserAvailable, startHarness, tabTo, type Harness } from './harness.js';

const run = browserAvailable();
const KEY = 'spinup:progress';

/** An exercise entry as the exercise widget saves it. */
const FLASK = {
	files: { Dockerfile: 'FROM python:3.12-slim\nUSER 1000:1000\nCMD ["python", "app.py"]\n' },
	attempts: 3,
	passed: true,
	firstPassedAt: '2026-01-02T10:00:00.000Z',
	hintsUsed: 2,
	solutionShown: false,
	params: {},
};

/** Reads the saved progress document of a page's origin. */
async function saved(page: Page): Promise<unknown> {
	return JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? 'null');
}

/** Returns an element's text with spaces collapsed. */
async function text(page: Page, selector: string): Promise<string> {
	return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Reads a download's file before its context closes. */
async function contentOf(download: Download): Promise<string> {
	return readFileSync(await download.path(), 'utf8');
}

describe.skipIf(!run)('My progress page in Chromium', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	/** Opens /progress/ and waits for its script. */
	async function openProgress(page: Page): Promise<void> {
		await page.goto(`${h.base}/progress/`);
		await page.waitForFunction(() => customElements.get('progress-page'));
	}

	/** Opens a context whose saved progress has one chapter done and one exercise passed. */
	async function withProgress(
		options: Parameters<typeof h.browser.newContext>[0] = {}
	): Promise<{ context: BrowserContext; page: Page }> {
		const context = await h.browser.newContext(options);
		const page = await context.newPage();
		await page.goto(`${h.base}/progress/`);
		await page.evaluate(
			([key, flask]) =>
				localStorage.setItem(
					key,
					JSON.stringify({
						version: 1,
						chapters: { 'l1-first-app': { done: true, sectionsRead: [] } },
						exercises: { 'flask-image': flask },
					})
				),
			[KEY, FLASK] as const
		);
		await openProgress(page);
		return { context, page };
	}

	test('progress made on a chapter page comes back after export and import into a new browser profile', async () => {
		const first = await h.browser.newContext();
		const page = await first.newPage();
		await page.goto(`${h.base}/chapters/l1-first-app/`);
		await page.waitForFunction(() => customElements.get('chapter-done'));
		await page.locator('chapter-done button').click();
		await page.evaluate(
			([key, flask]) => {
				const doc = JSON.parse(localStorage.getItem(key) ?? '{}');
				doc.exercises = {
					'flask-image': flask,
					capstone: { ...flask, passed: false, solutionShown: true },
				};
				doc.attendance = { 's1-meet-spin': 'ABCDEFGHJK' };
				doc.learner = { username: 'alice', email: 'alice@example.org' };
				localStorage.setItem(key, JSON.stringify(doc));
			},
			[KEY, FLASK] as const
		);
		await openProgress(page);
		expect(await text(page, '[data-total="chapters"]')).toBe('1 of 6');
		expect(await text(page, '[data-total="passed"]')).toMatch(/^1 of \d+$/);
		expect(await text(page, '[data-total="hints"]')).toBe('4');
		expect(await text(page, '[data-total="solutions"]')).toBe('1');
		expect(await text(page, 'li[data-chapter="l1-first-app"] > [data-state]')).toBe('Done');
		expect(await text(page, 'li[data-exercise="flask-image"] [data-state]')).toMatch(
			/^Passed · 3 attempts · 2 of \d+ hints$/
		);
		await expect(
			page.locator('li[data-exercise="flask-image"] a').getAttribute('href')
		).resolves.toBe('/chapters/l1-first-app/#exercise-flask-image');

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-action="export"]').click(),
		]);
		expect(download.suggestedFilename()).toMatch(/^spinup-progress-\d{4}-\d{2}-\d{2}\.json$/);
		const file = await contentOf(download);
		const before = await saved(page);
		expect(JSON.parse(file)).toMatchObject({
			format: 'spinup-progress',
			version: 1,
			progress: before,
		});
		await first.close();

		const second = await h.browser.newContext();
		const fresh = await second.newPage();
		await openProgress(fresh);
		expect(await text(fresh, '[data-total="chapters"]')).toBe('0 of 6');
		await fresh.locator('#import-file').setInputFiles({
			name: download.suggestedFilename(),
			mimeType: 'application/json',
			buffer: Buffer.from(file),
		});
		await fresh.locator('[data-preview]').waitFor();
		const holds = await text(fresh, '[data-contents]');
		expect(holds).toContain('Chapters marked done: 1');
		expect(holds).toContain('Exercises with saved work or attempts: 2 (1 passed)');
		expect(holds).toContain('Attendance codes: 1');
		await fresh.locator('[data-action="replace"]').click();
		expect(await text(fresh, '[data-status="import"]')).toContain('replaced');
		expect(await saved(fresh)).toEqual(before);
		expect(await text(fresh, '[data-total="chapters"]')).toBe('1 of 6');
		await fresh.goto(`${h.base}/chapters/l1-first-app/`);
		await fresh.waitForFunction(() => customElements.get('chapter-done'));
		await expect(fresh.locator('chapter-done button').getAttribute('aria-pressed')).resolves.toBe(
			'true'
		);
		await second.close();
	});

	test('merging a file keeps the progress already in the browser', async () => {
		const { context, page } = await withProgress();
		const file = JSON.stringify({
			format: 'spinup-progress',
			version: 1,
			exportedAt: '2026-01-03T00:00:00.000Z',
			progress: { version: 1, chapters: { 's1-meet-spin': { done: true, sectionsRead: [] } } },
		});
		await page.locator('#import-file').setInputFiles({
			name: 'other.json',
			mimeType: 'application/json',
			buffer: Buffer.from(file),
		});
		await page.locator('[data-action="merge"]').click();
		expect(await text(page, '[data-status="import"]')).toContain('merged');
		expect(await text(page, '[data-total="chapters"]')).toBe('2 of 6');
		expect(await saved(page)).toMatchObject({ exercises: { 'flask-image': FLASK } });
		await context.close();
	});

	test('a damaged file is refused with the field named and nothing changes', async () => {
		const { context, page } = await withProgress();
		const before = await saved(page);
		const damaged = JSON.stringify({
			format: 'spinup-progress',
			version: 1,
			exportedAt: '2026-01-03T00:00:00.000Z',
			progress: { version: 1, exercises: { x: { attempts: 'many' } } },
		});
		for (const [buffer, expected] of [
			[damaged, 'progress.exercises.x.attempts'],
			['not json at all', 'does not contain JSON'],
			[JSON.stringify({ format: 'spinup-progress', version: 9 }), 'newer version'],
			[JSON.stringify({ hello: 1 }), 'not a SpinUp progress file'],
		] as const) {
			await page.locator('#import-file').setInputFiles({
				name: 'bad.json',
				mimeType: 'application/json',
				buffer: Buffer.from(buffer),
			});
			await page.waitForFunction(
				(want) => document.querySelector('#import-error')?.textContent?.includes(want),
				expected
			);
			await expect(page.locator('#import-file').getAttribute('aria-invalid')).resolves.toBe('true');
			await expect(page.locator('[data-preview]').isHidden()).resolves.toBe(true);
		}
		expect(await saved(page)).toEqual(before);
		await context.close();
	});

	test('reset asks for confirmation, names what is lost, and clears after confirming', async () => {
		const { context, page } = await withProgress();
		const before = await saved(page);
		await page.locator('[data-action="reset"]').click();
		const dialog = page.locator('progress-page dialog');
		await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
		const lost = await text(page, '[data-loses]');
		expect(lost).toContain('Chapters marked done: 1');
		expect(lost).toContain('Exercises with saved work or attempts: 1 (1 passed)');
		expect(await text(page, '#reset-advice')).toContain('Export your progress first');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-action="reset-export"]').click(),
		]);
		expect(JSON.parse(await contentOf(download)).progress).toMatchObject(before as object);
		await page.locator('[data-action="reset-cancel"]').click();
		await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
		expect(await saved(page)).toEqual(before);

		await page.locator('[data-action="reset"]').click();
		await page.locator('[data-action="reset-confirm"]').click();
		expect(await saved(page)).toBeNull();
		expect(await text(page, '[data-status="reset"]')).toContain('was reset');
		expect(await text(page, '[data-total="chapters"]')).toBe('0 of 6');
		await expect(page.locator('[data-recoveries] li').count()).resolves.toBe(1);
		await page.reload();
		await page.waitForFunction(() => customElements.get('progress-page'));
		expect(await text(page, '[data-total="chapters"]')).toBe('0 of 6');
		await context.close();
	});

	test('a corrupt entry is reported, can be downloaded or discarded, and the page still works', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		const corrupt = '{"version":1,"chapters":{"l1-first-app":{"done":tru';
		await page.goto(`${h.base}/progress/`);
		await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [KEY, corrupt] as const);
		await openProgress(page);
		expect(await text(page, '[data-issues] li')).toContain('not valid JSON');
		expect(await text(page, '[data-recoveries] li')).toContain('unreadable');
		await expect(page.locator('[data-no-problems]').isHidden()).resolves.toBe(true);
		const [raw] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-recoveries] button', { hasText: 'Download' }).click(),
		]);
		expect(await contentOf(raw)).toBe(corrupt);

		await page.goto(`${h.base}/chapters/l1-first-app/`);
		await page.waitForFunction(() => customElements.get('chapter-done'));
		await page.locator('chapter-done button').click();
		await openProgress(page);
		expect(await text(page, '[data-total="chapters"]')).toBe('1 of 6');
		const [exported] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-action="export"]').click(),
		]);
		expect(JSON.parse(await contentOf(exported)).progress.chapters['l1-first-app'].done).toBe(true);

		await page.locator('[data-recoveries] button', { hasText: 'Discard' }).click();
		await expect(page.locator('[data-recoveries]').isHidden()).resolves.toBe(true);
		await expect(page.locator('[data-no-problems]').isVisible()).resolves.toBe(true);
		await context.close();
	});

	test('a full storage quota is reported and nothing already saved is lost', async () => {
		const { context, page } = await withProgress();
		await page.evaluate(() => {
			for (let size = 1 << 20, i = 0; size >= 1; size = Math.floor(size / 2)) {
				const chunk = 'x'.repeat(size);
				try {
					for (;;) localStorage.setItem(`fill:${i++}`, chunk);
				} catch {
					// Full at this size: try a smaller one.
				}
			}
		});
		const before = await saved(page);

		await page.goto(`${h.base}/chapters/s1-meet-spin/`);
		await page.waitForFunction(() => customElements.get('chapter-done'));
		await page.locator('chapter-done button').click();
		expect(await text(page, 'chapter-done .status')).toContain('QuotaExceededError');
		expect(await saved(page)).toEqual(before);

		await openProgress(page);
		await page.locator('[data-action="reset"]').click();
		await page.locator('[data-action="reset-confirm"]').click();
		expect(await text(page, '[data-status="reset"]')).toContain('The reset could not be saved');
		expect(await saved(page)).toEqual(before);

		await page.locator('#import-file').setInputFiles({
			name: 'other.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify({ version: 1, chapters: { x: { done: true } } })),
		});
		await page.locator('[data-action="replace"]').click();
		expect(await text(page, '[data-status="import"]')).toContain('The import could not be saved');
		expect(await saved(page)).toEqual(before);
		expect(await text(page, '[data-total="chapters"]')).toBe('1 of 6');
		expect(await text(page, '[data-issues]')).toContain('QuotaExceededError');
		await context.close();
	});

	test('a readable recovered copy can be imported again', async () => {
		const { context, page } = await withProgress();
		await page.locator('[data-action="reset"]').click();
		await page.locator('[data-action="reset-confirm"]').click();
		await page.locator('[data-recoveries] button', { hasText: 'Import' }).click();
		await page.locator('[data-action="replace"]').click();
		expect(await saved(page)).toMatchObject({ exercises: { 'flask-image': FLASK } });
		expect(await text(page, '[data-total="chapters"]')).toBe('1 of 6');
		await context.close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violation on /progress/ in ${scheme} mode, with problems, a preview and the dialog`, async () => {
			const { context, page } = await withProgress({ colorScheme: scheme });
			await page.evaluate(() =>
				localStorage.setItem('spinup:progress:recovered:2026-01-01T00:00:00.000Z', 'broken')
			);
			await openProgress(page);
			const found: string[] = [];
			const check = async (state: string): Promise<void> => {
				found.push(...(await axeViolations(page)).map((v) => `${state}: ${v}`));
			};
			await check('loaded');
			await page.locator('#import-file').setInputFiles({
				name: 'p.json',
				mimeType: 'application/json',
				buffer: Buffer.from(JSON.stringify({ version: 1 })),
			});
			await page.locator('[data-preview]').waitFor();
			await check('preview');
			await page.locator('#import-file').setInputFiles({
				name: 'bad.json',
				mimeType: 'application/json',
				buffer: Buffer.from('nope'),
			});
			await page.waitForFunction(() => document.querySelector('#import-error')?.textContent);
			await check('error');
			await page.locator('[data-action="reset"]').click();
			await check('dialog');
			expect(found).toEqual([]);
			await context.close();
		});
	}

	test('export, import and reset work with the keyboard alone', async () => {
		const { context, page } = await withProgress();
		await tabTo(page, '[data-action="export"]');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.keyboard.press('Enter'),
		]);
		const file = await contentOf(download);

		// Playwright intercepts file choosers only once a listener exists, and turning that on is
		// asynchronous: listen before the key press that opens one.
		page.on('filechooser', () => undefined);
		await tabTo(page, '#import-file');
		const [chooser] = await Promise.all([
			page.waitForEvent('filechooser'),
			page.keyboard.press('Space'),
		]);
		await chooser.setFiles({
			name: 'mine.json',
			mimeType: 'application/json',
			buffer: Buffer.from(file),
		});
		await page.waitForFunction(() => document.activeElement?.id === 'import-holds');
		await tabTo(page, '[data-action="merge"]');
		await page.keyboard.press('Enter');
		expect(await text(page, '[data-status="import"]')).toContain('merged');

		await tabTo(page, '[data-action="reset"]');
		await page.keyboard.press('Enter');
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-action'));
		expect(await focused()).toBe('reset-cancel');
		await page.keyboard.press('Escape');
		expect(await focused()).toBe('reset');
		expect(await saved(page)).not.toBeNull();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Shift+Tab');
		expect(await focused()).toBe('reset-confirm');
		await page.keyboard.press('Enter');
		expect(await saved(page)).toBeNull();
		expect(await focused()).toBe('reset');
		await context.close();
	});

	test('the banner reports a corrupt entry on other pages and links to My progress', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${h.base}/`);
		await page.evaluate((key) => localStorage.setItem(key, '{"version":1,'), KEY);
		await page.goto(`${h.base}/chapters/s1-meet-spin/`);
		const alert = page.locator('progress-issues [role="alert"]');
		await alert.waitFor();
		expect(await text(page, 'progress-issues [role="alert"]')).toContain('not valid JSON');
		await alert.locator('a').click();
		await page.waitForURL(`${h.base}/progress/#problems`);
		await page.waitForFunction(() => customElements.get('progress-page'));
		await expect(page.locator('progress-issues [role="alert"]').count()).resolves.toBe(0);
		expect(await text(page, '[data-recoveries] li')).toContain('unreadable');
		await context.close();
	});
});
