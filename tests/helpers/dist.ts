import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The built site: `dist/`, or the folder named by `SPINUP_DIST`. */
export const DIST = process.env['SPINUP_DIST'] ?? join(ROOT, 'dist');

/** A built HTML page: its URL path and parsed document. */
export interface BuiltPage {
	/** URL path, e.g. `/chapters/s1-meet-spin/`. */
	path: string;
	file: string;
	doc: HTMLElement;
}

/** Lists every file under a folder, recursively. */
export function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

/** Turns a dist file name into the URL path that serves it. */
export function urlPathOf(file: string): string {
	const rel = relative(DIST, file).split('\\').join('/');
	if (rel === 'index.html') return '/';
	if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
	return `/${rel}`;
}

/** Reads and parses every HTML page of the build. */
export function builtPages(): BuiltPage[] {
	if (!existsSync(DIST)) throw new Error('dist/ is missing: run `astro build` first');
	return walk(DIST)
		.filter((f) => f.endsWith('.html'))
		.map((file) => ({ path: urlPathOf(file), file, doc: parse(readFileSync(file, 'utf8')) }));
}
