import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPages, DIST, type BuiltPage } from '../helpers/dist.js';

const pages = builtPages();
const byPath = new Map(pages.map((p) => [p.path, p]));

/** Ids defined in a page, for `#anchor` checks. */
function idsOf(page: BuiltPage): Set<string> {
	return new Set(page.doc.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? ''));
}

/** Resolves an internal href against a page and returns the target path and hash. */
function target(page: BuiltPage, href: string): { path: string; hash: string } {
	const url = new URL(href, `http://site.test${page.path}`);
	return { path: url.pathname, hash: decodeURIComponent(url.hash.slice(1)) };
}

/** True when a URL path is served by a file in dist. */
function exists(path: string): boolean {
	if (byPath.has(path)) return true;
	return existsSync(join(DIST, decodeURIComponent(path)));
}

describe('built pages', () => {
	test('the build has the expected pages', () => {
		for (const path of ['/', '/program/', '/getting-started/', '/glossary/', '/404.html']) {
			expect(byPath.has(path), path).toBe(true);
		}
		expect(pages.filter((p) => p.path.startsWith('/chapters/'))).toHaveLength(6);
	});

	test.each(pages.map((p) => [p.path, p] as const))(
		'%s has lang, title, description and one h1',
		(_, page) => {
			expect(page.doc.querySelector('html')?.getAttribute('lang')).toBe('en');
			expect(page.doc.querySelector('title')?.text.trim()).not.toBe('');
			const description = page.doc
				.querySelector('meta[name="description"]')
				?.getAttribute('content');
			expect(description?.trim().length ?? 0).toBeGreaterThan(20);
			expect(page.doc.querySelectorAll('h1')).toHaveLength(1);
		}
	);

	test.each(pages.map((p) => [p.path, p] as const))(
		'%s links only to pages and anchors that exist',
		(_, page) => {
			const broken: string[] = [];
			for (const a of page.doc.querySelectorAll('a[href]')) {
				const href = a.getAttribute('href') ?? '';
				if (/^(https?:|mailto:)/.test(href)) continue;
				const { path, hash } = target(page, href);
				if (!exists(path)) {
					broken.push(href);
					continue;
				}
				const dest = byPath.get(path);
				if (hash && dest && !idsOf(dest).has(hash)) broken.push(href);
			}
			expect(broken).toEqual([]);
		}
	);

	test.each(pages.map((p) => [p.path, p] as const))(
		'%s loads nothing from another host',
		(_, page) => {
			const external: string[] = [];
			const attrs: [string, string][] = [
				['script[src]', 'src'],
				['link[href]', 'href'],
				['img[src]', 'src'],
				['iframe[src]', 'src'],
				['source[src]', 'src'],
				['video[src]', 'src'],
				['audio[src]', 'src'],
				['track[src]', 'src'],
			];
			for (const [selector, attr] of attrs) {
				for (const el of page.doc.querySelectorAll(selector)) {
					const value = el.getAttribute(attr) ?? '';
					if (/^(https?:)?\/\//.test(value)) external.push(`${selector} ${value}`);
				}
			}
			for (const style of page.doc.querySelectorAll('style')) {
				const urls = style.text.match(
					/url\((['"]?)(https?:)?\/\/[^)]+\)|@import\s+['"]?(https?:)?\/\//g
				);
				if (urls) external.push(...urls);
			}
			expect(external).toEqual([]);
		}
	);
});
