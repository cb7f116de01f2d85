#!/usr/bin/env node
// Measures the exercise editor in Chromium on the built site: JS before any interaction, JS loaded
// by the first click (gzip), click → editor ready (median of 5, unthrottled), and keystroke →
// findings shown (median over 20 keystrokes). Usage: node tests/bench/editor.mjs (SPINUP_DIST picks a build)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = process.env.SPINUP_DIST ?? join(ROOT, 'dist');
const PAGE = '/chapters/l1-first-app/';
const EX = '#exercise-flask-image';
const browserPath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));

/** Gzip size of a served file, from dist. */
const gz = (path) => {
	const file = join(DIST, decodeURIComponent(path));
	return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(DIST, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
	executablePath: browserPath,
	args: ['--no-sandbox', '--disable-gpu'],
});
const ready = [];
/** @type {{ path: string, bytes: number }[]} */
let clickFiles = [];
let before = 0;
for (let run = 0; run < 5; run++) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const files = [];
	page.on('request', (r) => {
		if (['script', 'worker', 'stylesheet'].includes(r.resourceType()) || r.url().endsWith('.js'))
			files.push(new URL(r.url()).pathname);
	});
	await page.goto(`${base}${PAGE}`);
	await page.waitForLoadState('networkidle');
	const initial = files.length;
	// Ready = the first frame painted after the editor exists, timed in the page from the
	// pointer press, so the automation's own steps before the press do not count.
	await page.evaluate(() => {
		const times = /** @type {any} */ (window.__editorTimes = {});
		addEventListener('pointerdown', () => (times.down ??= performance.now()), true);
		addEventListener(
			'spinup:editor-ready',
			() => requestAnimationFrame(() => setTimeout(() => (times.ready = performance.now()))),
			true
		);
	});
	await page.locator(`${EX} [data-editor-host]`).click();
	await page.waitForFunction(() => /** @type {any} */ (window).__editorTimes.ready);
	ready.push(
		Math.round(
			await page.evaluate(() => {
				const times = /** @type {any} */ (window).__editorTimes;
				return times.ready - times.down;
			})
		)
	);
	await page.waitForLoadState('networkidle');
	if (run === 0) {
		const scripts = (list) => list.filter((p) => p.endsWith('.js'));
		before = [...new Set(scripts(files.slice(0, initial)))].reduce((s, p) => s + gz(p), 0);
		clickFiles = [...new Set(files.slice(initial))].map((path) => ({ path, bytes: gz(path) }));
	}
	await context.close();
}

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${base}${PAGE}`);
await page.locator(`${EX} [data-editor-host]`).click();
await page.locator(`${EX} .monaco-editor textarea`).waitFor();
await page.keyboard.press('Control+A');
await page.keyboard.insertText('FROM python:3.12-slim\nCMD python app.py\n');
await page.waitForTimeout(500);
const latencies = [];
for (let i = 0; i < 20; i++) {
	const waiter = page.evaluate(
		(sel) =>
			new Promise((done) => {
				const start = performance.now();
				document
					.querySelector(sel)
					?.addEventListener('spinup:validated', () => done(performance.now() - start), {
						once: true,
					});
			}),
		`${EX} exercise-workspace, exercise-workspace[data-id="flask-image"]`
	);
	await page.keyboard.type(i % 2 ? 'x' : 'y');
	latencies.push(await waiter);
}
await browser.close();
server.close();

/** Sums the gzip bytes of the first click's files that match a pattern. */
const sum = (pattern) =>
	clickFiles.filter((f) => pattern.test(f.path)).reduce((total, f) => total + f.bytes, 0);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB gzip`;
const editorJs = sum(/\/(?:monaco|editor\.worker)[\w.-]*\.js$/);
const validatorJs = sum(/\/validate[\w.-]*\.js$/);
const allJs = sum(/\.js$/);

console.log('\nExercise editor (Chromium, unthrottled, this machine)');
console.log(`JS before any interaction: ${kB(before)}   budget 30 kB`);
console.log(`First click loads (${clickFiles.length} files):`);
for (const f of clickFiles) console.log(`  ${f.path}  ${kB(f.bytes)}`);
console.log(
	`  editor and grammars (Monaco bundle and loader, JS): ${kB(editorJs)}   budget 800 kB`
);
console.log(`  validation worker: ${kB(validatorJs)}`);
console.log(`  all JS: ${kB(allJs)}; stylesheet and font: ${kB(sum(/\.(?:css|ttf)$/))}`);
console.log(
	`pointer press → editor painted: median ${median(ready)} ms (runs: ${ready.join(', ')})   budget 600 ms`
);
console.log(
	`keystroke → findings shown: median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms   budget 150 ms`
);
