import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, browserAvailable, startHarness, type Harness } from './harness.js';

const run = browserAvailable();

const SHIP = 'terminal-panel[data-id="ship-to-registry"]';
const ROLLOUT = 'terminal-panel[data-id="rollout-and-undo"]';
/** A string that only xterm.js's code contains. */
const XTERM_MARK = 'xterm-helper-textarea';

/** A script or stylesheet the page loaded, with its body. */
interface Loaded {
	path: string;
	type: string;
	body: Buffer;
}

/** Records every script and stylesheet the page receives. */
function recordAssets(page: Page): Loaded[] {
	const loaded: Loaded[] = [];
	page.on('response', (response: Response) => {
		const type = response.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet') return;
		void response
			.body()
			.then((body) => loaded.push({ path: new URL(response.url()).pathname, type, body }))
			.catch(() => undefined);
	});
	return loaded;
}

/** Opens a chapter and waits until the terminal element is defined. */
async function openChapter(page: Page, base: string, slug: string): Promise<void> {
	await page.goto(`${base}/chapters/${slug}/`);
	await page.waitForFunction(() => customElements.get('terminal-panel'));
}

/** Opens a panel's terminal with the keyboard and waits for the prompt. */
async function openTerminal(page: Page, panel: string): Promise<number> {
	await page.locator(`${panel} button[data-action="open"]`).focus();
	await page.keyboard.press('Enter');
	await page.waitForFunction(
		(sel) => document.querySelector<HTMLElement>(sel)?.dataset['openMs'] !== undefined,
		panel
	);
	await page.locator(`${panel} .xterm-rows`).getByText('$').first().waitFor();
	return Number(await page.locator(panel).getAttribute('data-open-ms'));
}

/** Types a command into the focused terminal and presses Enter. */
async function type(page: Page, command: string): Promise<void> {
	await page.keyboard.type(command);
	await page.keyboard.press('Enter');
}

/** The visible text of a terminal's screen. */
async function screen(page: Page, panel: string): Promise<string> {
	return (await page.locator(`${panel} .xterm-rows`).innerText()).replace(/\u00a0/g, ' ');
}

/** Whether the focus is inside a panel's terminal. */
async function focusInTerminal(page: Page, panel: string): Promise<boolean> {
	return page.evaluate((sel) => document.activeElement?.closest(`${sel} .xterm`) !== null, panel);
}

describe.skipIf(!run)('the simulated terminal in Chromium', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
	});

	test('loads nothing of xterm before Open; a task typed at the keyboard passes Check and survives a reload', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		const loaded = recordAssets(page);
		await openChapter(page, h.base, 's2-running-services');
		await page.waitForLoadState('networkidle');
		const before = loaded.length;
		expect(before).toBeGreaterThan(0);
		expect(loaded.filter((a) => a.body.includes(XTERM_MARK)).map((a) => a.path)).toEqual([]);
		expect(loaded.filter((a) => /xterm|sim-session|line-editor/.test(a.path))).toEqual([]);
		expect(await page.locator(`${SHIP} .xterm`).count()).toBe(0);
		expect(await page.content()).not.toContain('.xterm-viewport');

		const openMs = await openTerminal(page, SHIP);
		expect(await focusInTerminal(page, SHIP)).toBe(true);
		await page.waitForLoadState('networkidle');
		const opened = loaded.slice(before);
		const xterm = opened.filter((a) => a.body.includes(XTERM_MARK));
		expect(xterm.length).toBeGreaterThan(0);
		expect(opened.some((a) => a.type === 'stylesheet' && a.body.includes('.xterm-viewport'))).toBe(
			true
		);
		const gz = (list: Loaded[]) => list.reduce((n, a) => n + gzipSync(a.body).length, 0);
		const js = opened.filter((a) => a.type === 'script');
		console.log(
			`terminal first open: ${openMs} ms from click to prompt; xterm chunk ${gz(xterm)} B gzip; ` +
				`all JS of the first open ${gz(js)} B gzip in ${js.length} files; ` +
				`CSS ${gz(opened.filter((a) => a.type === 'stylesheet'))} B gzip`
		);

		await type(page, 'docker build --tag my-first-container-app:v1 .');
		await page.keyboard.type('docker tag my-first-con');
		await page.keyboard.press('Tab');
		await page.keyboard.type('registry.nersc.gov/m1234/elvis/my-first-container-app:v1');
		await page.keyboard.press('Enter');
		await type(page, 'docker push registry.nersc.gov/m1234/elvis/my-first-container-app:v1');
		await expect.poll(() => screen(page, SHIP)).toContain('unauthorized: authentication required');
		await type(page, 'docker login registry.nersc.gov');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Enter');
		await expect.poll(() => screen(page, SHIP)).toContain('v1: digest: sha256:');

		await page.keyboard.press('Escape');
		await page.keyboard.press('Tab');
		expect(await focusInTerminal(page, SHIP)).toBe(false);
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('data-action'))
		).resolves.toBe('check');
		await page.keyboard.press('Enter');
		await page.waitForFunction(
			(sel) => document.querySelector(`${sel} [data-status]`)?.textContent?.startsWith('Well done'),
			SHIP
		);
		const states = await page
			.locator(`${SHIP} [data-check]`)
			.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['state']));
		expect(states).toEqual(['passed', 'passed', 'passed', 'passed']);
		const saved = await page.evaluate(() => {
			const progress = JSON.parse(localStorage.getItem('spinup:progress') ?? '{}') as {
				exercises?: Record<
					string,
					{ passed: boolean; attempts: number; files: Record<string, string> }
				>;
			};
			return progress.exercises?.['ship-to-registry'];
		});
		expect(saved?.passed).toBe(true);
		expect(saved?.attempts).toBe(1);
		expect(saved?.files['commands.txt']?.split('\n')).toHaveLength(5);

		await page.keyboard.press('Shift+Tab');
		expect(await focusInTerminal(page, SHIP)).toBe(true);

		await page.reload();
		await page.waitForFunction(() => customElements.get('terminal-panel'));
		await expect(page.locator(`${SHIP} [data-status]`).textContent()).resolves.toContain(
			'solved this task before'
		);
		await openTerminal(page, SHIP);
		await expect.poll(() => screen(page, SHIP)).toContain('earlier session is back (5 commands)');
		await type(page, 'history');
		await expect
			.poll(() => screen(page, SHIP))
			.toContain('5  docker push registry.nersc.gov/m1234/elvis/my-first-container-app:v1');
		await page.locator(`${SHIP} button[data-action="check"]`).click();
		await page.waitForFunction(
			(sel) => document.querySelector(`${sel} [data-status]`)?.textContent?.startsWith('Well done'),
			SHIP
		);
		await context.close();
	});

	test('a near miss shows what is missing, and the terminal follows the colour scheme', async () => {
		const context = await h.browser.newContext({ colorScheme: 'light' });
		const page = await context.newPage();
		await openChapter(page, h.base, 'l2-run-in-spin');
		await openTerminal(page, ROLLOUT);
		await type(page, 'kubectl apply -f app.yaml');
		await type(page, 'kubectl apply -f app-v3.yaml');
		await type(page, 'kubectl rollout undo deployment/app -n myuser-first-app');
		await page.locator(`${ROLLOUT} button[data-action="check"]`).click();
		await page.waitForFunction(
			(sel) => document.querySelector(`${sel} [data-status]`)?.textContent?.includes('2 of 3'),
			ROLLOUT
		);
		await expect(
			page.locator(`${ROLLOUT} [data-check="on-v2"]`).getAttribute('data-state')
		).resolves.toBe('missing');
		await expect(
			page.locator(`${ROLLOUT} [data-check="on-v2"] .why`).textContent()
		).resolves.toContain('my-first-container-app:v2');
		const background = () =>
			page
				.locator(`${ROLLOUT} .xterm-scrollable-element`)
				.evaluate((el) => getComputedStyle(el).backgroundColor);
		await expect.poll(background).toBe('rgb(246, 248, 250)');
		await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
		await expect.poll(background).toBe('rgb(27, 31, 36)');
		await context.close();
	});

	test('the open terminal and its checks fit a 360 px wide phone', async () => {
		const context = await h.browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await openChapter(page, h.base, 's2-running-services');
		const overflow = () =>
			page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
		expect(await overflow()).toBe(0);
		await openTerminal(page, SHIP);
		await type(page, 'docker build --tag my-first-container-app:v1 .');
		await page.locator(`${SHIP} button[data-action="check"]`).click();
		await page.locator(`${SHIP} [data-check="pushed"] .why`).waitFor();
		expect(await overflow()).toBe(0);
		await expect.poll(() => screen(page, SHIP)).toContain('naming to docker.io');
		await context.close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violation with the terminal open in ${scheme} mode`, async () => {
			const context = await h.browser.newContext({ colorScheme: scheme });
			const page = await context.newPage();
			await openChapter(page, h.base, 'l2-run-in-spin');
			await openTerminal(page, ROLLOUT);
			await type(page, 'ls');
			await type(page, 'kubectl apply -f app-v3.yaml');
			await type(page, 'kubectl rollout status deployment/app -n myuser-first-app');
			await type(page, 'docker login registry.nersc.gov');
			await page.keyboard.type('kubectl rollout');
			await page.keyboard.press('Tab');
			await page.locator(`${ROLLOUT} button[data-action="check"]`).click();
			await page.locator(`${ROLLOUT} [data-check="deployed"][data-state]`).waitFor();
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		});
	}
});
