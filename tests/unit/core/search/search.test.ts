import { describe, expect, test } from 'vitest';
import { buildSearchIndex } from '../../../../src/core/search/build.js';
import {
	excerpt,
	groupResults,
	oneEditApart,
	loadSearchIndex,
	queryWords,
	search,
} from '../../../../src/core/search/query.js';
import type { SearchDoc } from '../../../../src/core/search/types.js';

const docs: SearchDoc[] = [
	{
		id: 'a',
		kind: 'section',
		url: '/chapters/s3/#read-only-global-mounts',
		title: 'Read-only global file system mounts',
		group: 'Session 3: Storage',
		text: 'Mount the global file system read-only and run as your own UID and GID. Every directory on the path needs o+x permission.',
	},
	{
		id: 'b',
		kind: 'section',
		url: '/chapters/s2/#logs',
		title: 'Logs and shells',
		group: 'Session 2: Running services',
		text: 'Read the logs of a pod. A mount is mentioned here only in passing.',
	},
	{
		id: 'c',
		kind: 'term',
		url: '/glossary/#capability',
		title: 'Capability',
		group: 'Glossary',
		text: 'A piece of root privilege that the kernel grants separately.',
		keywords: 'Capability',
	},
	{
		id: 'd',
		kind: 'section',
		url: '/chapters/s1/#permissions',
		title: 'Permissions',
		group: 'Session 1: Meet Spin',
		text: 'Permission denied errors come from missing execute permission on a directory.',
	},
];

/** Builds, serializes through JSON as the browser does, and loads the index. */
function loaded() {
	return loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(docs))));
}

describe('search', () => {
	test('ranks an exact heading match first', () => {
		const results = search(loaded(), 'mount');
		expect(results[0]?.doc.id).toBe('a');
		expect(results.map((r) => r.doc.id)).toContain('b');
	});

	test('matches a prefix of a word', () => {
		expect(search(loaded(), 'capab').map((r) => r.doc.id)).toEqual(['c']);
	});

	test('tolerates one typo in a word of five letters or more', () => {
		expect(search(loaded(), 'permision').map((r) => r.doc.id)).toContain('d');
		expect(search(loaded(), 'capabilty').map((r) => r.doc.id)).toContain('c');
	});

	test('returns nothing, without an error, for stop words or symbols alone', () => {
		expect(search(loaded(), 'the and of')).toEqual([]);
		expect(search(loaded(), ':^~*+-')).toEqual([]);
		expect(search(loaded(), '   ')).toEqual([]);
	});

	test('never throws on lunr query syntax', () => {
		for (const q of [
			'title:mount',
			'mount~2',
			'+mount -logs',
			'mo*nt',
			'mount^10',
			'"mount',
			'*',
		]) {
			expect(() => search(loaded(), q)).not.toThrow();
		}
	});

	test('refuses two documents with the same id', () => {
		expect(() => buildSearchIndex([docs[0]!, docs[0]!])).toThrow('used twice');
	});
});

describe('queryWords', () => {
	test('lower-cases, splits and drops stop words', () => {
		expect(queryWords('How do I mount /global read-only?')).toEqual([
			'mount',
			'global',
			'read-only',
		]);
	});
});

describe('excerpt', () => {
	test('marks matched words, whole words included', () => {
		const parts = excerpt('Run as your own UID and GID when mounting.', ['mount']);
		expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['mounting']);
	});

	test('starts near the first match in a long text', () => {
		const text = `${'word '.repeat(100)}the registry host ${'tail '.repeat(50)}`;
		const parts = excerpt(text, ['registry']);
		expect(parts[0]?.text.startsWith('… ')).toBe(true);
		expect(parts.some((p) => p.match && p.text === 'registry')).toBe(true);
	});
});

describe('groupResults', () => {
	test('keeps the order in which groups first appear', () => {
		const groups = groupResults(search(loaded(), 'mount permission capability'));
		expect(new Set(groups.map(([g]) => g)).size).toBe(groups.length);
	});
});

describe('oneEditApart', () => {
	test('accepts one insertion, deletion, substitution or swap', () => {
		expect(oneEditApart('capabilty', 'capability')).toBe(true);
		expect(oneEditApart('regsitry', 'registry')).toBe(true);
		expect(oneEditApart('ingres', 'ingress')).toBe(true);
		expect(oneEditApart('mount', 'mound')).toBe(true);
	});

	test('refuses two edits or equal words', () => {
		expect(oneEditApart('mount', 'mount')).toBe(false);
		expect(oneEditApart('cpability', 'capabilty')).toBe(false);
		expect(oneEditApart('secret', 'secrets!!')).toBe(false);
	});
});
