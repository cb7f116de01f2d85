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
let before = 0;
let after = 0;
for (let run = 0; run < 5; run++) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const scripts = [];
	page.on('request', (r) => {
		if (['script', 'worker'].includes(r.resourceType()) || r.url().endsWith('.js'))
			scripts.push(new URL(r.url()).pathname);
	});
	await page.goto(`${base}${PAGE}`);
	await page.waitForLoadState('networkidle');
	const initial = scripts.length;
	const t0 = Date.now();
	await page.locator(`${EX} [data-editor-host]`).click();
	await page.locator(`${EX} .monaco-editor .view-lines`).waitFor();
	ready.push(Date.now() - t0);
	await page.waitForLoadState('networkidle');
	if (run === 0) {
		before = [...new Set(scripts.slice(0, initial))].reduce((s, p) => s + gz(p), 0);
		after = [...new Set(scripts.slice(initial))].reduce((s, p) => s + gz(p), 0);
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

console.log('\nExercise editor (Chromium, unthrottled, this machine)');
console.log(`JS before any interaction: ${(before / 1000).toFixed(1)} kB gzip`);
console.log(
	`JS loaded by the first click (editor, grammars, workers): ${(after / 1000).toFixed(1)} kB gzip`
);
console.log(`click → editor ready: median ${median(ready)} ms (runs: ${ready.join(', ')})`);
console.log(
	`keystroke → findings shown: median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`
);
