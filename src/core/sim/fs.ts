import type { FileNode, FileTree } from './types.js';

/** Paths and file trees inside simulated images. Paths are absolute and POSIX-style. */

/** Normalises a path against a working directory: resolves `.`, `..` and repeated slashes. */
export function resolvePath(cwd: string, path: string): string {
	const joined = path.startsWith('/') ? path : `${cwd || '/'}/${path}`;
	const parts: string[] = [];
	for (const part of joined.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return `/${parts.join('/')}`;
}

/** The parent directory of an absolute path (`/` for `/`). */
export function dirname(path: string): string {
	const cut = path.lastIndexOf('/');
	return cut <= 0 ? '/' : path.slice(0, cut);
}

/** The last component of a path. */
export function basename(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Creates a directory and its parents; existing directories keep their owner and mode. */
export function mkdirp(tree: FileTree, path: string, owner = '0:0', mode = 0o755): void {
	const parts = path.split('/').filter((part) => part !== '');
	let current = '';
	if (!tree['/']) tree['/'] = { dir: true, content: '', owner: '0:0', mode: 0o755 };
	for (const part of parts) {
		current += `/${part}`;
		const node = tree[current];
		if (!node || !node.dir) tree[current] = { dir: true, content: '', owner, mode };
	}
}

/** Writes a file, creating its parent directories. */
export function writeFile(
	tree: FileTree,
	path: string,
	content: string,
	owner = '0:0',
	mode = 0o644
): void {
	mkdirp(tree, dirname(path));
	tree[path] = { dir: false, content, owner, mode };
}

/** The node at a path, if any. */
export function nodeAt(tree: FileTree, path: string): FileNode | undefined {
	return Object.prototype.hasOwnProperty.call(tree, path) ? tree[path] : undefined;
}

/** The names directly inside a directory, sorted. */
export function listDir(tree: FileTree, dir: string): string[] {
	const prefix = dir === '/' ? '/' : `${dir}/`;
	const names = new Set<string>();
	for (const path of Object.keys(tree)) {
		if (path === dir || !path.startsWith(prefix)) continue;
		const rest = path.slice(prefix.length);
		if (rest !== '' && !rest.includes('/')) names.add(rest);
	}
	return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every path at or below a path. */
export function subtree(tree: FileTree, path: string): string[] {
	const prefix = path === '/' ? '/' : `${path}/`;
	return Object.keys(tree).filter((key) => key === path || key.startsWith(prefix));
}

/** Removes a path and everything below it. */
export function removePath(tree: FileTree, path: string): void {
	for (const key of subtree(tree, path)) delete tree[key];
}

/** Copies a tree (nodes are small records). */
export function cloneTree(tree: FileTree): FileTree {
	const out: FileTree = {};
	for (const [path, node] of Object.entries(tree)) out[path] = { ...node };
	return out;
}

/** Total size of the files of a tree, in bytes (characters). */
export function treeSize(tree: FileTree): number {
	let size = 0;
	for (const node of Object.values(tree)) if (!node.dir) size += node.content.length;
	return size;
}

/** Formats permission bits like `ls -l` (`drwxr-xr-x`). */
export function modeString(node: FileNode): string {
	const bits = 'rwxrwxrwx';
	let out = node.dir ? 'd' : '-';
	for (let i = 0; i < 9; i++) out += node.mode & (1 << (8 - i)) ? bits[i] : '-';
	if (node.mode & 0o1000) out = `${out.slice(0, 9)}${node.mode & 1 ? 't' : 'T'}`;
	return out;
}

/** Tells whether a path matches a simple glob (`*`, `?`) component by component. */
export function globMatch(pattern: string, path: string): boolean {
	const source = pattern
		.split('')
		.map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`).test(path);
}
