import {
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { readManifest } from '../../src/sw/manifest.mjs';
import { DIST, ROOT } from '../helpers/dist.js';
import { axeViolations, browserAvailable, chromiumPath, tabTo } from './harness.js';

const run = browserAvailable();
const EX = '#exercise-flask-image';
const SHIP = 'terminal-panel[data-id="ship-to-registry"]';
const SOLUTION = readFileSync(join(ROOT, 'exercises/flask-image/solution/Dockerfile'), 'utf8');

/** Resolves once the page is controlled by a service worker. */
async function controlled(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Names of the worker's caches, as the page sees them. */
function cacheNames(page: Page): Promise<string[]> {
	return page.evaluate(() => caches.keys());
}

/** Opens a chapter's exercise and waits for its element. */
async function openExercise(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForFunction(() => customElements.get('exercise-workspace'));
}

/** Opens the terminal of the chapter at `url` and waits for its prompt. */
async function openTerminal(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForFunction(() => customElements.get('terminal-panel'));
	await page.locator(`${SHIP} button[data-action="open"]`).click();
	await page.locator(`${SHIP} .xterm-rows`).getByText('$').first().waitFor();
}

describe.skipIf(!run)('offline course in Chromium', () => {
	const version = readManifest(readFileSync(join(DIST, 'sw.js'), 'utf8')).version;
	let browser: Browser;
	let server: Server;
	let port = 0;
	let base = '';
	let requests = 0;

	/** Serves `root` on the test's port, counting requests. */
	async function listen(root: string): Promise<void> {
		server = await serve(root, port);
		server.on('request', () => requests++);
		port = (server.address() as AddressInfo).port;
		base = `http://127.0.0.1:${port}`;
	}

	/** Stops the server and its open connections. */
	async function stop(): Promise<void> {
		server.closeAllConnections();
		await new Promise((done) => server.close(done));
	}

	beforeAll(async () => {
		await listen(DIST);
		const executablePath = chromiumPath();
		browser = await chromium.launch({
			...(executablePath ? { executablePath } : {}),
			args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
		});
	});
	afterAll(async () => {
		await browser?.close();
		if (server) await stop();
	});

	test('a first visit downloads nothing for offline use until the page has been read for 15 seconds', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const registered = (): Promise<boolean> =>
			page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
		await page.goto(`${base}/chapters/s1-meet-spin/`);
		await page.waitForLoadState('networkidle');
		const loaded = Date.now();
		const settled = requests;
		await page.waitForTimeout(3000);
		expect(requests - settled).toBe(0);
		await expect(registered()).resolves.toBe(false);
		await controlled(page);
		expect(Date.now() - loaded).toBeGreaterThan(10_000);
		expect(requests - settled).toBeGreaterThan(20);
		await expect(registered()).resolves.toBe(true);
		await context.close();
	});

	test('after one visit, chapters, the terminal, an exercise, search, a missing page and a reload work offline', async () => {
		const context: BrowserContext = await browser.newContext();
		const page = await context.newPage();
		await openExercise(page, `${base}/chapters/l1-first-app/${EX}`);
		await controlled(page);
		await page.locator(`${EX} [data-editor-host]`).click();
		await page.locator(`${EX} .monaco-editor textarea`).waitFor();
		await page.waitForFunction(
			async (name) =>
				(await (await caches.open(name)).keys()).some((r) => /editor\.api/.test(r.url)),
			`spinup-runtime-${version}`
		);
		await openTerminal(page, `${base}/chapters/s2-running-services/`);
		await page.waitForFunction(
			async (name) => (await (await caches.open(name)).keys()).some((r) => /xterm/.test(r.url)),
			`spinup-runtime-${version}`
		);
		await page.waitForLoadState('networkidle');

		await context.setOffline(true);
		const before = requests;
		const chapter = await page.goto(`${base}/chapters/s1-meet-spin/`);
		expect(chapter?.status()).toBe(200);
		expect(chapter?.fromServiceWorker()).toBe(true);
		await expect(page.locator('h1').textContent()).resolves.not.toBe('Page not found');
		await page.locator('a[rel="next"]').click();
		await page.waitForURL(`${base}/chapters/l1-first-app/`);

		await openTerminal(page, `${base}/chapters/s2-running-services/`);
		await page.keyboard.type('docker images');
		await page.keyboard.press('Enter');
		await page.locator(`${SHIP} .xterm-rows`).getByText('REPOSITORY').waitFor();

		await openExercise(page, `${base}/chapters/l1-first-app/${EX}`);
		await page.locator(`${EX} [data-editor-host]`).click();
		await page.locator(`${EX} .monaco-editor textarea`).waitFor();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText(SOLUTION);
		await page.locator(`${EX} [data-action="check"]`).click();
		await page.waitForFunction(
			(sel) => document.querySelector(`${sel} [data-status]`)?.textContent?.startsWith('Well done'),
			EX
		);

		await page.waitForFunction(() => customElements.get('site-search'));
		await page.keyboard.press('Control+k');
		await page.locator('site-search input[type="search"]').fill('registry');
		await page.locator('site-search [role="option"]').first().waitFor();

		await page.reload();
		await page.waitForFunction(() => customElements.get('exercise-workspace'));
		await expect(page.locator(`${EX} [data-status]`).textContent()).resolves.toMatch(/solved/);

		const missing = await page.goto(`${base}/no-such-page/`);
		expect(missing?.status()).toBe(404);
		await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
		expect(requests - before).toBe(0);
		await context.close();
	});

	test('a new build shows a keyboard-reachable update prompt that passes axe and switches versions', async () => {
		const next = mkdtempSync(join(tmpdir(), 'spinup-next-'));
		try {
			for (const name of readdirSync(DIST)) {
				if (name !== 'sw.js') symlinkSync(join(DIST, name), join(next, name));
			}
			const source = readFileSync(join(DIST, 'sw.js'), 'utf8');
			writeFileSync(join(next, 'sw.js'), source.replaceAll(version, `${version}-next`));

			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${base}/`);
			await controlled(page);
			await page.waitForFunction(() => customElements.get('offline-support'));
			await expect(page.locator('offline-support button').isHidden()).resolves.toBe(true);

			await stop();
			await listen(next);
			await page.reload();
			const button = page.locator('offline-support button');
			await button.waitFor({ state: 'visible' });
			await expect(page.locator('offline-support [role="status"]').textContent()).resolves.toMatch(
				/^Update available/
			);
			const waiting = await page.evaluate(
				async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null
			);
			expect(waiting).toBe('installed');
			expect(await cacheNames(page)).toContain(`spinup-precache-${version}`);
			expect(await axeViolations(page)).toEqual([]);
			await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
			expect(await axeViolations(page)).toEqual([]);

			await page.locator('body').focus();
			await tabTo(page, 'offline-support button');
			const reloaded = page.waitForEvent('load');
			await page.keyboard.press('Enter');
			await reloaded;
			await controlled(page);
			await page.waitForFunction(
				async (old) => !(await caches.keys()).includes(old),
				`spinup-precache-${version}`
			);
			const names = await cacheNames(page);
			expect(names).toContain(`spinup-precache-${version}-next`);
			expect(names.filter((n) => n.startsWith('spinup-') && !n.includes('-next'))).toEqual([]);
			await expect(page.locator('offline-support button').isHidden()).resolves.toBe(true);
			await context.close();
		} finally {
			await stop();
			await listen(DIST);
			rmSync(next, { recursive: true, force: true });
		}
	});

	test('the worker neither answers nor stores requests to another host, such as the video player', async () => {
		const context = await browser.newContext();
		await context.route('https://www.youtube-nocookie.com/**', (route) =>
			route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title>' })
		);
		const page = await context.newPage();
		const thirdParty: boolean[] = [];
		page.on('response', (r) => {
			if (!r.url().startsWith(base)) thirdParty.push(r.fromServiceWorker());
		});
		await page.goto(`${base}/chapters/s1-meet-spin/`);
		await controlled(page);
		await page.locator('lazy-video .poster').first().click();
		await page.locator('lazy-video iframe').first().waitFor();
		await page.evaluate(() =>
			fetch('https://www.youtube-nocookie.com/embed/probe', { mode: 'no-cors' }).then(() => true)
		);
		const stored = await page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys()) {
				for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
			}
			return urls;
		});
		await context.close();
		expect(thirdParty.length).toBeGreaterThan(0);
		expect(thirdParty.every((fromWorker) => !fromWorker)).toBe(true);
		expect(stored.length).toBeGreaterThan(0);
		expect(stored.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
	});
});
