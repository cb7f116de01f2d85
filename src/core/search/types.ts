/**
 * Search documents and the index file.
 *
 * One document per chapter section (h2/h3, with its anchor), page, exercise, glossary term,
 * video, and transcript cue. The index file is what the browser fetches on first search:
 * `{ version, index: <lunr toJSON()>, docs: SearchDoc[], vocabulary }`, where lunr's `ref` of a
 * document is its position in `docs` (short refs keep the index small).
 */

/** Kinds of searchable things. */
export const DOC_KINDS = ['section', 'page', 'exercise', 'term', 'video', 'cue'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** One searchable thing. */
export interface SearchDoc {
	/** Stable ref, unique in the index. */
	id: string;
	kind: DocKind;
	/** Site-relative URL with an anchor, e.g. `/chapters/s1-meet-spin/#the-registry`. */
	url: string;
	/** The heading, term, exercise or video title. */
	title: string;
	/** What results are grouped by, e.g. "Session 1: Meet Spin" or "Glossary". */
	group: string;
	/** Plain text searched and shown in excerpts. */
	text: string;
	/** Extra words that rank like the title (e.g. a term's name, an exercise's kind). */
	keywords?: string;
}

/** The serialized index file. */
export interface SearchIndexFile {
	version: 1;
	index: object;
	docs: SearchDoc[];
	/** Every indexed word of five letters or more, unstemmed and sorted, for typo matching. */
	vocabulary: string[];
}

/** One result: the document, its score and an excerpt split into plain and matched parts. */
export interface SearchResult {
	doc: SearchDoc;
	score: number;
	excerpt: { text: string; match: boolean }[];
}
