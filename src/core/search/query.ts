import lunr from 'lunr';
import type { SearchDoc, SearchIndexFile, SearchResult } from './types.js';

/** A loaded index ready for queries. */
export interface Searcher {
	index: lunr.Index;
	/** Documents by lunr ref (their position in the index file). */
	docs: Map<string, SearchDoc>;
	/** Known words, for typo matching. */
	vocabulary: ReadonlySet<string>;
	/** The same words, grouped by length. */
	byLength: ReadonlyMap<number, readonly string[]>;
}

/** Loads a serialized index without re-indexing. */
export function loadSearchIndex(file: SearchIndexFile): Searcher {
	return {
		index: lunr.Index.load(file.index),
		docs: new Map(file.docs.map((d, i) => [String(i), d])),
		vocabulary: new Set(file.vocabulary),
		byLength: groupByLength(file.vocabulary),
	};
}

/** Groups words by their length. */
function groupByLength(words: readonly string[]): Map<number, string[]> {
	const out = new Map<number, string[]>();
	for (const w of words) out.set(w.length, [...(out.get(w.length) ?? []), w]);
	return out;
}

/** Splits a learner's query into lower-case words, dropping lunr syntax and stop words. */
export function queryWords(query: string): string[] {
	return query
		.toLowerCase()
		.split(/[^\p{L}\p{N}_.-]+/u)
		.map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
		.filter((w) => w.length > 0 && lunr.stopWordFilter(new lunr.Token(w, {})) !== undefined);
}

/** Runs a query: exact and stemmed words first, then prefixes, then one typo for long words. */
export function search(searcher: Searcher, query: string, limit = 20): SearchResult[] {
	const words = queryWords(query);
	if (words.length === 0) return [];
	let hits: lunr.Index.Result[];
	try {
		hits = searcher.index.query((q) => {
			for (const word of words) {
				q.term(word, { boost: 10 });
				q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 4 });
				for (const near of nearWords(searcher, word)) q.term(near, { boost: 1 });
			}
		});
	} catch {
		return [];
	}
	const results: SearchResult[] = [];
	for (const hit of hits.slice(0, limit)) {
		const doc = searcher.docs.get(hit.ref);
		if (doc) results.push({ doc, score: hit.score, excerpt: excerpt(doc.text, words) });
	}
	return results;
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
	if (a === b || Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	if (a.length === b.length) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true;
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	const [long, short] = a.length > b.length ? [a, b] : [b, a];
	return long.slice(i + 1) === short.slice(i);
}

/** Known words one typo away from a word of five letters or more that the course does not use. */
export function nearWords(
	searcher: Pick<Searcher, 'vocabulary' | 'byLength'>,
	word: string
): string[] {
	if (word.length < 5 || searcher.vocabulary.has(word)) return [];
	const out: string[] = [];
	for (const length of [word.length - 1, word.length, word.length + 1]) {
		for (const known of searcher.byLength.get(length) ?? [])
			if (oneEditApart(word, known)) out.push(known);
	}
	return out;
}

/** Picks about `size` characters of text around the first matched word, marking matches. */
export function excerpt(
	text: string,
	words: readonly string[],
	size = 160
): SearchResult['excerpt'] {
	const pattern = new RegExp(
		`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`,
		'giu'
	);
	const first = text.search(pattern);
	const start =
		first < 0 ? 0 : Math.max(0, text.lastIndexOf(' ', Math.max(0, first - size / 3)) + 1);
	let slice = text.slice(start, start + size);
	if (start + size < text.length) slice = `${slice.slice(0, slice.lastIndexOf(' '))} …`;
	if (start > 0) slice = `… ${slice}`;
	const parts: SearchResult['excerpt'] = [];
	let last = 0;
	for (const m of slice.matchAll(pattern)) {
		const at = m.index ?? 0;
		if (at > last) parts.push({ text: slice.slice(last, at), match: false });
		parts.push({ text: m[0], match: true });
		last = at + m[0].length;
	}
	if (last < slice.length) parts.push({ text: slice.slice(last), match: false });
	return parts;
}

/** Groups results by their group, keeping the order in which groups first appear. */
export function groupResults(results: readonly SearchResult[]): [string, SearchResult[]][] {
	const groups = new Map<string, SearchResult[]>();
	for (const r of results) groups.set(r.doc.group, [...(groups.get(r.doc.group) ?? []), r]);
	return [...groups];
}
