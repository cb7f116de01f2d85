import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	buildVersion,
	hashBytes,
	listFiles,
	readManifest,
	renderWorker,
	workerManifest,
} from '../../src/sw/manifest.mjs';
import { DIST, ROOT, builtPages, urlPathOf, walk } from '../helpers/dist.js';

/** The file of the build that serves a URL path. */
function fileOf(url: string): string {
	return join(DIST, url.endsWith('/') ? `${url}index.html` : url);
}

/** URL paths of the scripts a JS file imports statically (not `import()`). */
function staticImports(url: string): string[] {
	const code = readFileSync(fileOf(url), 'utf8');
	const found = [...code.matchAll(/\bfrom\s*"([^"]+)"|\bimport\s*"([^"]+)"/g)];
	return found
		.map((m) => m[1] ?? m[2] ?? '')
		.filter((spec) => spec.startsWith('./') || spec.startsWith('/_astro/'))
		.map((spec) => posix.resolve(posix.dirname(url), spec))
		.filter((dep) => existsSync(fileOf(dep)));
}

/** Every script reachable from `roots` through static imports, roots included. */
function staticClosure(roots: Iterable<string>): Set<string> {
	const seen = new Set<string>();
	const todo = [...roots];
	for (let url = todo.pop(); url !== undefined; url = todo.pop()) {
		if (seen.has(url)) continue;
		seen.add(url);
		todo.push(...staticImports(url));
	}
	return seen;
}

/** The scripts pages load as they open: `<script src>` and imports of inline module scripts. */
function pageScripts(): Set<string> {
	const roots = new Set<string>();
	for (const page of builtPages()) {
		for (const script of page.doc.querySelectorAll('script')) {
			const src = script.getAttribute('src');
			if (src?.startsWith('/_astro/')) roots.add(src);
			for (const m of script.text.matchAll(
				/\bfrom\s*"(\/_astro\/[^"]+)"|\bimport\s*"(\/_astro\/[^"]+)"/g
			)) {
				roots.add(m[1] ?? m[2] ?? '');
			}
		}
	}
	return staticClosure(roots);
}

describe('the precache list in sw.js', () => {
	const manifest = readManifest(readFileSync(join(DIST, 'sw.js'), 'utf8'));
	const precached = new Set(manifest.precache);
	const astroFiles = walk(join(DIST, '_astro')).map(urlPathOf);

	test('names only files that exist in dist/, each once, and counts their bytes', () => {
		expect(manifest.precache.filter((url) => !existsSync(fileOf(url)))).toEqual([]);
		expect(precached.size).toBe(manifest.precache.length);
		const bytes = manifest.precache.reduce((sum, url) => sum + statSync(fileOf(url)).size, 0);
		expect(manifest.bytes).toBe(bytes);
		console.info(`precache: ${manifest.precache.length} files, ${bytes} bytes`);
	});

	test('includes every HTML page, the 404 page, the search index, the icon and the validation workers', () => {
		const pages = builtPages().map((p) => urlPathOf(p.file));
		expect(pages.length).toBeGreaterThan(5);
		expect(pages.filter((url) => !precached.has(url))).toEqual([]);
		for (const url of ['/', '/404.html', '/search-index.json', '/favicon.svg']) {
			expect(precached).toContain(url);
		}
		const validators = astroFiles.filter((url) =>
			/\/validate[\w-]*\.worker\.[\w-]+\.js$/.test(url)
		);
		expect(validators).toHaveLength(4);
		expect(validators.filter((url) => !precached.has(url))).toEqual([]);
	});

	test('includes every script a page loads and everything it imports statically', () => {
		const scripts = pageScripts();
		expect(scripts.size).toBeGreaterThan(3);
		expect([...scripts].filter((url) => !precached.has(url))).toEqual([]);
	});

	test('leaves out Monaco: its bundle, stylesheet, worker and icon font', () => {
		const monaco = astroFiles.filter((url) =>
			/\/(?:monaco-editor\.[\w-]+\.(?:js|css)|editor\.worker\.[\w-]+\.js|codicon\.[\w-]+\.ttf)$/.test(
				url
			)
		);
		expect(monaco).toHaveLength(4);
		expect(monaco.filter((url) => precached.has(url))).toEqual([]);
		expect(monaco.filter((url) => !manifest.runtime.includes(url))).toEqual([]);
		expect(manifest.runtime.filter((url) => precached.has(url))).toEqual([]);
	});

	test('the page-side loader names the validation workers that exist', () => {
		const workers = astroFiles
			.filter((url) => url.endsWith('.js'))
			.map((url) => readFileSync(fileOf(url), 'utf8'))
			.filter((code) => code.includes('/_astro/validate-dockerfile.worker.'));
		expect(workers).toHaveLength(1);
		const named = [...(workers[0] ?? '').matchAll(/"(\/_astro\/[^"]+\.worker\.[^"]+)"/g)].map(
			(m) => m[1] ?? ''
		);
		expect(named).toHaveLength(4);
		expect(named.filter((url) => !existsSync(fileOf(url)))).toEqual([]);
	});

	test('the page-side loader names the Monaco files that exist', () => {
		const loader = astroFiles
			.filter((url) => url.endsWith('.js'))
			.map((url) => readFileSync(fileOf(url), 'utf8'))
			.filter((code) => code.includes('/_astro/monaco-editor.'));
		expect(loader).toHaveLength(1);
		const named = [...(loader[0] ?? '').matchAll(/"(\/_astro\/[^"]+)"/g)].map((m) => m[1] ?? '');
		expect(named).toHaveLength(3);
		expect(named.filter((url) => !existsSync(fileOf(url)))).toEqual([]);
		const style = readFileSync(fileOf(named.find((url) => url.endsWith('.css')) ?? ''), 'utf8');
		const fonts = [...style.matchAll(/url\("?([^")]+)"?\)/g)].map((m) => m[1] ?? '');
		expect(fonts.length).toBeGreaterThan(0);
		expect(fonts.filter((url) => !existsSync(fileOf(url)))).toEqual([]);
	});

	test('leaves out the worker itself, source maps and server leftovers', () => {
		const other = manifest.precache.filter((url) => /\/sw\.js$|\.map$|\.mjs$/.test(url));
		expect(other).toEqual([]);
	});
});

describe('the build version', () => {
	const files = [
		{ path: 'index.html', hash: hashBytes('home') },
		{ path: '_astro/a.1.js', hash: hashBytes('a') },
		{ path: 'search-index.json', hash: hashBytes('{}') },
	];

	test('does not depend on the order of the files', () => {
		expect(buildVersion([...files].reverse())).toBe(buildVersion(files));
		expect(buildVersion(files)).toMatch(/^[0-9a-f]{16}$/);
	});

	test('changes when a file changes, is added, removed or renamed', () => {
		const version = buildVersion(files);
		const changed = files.map((f, i) => (i === 2 ? { ...f, hash: hashBytes('{ }') } : f));
		const renamed = files.map((f, i) => (i === 1 ? { ...f, path: '_astro/b.1.js' } : f));
		const others = [
			buildVersion(changed),
			buildVersion([...files, { path: 'favicon.svg', hash: hashBytes('<svg/>') }]),
			buildVersion(files.slice(1)),
			buildVersion(renamed),
		];
		expect(new Set([version, ...others]).size).toBe(5);
	});

	test('of a real build folder changes when one byte of one file changes', () => {
		const dir = mkdtempSync(join(tmpdir(), 'spinup-version-'));
		try {
			for (const file of ['index.html', '404.html', 'search-index.json', 'favicon.svg']) {
				cpSync(join(DIST, file), join(dir, file));
			}
			const heavy = new Set<string>();
			const before = workerManifest(listFiles(dir), heavy, hashBytes('worker'));
			expect(workerManifest(listFiles(dir), heavy, hashBytes('worker')).version).toBe(
				before.version
			);
			const index = join(dir, 'index.html');
			writeFileSync(index, `${readFileSync(index, 'utf8')} `);
			const after = workerManifest(listFiles(dir), heavy, hashBytes('worker'));
			expect(after.version).not.toBe(before.version);
			expect(after.precache).toEqual(before.precache);
			expect(after.bytes).toBe(before.bytes + 1);
			const newWorker = workerManifest(listFiles(dir), heavy, hashBytes('worker 2'));
			expect(newWorker.version).not.toBe(after.version);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('is written into the worker source and read back unchanged', () => {
		const source = readFileSync(join(ROOT, 'src/sw/worker.js'), 'utf8');
		const manifest = workerManifest(
			[{ path: 'index.html', size: 4, hash: hashBytes('home') }],
			new Set(),
			hashBytes(source)
		);
		expect(readManifest(renderWorker(source, manifest))).toEqual(manifest);
		expect(() => renderWorker('self.x = 1;', manifest)).toThrow(/MANIFEST/);
	});
});
