import { PROGRESS_VERSION } from './schema.js';

/** One migration step: turns a document of `from` into one of `from + 1`. */
interface Migration {
	from: number;
	up(doc: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Migrations from older saved shapes. Version 0 is the unversioned draft shape
 * `{ done: [chapterSlug…] }` written by early builds of the course site.
 */
const MIGRATIONS: readonly Migration[] = [
	{
		from: 0,
		up(doc) {
			const done = Array.isArray(doc['done'])
				? doc['done'].filter((x) => typeof x === 'string')
				: [];
			return {
				version: 1,
				chapters: Object.fromEntries(done.map((slug) => [slug, { done: true, sectionsRead: [] }])),
			};
		},
	},
];

/** Brings a parsed document up to the current version; returns null when it cannot. */
export function migrate(doc: unknown): Record<string, unknown> | null {
	if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
	let current = doc as Record<string, unknown>;
	let version = typeof current['version'] === 'number' ? current['version'] : 0;
	if (version > PROGRESS_VERSION) return null;
	while (version < PROGRESS_VERSION) {
		const step = MIGRATIONS.find((m) => m.from === version);
		if (!step) return null;
		current = step.up(current);
		version += 1;
	}
	return current;
}
