#!/usr/bin/env node
// Builds the site and prints, per page, the HTML, CSS and JS bytes (raw and gzip) that load
// before any interaction, and the build's wall time. Usage: node tests/bench/site.mjs [--no-build]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = process.env.SPINUP_DIST ?? join(ROOT, 'dist');

/** Lists every file under a folder. */
function walk(dir) {
	return readdirSync(dir).flatMap((n) => {
		const f = join(dir, n);
		return statSync(f).isDirectory() ? walk(f) : [f];
	});
}

/** Raw and gzip sizes of a text. */
function sizes(text) {
	const buf = Buffer.from(text);
	return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
}

/** Maps a site URL to a file in dist. */
function fileOf(url, from) {
	const path = url.startsWith('/') ? join(DIST, url) : resolve(dirname(from), url);
	return existsSync(path) ? path : null;
}

/** Follows the static imports of a JS module (not dynamic `import()`), collecting files. */
function staticGraph(file, seen) {
	if (seen.has(file)) return;
	seen.add(file);
	const code = readFileSync(file, 'utf8');
	const re = /(?:^|[;\s}])import\s*(?:[\w*{},\s$]+from\s*)?["']([^"']+)["']/g;
	for (const m of code.matchAll(re)) {
		const dep = fileOf(m[1], file);
		if (dep) staticGraph(dep, seen);
	}
}

/** Measures one built page. */
function measure(htmlFile) {
	const html = readFileSync(htmlFile, 'utf8');
	const js = new Set();
	let inlineJs = '';
	let css = '';
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = /\bsrc="([^"]+)"/.exec(m[1]);
		if (src) {
			const f = fileOf(src[1], htmlFile);
			if (f) staticGraph(f, js);
		} else if (!/type="application\/(ld\+)?json"/.test(m[1])) inlineJs += m[2];
	}
	for (const m of html.matchAll(
		/<link\b[^>]*rel="(stylesheet|modulepreload)"[^>]*href="([^"]+)"/g
	)) {
		const f = fileOf(m[2], htmlFile);
		if (!f) continue;
		if (m[1] === 'stylesheet') css += readFileSync(f, 'utf8');
		else staticGraph(f, js);
	}
	for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += m[1];
	const jsText = inlineJs + [...js].map((f) => readFileSync(f, 'utf8')).join('\n');
	return { html: sizes(html), css: sizes(css), js: sizes(jsText), jsFiles: js.size };
}

const kb = (n) => (n / 1000).toFixed(1);

let buildMs = null;
if (!process.argv.includes('--no-build')) {
	const t0 = performance.now();
	execFileSync('npx', ['astro', 'build'], { cwd: ROOT, stdio: 'ignore' });
	buildMs = performance.now() - t0;
}

const pages = walk(DIST)
	.filter((f) => f.endsWith('.html'))
	.sort();
console.log(
	'\nPage weight before any interaction (kB = 1000 bytes; inline <style>/<script> included)\n'
);
console.log(
	'page'.padEnd(44),
	'HTML raw/gz'.padStart(14),
	'CSS raw/gz'.padStart(14),
	'JS raw/gz'.padStart(14),
	'JS files'.padStart(9)
);
for (const file of pages) {
	const m = measure(file);
	const path = '/' + relative(DIST, file).replace(/index\.html$/, '');
	console.log(
		path.padEnd(44),
		`${kb(m.html.raw)}/${kb(m.html.gz)}`.padStart(14),
		`${kb(m.css.raw)}/${kb(m.css.gz)}`.padStart(14),
		`${kb(m.js.raw)}/${kb(m.js.gz)}`.padStart(14),
		String(m.jsFiles).padStart(9)
	);
}
if (buildMs !== null) console.log(`\nastro build wall time: ${(buildMs / 1000).toFixed(1)} s`);
