import { groupResults, loadSearchIndex, search, type Searcher } from '../core/search/query.js';
import type { SearchIndexFile, SearchResult } from '../core/search/types.js';

let loading: Promise<Searcher> | undefined;

/** Fetches and loads the prebuilt index once per page. */
export function searcher(): Promise<Searcher> {
	loading ??= fetch('/search-index.json')
		.then((r) => {
			if (!r.ok) throw new Error(`HTTP ${r.status}`);
			return r.json() as Promise<SearchIndexFile>;
		})
		.then(loadSearchIndex)
		.catch((error: unknown) => {
			loading = undefined;
			throw error;
		});
	return loading;
}

/** Runs a query; never throws. */
export function runQuery(s: Searcher, query: string): SearchResult[] {
	try {
		return search(s, query, 30);
	} catch {
		return [];
	}
}

/** Builds the excerpt with matched words in `<mark>`. */
function excerptNode(result: SearchResult): HTMLParagraphElement {
	const p = document.createElement('p');
	p.className = 'excerpt';
	for (const part of result.excerpt) {
		if (part.match) {
			const mark = document.createElement('mark');
			mark.textContent = part.text;
			p.append(mark);
		} else p.append(part.text);
	}
	return p;
}

/** Renders results grouped by chapter; `option` makes listbox options, else plain list items. */
export function renderResults(
	container: HTMLElement,
	results: readonly SearchResult[],
	mode: 'listbox' | 'list'
): HTMLElement[] {
	container.replaceChildren();
	const items: HTMLElement[] = [];
	groupResults(results).forEach(([group, list], g) => {
		const section = document.createElement(mode === 'listbox' ? 'div' : 'section');
		const heading = document.createElement(mode === 'listbox' ? 'div' : 'h2');
		heading.className = 'group';
		heading.id = `${container.id}-g${g}`;
		heading.textContent = group;
		section.append(heading);
		if (mode === 'listbox') {
			section.setAttribute('role', 'group');
			section.setAttribute('aria-labelledby', heading.id);
		}
		const ul = document.createElement(mode === 'listbox' ? 'div' : 'ul');
		for (const result of list) {
			const item = document.createElement(mode === 'listbox' ? 'div' : 'li');
			const link = document.createElement(mode === 'listbox' ? 'span' : 'a');
			link.className = 'title';
			link.textContent = result.doc.title;
			if (link instanceof HTMLAnchorElement) link.href = result.doc.url;
			if (mode === 'listbox') {
				item.setAttribute('role', 'option');
				item.setAttribute('aria-selected', 'false');
				item.id = `${container.id}-o${items.length}`;
				item.dataset['href'] = result.doc.url;
			}
			item.className = 'result';
			item.append(link, excerptNode(result));
			ul.append(item);
			items.push(item);
		}
		section.append(ul);
		container.append(section);
	});
	return items;
}
