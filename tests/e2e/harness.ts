import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DIST } from '../helpers/dist.js';
import { serve } from '../../scripts/serve.mjs';

/** Where Chromium is, from CHROME_PATH or Debian's package; undefined when absent. */
export function chromiumPath(): string | undefined {
	const candidates = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

/** True when browser tests can run; under CI a missing browser is an error, elsewhere a loud skip. */
export function browserAvailable(): boolean {
	const path = chromiumPath();
	if (path) return true;
	if (process.env['CI'] === 'true') {
		throw new Error(
			'Chromium is missing: set CHROME_PATH or `apt-get install chromium`. CI needs it.'
		);
	}
	console.warn(
		"\n!!! BROWSER TESTS SKIPPED: no Chromium found (set CHROME_PATH or install Debian's chromium) !!!\n"
	);
	return false;
}

/** A running site and browser for one test file. */
export interface Harness {
	base: string;
	browser: Browser;
	close(): Promise<void>;
}

/** Serves dist/ on a free loopback port and launches headless Chromium. */
export async function startHarness(): Promise<Harness> {
	if (!existsSync(DIST)) throw new Error('dist/ is missing: run `astro build` first');
	const server: Server = await serve(DIST, 0);
	const { port } = server.address() as AddressInfo;
	const executablePath = chromiumPath();
	const browser = await chromium.launch({
		...(executablePath ? { executablePath } : {}),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	return {
		base: `http://127.0.0.1:${port}`,
		browser,
		async close() {
			await browser.close();
			await new Promise((done) => server.close(done));
		},
	};
}

/** Runs axe on a page and returns its violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Two rules Lighthouse also runs: a control's name holds its visible text; touch targets are
	// large enough and not covered.
	const result = await new AxeBuilder({ page })
		.options({
			rules: {
				'label-content-name-mismatch': { enabled: true },
				'target-size': { enabled: true },
			},
		})
		.analyze();
	return result.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(' | ')})`
	);
}

/** Presses Tab until `selector` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const hit = await page.evaluate(
			(sel) => document.activeElement?.matches(sel) ?? false,
			selector
		);
		if (hit) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}
