import { basename, dirname, globMatch, mkdirp, nodeAt, resolvePath, writeFile } from './fs.js';
import type { FileTree } from './types.js';

/**
 * `COPY` and `ADD` as BuildKit performs them: sources from the build context (or from another
 * stage's file system), globs, directories copied by content, and a destination that is a
 * directory when it ends in `/`, when several files are copied, or when it already is one.
 */

/** Where the sources come from: context files by relative path, or a stage's tree. */
export type CopySource =
	{ kind: 'context'; files: Readonly<Record<string, string>> } | { kind: 'tree'; tree: FileTree };

/** One copy request. */
export interface CopyRequest {
	sources: string[];
	dest: string;
	workdir: string;
	owner: string;
	/** Permission bits from `--chmod`, or `null` to keep the default. */
	mode: number | null;
}

/** A matched source: a file with its content, or a directory with its files by relative path. */
type Match =
	{ kind: 'file'; name: string; content: string } | { kind: 'dir'; files: [string, string][] };

/** Whether a string has glob characters. */
function isGlob(text: string): boolean {
	return /[*?[]/.test(text);
}

/** Files of a source as relative path → content. */
function entries(source: CopySource): [string, string][] {
	if (source.kind === 'context') return Object.entries(source.files);
	return Object.entries(source.tree)
		.filter(([, node]) => !node.dir)
		.map(([path, node]) => [path.slice(1), node.content]);
}

/** The directory at `dir` (relative, `''` for the root) as relative files, or `null`. */
function directory(
	all: [string, string][],
	dir: string,
	source: CopySource
): [string, string][] | null {
	const prefix = dir === '' ? '' : `${dir}/`;
	const files = all
		.filter(([path]) => path.startsWith(prefix))
		.map(([path, content]): [string, string] => [path.slice(prefix.length), content]);
	const isDir =
		dir === '' ||
		files.length > 0 ||
		(source.kind === 'tree' && nodeAt(source.tree, `/${dir}`)?.dir === true);
	return isDir ? files : null;
}

/** Finds what one source names; returns the matches or the path that is missing. */
function match(source: CopySource, raw: string): Match[] | { missing: string } {
	if (/^https?:\/\//.test(raw))
		return [{ kind: 'file', name: basename(raw) || 'index.html', content: '' }];
	const path = resolvePath('/', raw).slice(1);
	const all = entries(source);
	if (isGlob(path)) {
		const out: Match[] = [];
		const seen = new Set<string>();
		for (const [file, content] of all) {
			const parts = file.split('/');
			for (let n = 1; n <= parts.length; n++) {
				const prefix = parts.slice(0, n).join('/');
				if (seen.has(prefix) || !globMatch(path, prefix)) continue;
				seen.add(prefix);
				if (n === parts.length) out.push({ kind: 'file', name: basename(file), content });
				else out.push({ kind: 'dir', files: directory(all, prefix, source) ?? [] });
			}
		}
		return out.length > 0 ? out : { missing: `/${path}` };
	}
	const file = all.find(([name]) => name === path);
	if (file) return [{ kind: 'file', name: basename(path), content: file[1] }];
	const dir = directory(all, path, source);
	return dir ? [{ kind: 'dir', files: dir }] : { missing: `/${path}` };
}

/** Copies sources into a tree; returns `null`, or the missing source path. */
export function copyInto(tree: FileTree, from: CopySource, request: CopyRequest): string | null {
	const matches: Match[] = [];
	for (const raw of request.sources) {
		const found = match(from, raw);
		if (!Array.isArray(found)) return found.missing;
		matches.push(...found);
	}
	const dest = resolvePath(request.workdir, request.dest);
	const asDir =
		request.dest.endsWith('/') ||
		request.dest === '.' ||
		matches.length > 1 ||
		matches.some((m) => m.kind === 'dir') ||
		nodeAt(tree, dest)?.dir === true;
	const write = (path: string, content: string) => {
		mkdirp(tree, dirname(path), request.owner);
		writeFile(tree, path, content, request.owner, request.mode ?? 0o644);
	};
	if (asDir) mkdirp(tree, dest, request.owner);
	for (const m of matches) {
		if (m.kind === 'file') write(asDir ? resolvePath(dest, m.name) : dest, m.content);
		else for (const [relative, content] of m.files) write(resolvePath(dest, relative), content);
	}
	return null;
}

/** The text the cache key of a copy covers: the matched files' names and contents. */
export function copyKey(from: CopySource, sources: readonly string[]): string {
	const all = entries(from);
	return sources
		.map((raw) => {
			const path = resolvePath('/', raw).slice(1);
			return all
				.filter(
					([name]) =>
						path === '' || name === path || name.startsWith(`${path}/`) || globMatch(path, name)
				)
				.map(([name, content]) => `${name}\u0000${content}`)
				.join('\u0001');
		})
		.join('\u0002');
}
