import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSearchIndex, search } from '../../src/core/search/query.js';
import type { SearchIndexFile } from '../../src/core/search/types.js';
import { builtPages, DIST } from '../helpers/dist.js';

const file = JSON.parse(readFileSync(join(DIST, 'search-index.json'), 'utf8')) as SearchIndexFile;
const pages = new Map(builtPages().map((p) => [p.path, p]));

describe('search index in dist/', () => {
	test('covers chapter sections, exercises, glossary terms, pages and videos', () => {
		const kinds = new Set(file.docs.map((d) => d.kind));
		for (const kind of ['section', 'page', 'exercise', 'term', 'video'])
			expect(kinds).toContain(kind);
	});

	test('every result URL and anchor exists in the built site', () => {
		const missing: string[] = [];
		for (const doc of file.docs) {
			const url = new URL(doc.url, 'http://site.test');
			const page = pages.get(url.pathname);
			const anchor = decodeURIComponent(url.hash.slice(1));
			if (!page) missing.push(doc.url);
			else if (anchor && !page.doc.querySelector(`[id="${anchor}"]`)) missing.push(doc.url);
		}
		expect(missing).toEqual([]);
	});

	test('leaves instructor notes out', () => {
		const notes = [...pages.values()].flatMap((p) =>
			p.doc.querySelectorAll('[data-instructor-note]').map((n) => n.text.trim())
		);
		expect(notes.length).toBeGreaterThan(0);
		const sample = notes
			.map((n) => n.replace(/^Instructor note\s*/, '').slice(0, 60))
			.filter((n) => n.length > 40);
		const texts = file.docs.map((d) => d.text).join('\n');
		expect(sample.filter((n) => texts.includes(n))).toEqual([]);
	});

	test('loads in the shape the browser uses and answers a query', () => {
		const results = search(loadSearchIndex(file), 'registry');
		expect(results.length).toBeGreaterThan(0);
	});
});
