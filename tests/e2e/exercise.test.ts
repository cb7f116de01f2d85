import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, browserAvailable, startHarness, tabTo, type Harness } from './harness.js';

const run = browserAvailable();
const CHAPTER = '/chapters/l1-first-app/';
const EX = '#exercise-flask-image';

const WRONG = [
	'FROM python:3.12-slim',
	'WORKDIR /app',
	'COPY app.py /app/',
	'RUN pip install --no-cache-dir flask',
	'EXPOSE 5000',
	'CMD python app.py',
	'USER 10001:10001',
].join('\n');

/** Opens the chapter and waits for the exercise element to be ready. */
async function openExercise(page: Page, base: string): Promise<void> {
	await page.goto(`${base}${CHAPTER}${EX}`);
	await page.waitForFunction(() => customElements.get('exercise-workspace'));
}

/** Clicks the exercise's code and waits until the editor takes keys. */
async function startEditor(page: Page): Promise<void> {
	await page.locator(`${EX} [data-editor-host]`).click();
	await page.locator(`${EX} .monaco-editor textarea`).waitFor();
}

/** Replaces the editor's whole text as typed input. */
async function replaceText(page: Page, text: string): Promise<void> {
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(text);
}

describe.skipIf(!run)('exercise workspace in Chromium', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	test('no editor script is requested before the first interaction', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
		});
		await openExercise(page, h.base);
		await page.waitForLoadState('networkidle');
		expect(scripts.filter((s) => /editor|monaco|worker/i.test(s))).toEqual([]);
		await page.locator(`${EX} [data-editor-host]`).click();
		await page.locator(`${EX} .monaco-editor`).waitFor();
		expect(scripts.some((s) => /monaco-editor\.[\w-]+\.js$/.test(s))).toBe(true);
		await context.close();
	});

	test('the Dockerfile and YAML grammars colour keywords apart from plain text; Ctrl+/ comments a line', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await openExercise(page, h.base);
		/** Token classes of the first editor line in `root` that holds `word`, by token text. */
		const tokens = async (root: Locator, word: RegExp): Promise<Record<string, string>> => {
			const line = root.locator('.monaco-editor .view-line', { hasText: word }).first();
			await line.waitFor();
			return line.evaluate((el) =>
				Object.fromEntries(
					[...el.querySelectorAll('span > span')].map((t) => [t.textContent?.trim(), t.className])
				)
			);
		};
		const dockerfile = page.locator(EX);
		await dockerfile.locator('[data-editor-host]').click();
		// Lines show as plain text first and take their colours once the grammar has run.
		await expect
			.poll(async () => Object.keys(await tokens(dockerfile, /^FROM\s/)), { timeout: 10_000 })
			.toContain('FROM');
		const docker = await tokens(dockerfile, /^FROM\s/);
		expect(docker['FROM']).toMatch(/^mtk\d+$/);
		expect(docker['FROM']).not.toBe(docker['python:3.12-slim']);
		// The language's comment marker comes from its configuration: Ctrl+/ comments the line.
		await page.keyboard.press('Control+Home');
		await page.keyboard.press('Control+/');
		await expect
			.poll(() => dockerfile.locator('.monaco-editor .view-line').first().textContent())
			.toMatch(/^#\s+FROM\s/);
		const compose = page.locator('exercise-workspace', {
			has: page.locator('[data-editor-host][data-kind="compose"]'),
		});
		await compose.locator('[data-editor-host]').click();
		await expect
			.poll(async () => Object.keys(await tokens(compose, /^services:/)), { timeout: 10_000 })
			.toContain('services');
		const yaml = await tokens(compose, /^services:/);
		expect(yaml['services']).toMatch(/^mtk\d+$/);
		expect(yaml['services']).not.toBe(yaml[':']);
		await context.close();
	});

	test('an editor that cannot load says so, keeps the text, and loads on the next click', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await page.route(/\/monaco-editor\.[\w-]+\.js$/, (route) => route.abort());
		await openExercise(page, h.base);
		const host = page.locator(`${EX} [data-editor-host]`);
		const before = await host.innerText();
		await host.click();
		await expect
			.poll(() => page.locator(`${EX} [data-status]`).innerText())
			.toContain('The editor could not load');
		expect(await host.getAttribute('aria-busy')).toBeNull();
		expect(await host.innerText()).toBe(before);
		await page.unroute(/\/monaco-editor\.[\w-]+\.js$/);
		await host.click();
		await page.locator(`${EX} .monaco-editor .view-lines`).waitFor();
		expect(await page.locator(`${EX} [data-status]`).innerText()).not.toContain('could not load');
		await context.close();
	});

	test('a wrong line gets a marker on that line; fixing it makes Check pass; a reload keeps it', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await openExercise(page, h.base);
		await startEditor(page);
		await replaceText(page, WRONG);
		const finding = page.locator(`${EX} [data-findings] .finding`, { hasText: 'line 6' });
		await finding.waitFor();
		await expect(finding.textContent()).resolves.toContain('docker/json-cmd');
		const squiggle = page.locator(
			`${EX} .monaco-editor .view-overlays > div:nth-child(6) [class*="squiggly"]`
		);
		await expect(squiggle.count()).resolves.toBeGreaterThan(0);
		await page.locator(`${EX} [data-action="check"]`).click();
		// Grading runs in the worker: the check list changes when its answer arrives.
		await expect
			.poll(() => page.locator(`${EX} [data-check="exec-form-cmd"]`).getAttribute('data-state'))
			.toBe('missing');
		await finding.locator('button').click();
		await page.keyboard.press('End');
		await page.keyboard.press('Shift+Home');
		await page.keyboard.insertText('CMD ["python", "app.py"]');
		await page.locator(`${EX} [data-action="check"]`).click();
		await page.waitForFunction(
			(sel) => document.querySelector(`${sel} [data-status]`)?.textContent?.startsWith('Well done'),
			EX
		);
		await page.reload();
		await page.waitForFunction(() => customElements.get('exercise-workspace'));
		await expect(page.locator(`${EX} [data-editor-host] pre`).textContent()).resolves.toContain(
			'CMD ["python", "app.py"]'
		);
		await expect(page.locator(`${EX} [data-status]`).textContent()).resolves.toMatch(/solved/);
		await context.close();
	});

	test('text typed just before leaving the page is kept', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await openExercise(page, h.base);
		await startEditor(page);
		await replaceText(page, `${WRONG}# typed last\n`);
		await page.reload();
		await page.waitForFunction(() => customElements.get('exercise-workspace'));
		await expect(page.locator(`${EX} [data-editor-host] pre`).textContent()).resolves.toContain(
			'# typed last'
		);
		await context.close();
	});

	test('the whole exercise works with the keyboard alone, and focus leaves the editor', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await openExercise(page, h.base);
		await tabTo(page, `${EX} [data-edit]`);
		await expect(page.locator(`${EX} [data-edit]`).textContent()).resolves.toContain(
			'Edit Dockerfile'
		);
		await page.keyboard.press('Enter');
		await page.locator(`${EX} .monaco-editor textarea`).waitFor();
		await expect(page.locator(`${EX} [data-edit]`).isHidden()).resolves.toBe(true);
		await replaceText(page, WRONG.replace('CMD python app.py', 'CMD ["python", "app.py"]'));
		await page.keyboard.press('Escape');
		await page.keyboard.press('Tab');
		await expect(
			page.evaluate((sel) => document.activeElement?.matches(`${sel} [data-action="check"]`), EX)
		).resolves.toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForFunction(
			(sel) => document.querySelector(`${sel} [data-status]`)?.textContent?.startsWith('Well done'),
			EX
		);
		await tabTo(page, `${EX} [data-action="hint"]`);
		await page.keyboard.press('Enter');
		await expect(page.locator(`${EX} [data-hint]:not([hidden])`).count()).resolves.toBe(1);
		await context.close();
	});

	test('hints unlock one at a time; the solution comes last, after a confirmation, and is recorded', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		await openExercise(page, h.base);
		const hint = page.locator(`${EX} [data-action="hint"]`);
		const total = await page.locator(`${EX} [data-hint]`).count();
		for (let i = 0; i < total; i++) {
			await expect(page.locator(`${EX} [data-action="solution"]`).isHidden()).resolves.toBe(true);
			await hint.click();
		}
		await expect(hint.isHidden()).resolves.toBe(true);
		page.once('dialog', (d) => void d.dismiss());
		await page.locator(`${EX} [data-action="solution"]`).click();
		await expect(page.locator(`${EX} [data-solution]`).isHidden()).resolves.toBe(true);
		page.once('dialog', (d) => void d.accept());
		await page.locator(`${EX} [data-action="solution"]`).click();
		await expect(
			page.locator(`${EX} [data-solution] pre`).first().textContent()
		).resolves.toContain('FROM');
		const saved = await page.evaluate(() =>
			JSON.parse(localStorage.getItem('spinup:progress') ?? '{}')
		);
		expect(saved.exercises['flask-image']).toMatchObject({ hintsUsed: total, solutionShown: true });
		await context.close();
	});

	test('axe finds no violation with the editor open, in light and dark mode', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const context = await h.browser.newContext({ colorScheme });
			const page = await context.newPage();
			await openExercise(page, h.base);
			await page.locator(`${EX} [data-editor-host]`).click();
			await page.locator(`${EX} .monaco-editor`).waitFor();
			await replaceText(page, WRONG);
			await page.locator(`${EX} [data-findings] .finding`).first().waitFor();
			await page.locator(`${EX} [data-action="check"]`).click();
			await page.locator(`${EX} [data-check][data-state]`).first().waitFor();
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		}
	});
});
