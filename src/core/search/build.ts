import lunr from 'lunr';
import type { SearchDoc, SearchIndexFile } from './types.js';

/** Field boosts: a heading or a term's name outranks a passing mention in the text. */
export const BOOSTS = { title: 10, keywords: 5, text: 1 } as const;

/** Longest text kept per document for excerpts, in characters. */
const MAX_TEXT = 1200;

/** Builds the lunr index over the documents and returns the file the browser loads. */
export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndexFile {
	const ids = new Set<string>();
	for (const doc of docs) {
		if (ids.has(doc.id)) throw new Error(`search document id ${doc.id} is used twice`);
		ids.add(doc.id);
	}
	const index = lunr(function () {
		this.ref('id');
		this.field('title', { boost: BOOSTS.title });
		this.field('keywords', { boost: BOOSTS.keywords });
		this.field('text', { boost: BOOSTS.text });
		docs.forEach((doc, i) => {
			this.add({ id: String(i), title: doc.title, keywords: doc.keywords ?? '', text: doc.text });
		});
	});
	return {
		version: 1,
		index: compact(index.toJSON()),
		docs: docs.map((doc) => ({ ...doc, text: clip(doc.text, MAX_TEXT) })),
		vocabulary: vocabulary(docs),
	};
}

/** Lists the distinct words of five letters or more, for typo matching in the browser. */
function vocabulary(docs: readonly SearchDoc[]): string[] {
	const words = new Set<string>();
	for (const doc of docs) {
		for (const word of `${doc.title} ${doc.keywords ?? ''} ${doc.text}`
			.toLowerCase()
			.split(/[^\p{L}\p{N}]+/u)) {
			if (word.length >= 5 && !/^\d+$/.test(word)) words.add(word);
		}
	}
	return [...words].sort();
}

/** Rounds the field vectors' weights: three decimals rank the same and weigh a third as much. */
function compact(json: object): object {
	const data = json as { fieldVectors?: [string, number[]][] };
	if (!Array.isArray(data.fieldVectors)) return json;
	return {
		...json,
		fieldVectors: data.fieldVectors.map(([ref, vector]) => [
			ref,
			vector.map((x, i) => (i % 2 === 1 ? Math.round(x * 1000) / 1000 : x)),
		]),
	};
}

/** Shortens a text at a word boundary. */
function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.lastIndexOf(' ', max);
	return `${text.slice(0, cut > max / 2 ? cut : max)} …`;
}
