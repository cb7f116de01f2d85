// The offline worker's manifest: which built files it precaches, and the build version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A built file.
 * @typedef {object} BuiltFile
 * @property {string} path Path inside the output folder, with `/` separators (`_astro/x.js`).
 * @property {number} size Size in bytes.
 * @property {string} hash SHA-256 of the content, hex.
 */

/**
 * What `sw.js` carries.
 * @typedef {object} WorkerManifest
 * @property {string} version Build version: changes whenever any built file changes.
 * @property {string[]} precache URLs fetched when the worker installs.
 * @property {number} bytes Total size of the precached files.
 * @property {string[]} runtime Hashed URLs (Monaco, xterm) cached the first time a page loads them.
 */

/** The worker file itself, never part of its own manifest. */
export const WORKER_FILE = 'sw.js';

/** Styles, fonts, icons and images; anywhere in the build. */
const STATIC_FILES = /\.(?:css|woff2?|ttf|otf|svg|png|ico|webp|avif|jpe?g|gif|webmanifest)$/;

/** Returns the SHA-256 of a text or bytes, hex. */
export function hashBytes(data) {
	return createHash('sha256').update(data).digest('hex');
}

/**
 * Lists every file under `dir` with its size and content hash, sorted by path.
 * @param {string} dir
 * @returns {BuiltFile[]}
 */
export function listFiles(dir, prefix = '') {
	return readdirSync(join(dir, prefix))
		.flatMap((name) => {
			const path = prefix ? `${prefix}/${name}` : name;
			const full = join(dir, path);
			if (statSync(full).isDirectory()) return listFiles(dir, path);
			const bytes = readFileSync(full);
			return [{ path, size: bytes.length, hash: hashBytes(bytes) }];
		})
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Computes the build version from the files' paths and content hashes, in any order.
 * @param {readonly Pick<BuiltFile, 'path' | 'hash'>[]} files
 */
export function buildVersion(files) {
	const lines = files.map((f) => `${f.path}\0${f.hash}\n`).sort();
	return hashBytes(lines.join('')).slice(0, 16);
}

/** Turns a built file path into the URL that serves it (`chapters/x/index.html` → `/chapters/x/`). */
export function urlOf(path) {
	if (path === 'index.html') return '/';
	if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
	return `/${path}`;
}

/**
 * Tells whether the worker precaches a file: every page, the search index, styles, fonts and
 * icons, and the hashed scripts and workers except the `heavy` ones (Monaco, xterm).
 * @param {string} path
 * @param {ReadonlySet<string>} heavy
 */
export function isPrecached(path, heavy) {
	if (path === WORKER_FILE || path.endsWith('.map') || heavy.has(path)) return false;
	return (
		path.endsWith('.html') ||
		path === 'search-index.json' ||
		path.startsWith('_astro/') ||
		STATIC_FILES.test(path)
	);
}

/**
 * Builds the worker's manifest from the built files, the heavy ones, and the worker source's hash.
 * @param {readonly BuiltFile[]} files
 * @param {ReadonlySet<string>} heavy
 * @param {string} workerHash
 * @returns {WorkerManifest}
 */
export function workerManifest(files, heavy, workerHash) {
	const built = files.filter((f) => f.path !== WORKER_FILE);
	const precached = built.filter((f) => isPrecached(f.path, heavy));
	return {
		version: buildVersion([...built, { path: WORKER_FILE, hash: workerHash }]),
		precache: precached.map((f) => urlOf(f.path)),
		bytes: precached.reduce((sum, f) => sum + f.size, 0),
		runtime: built.filter((f) => heavy.has(f.path)).map((f) => urlOf(f.path)),
	};
}

/** The line of the worker source that receives the manifest. */
const SLOT = 'const MANIFEST = self.__SW_MANIFEST__;';

/**
 * Writes the manifest into the worker source.
 * @param {string} source
 * @param {WorkerManifest} manifest
 */
export function renderWorker(source, manifest) {
	if (source.split(SLOT).length !== 2) throw new Error(`The worker source needs one "${SLOT}"`);
	return source.replace(SLOT, () => `const MANIFEST = ${JSON.stringify(manifest)};`);
}

/**
 * Reads the manifest back out of a built `sw.js`.
 * @param {string} source
 * @returns {WorkerManifest}
 */
export function readManifest(source) {
	const match = /^const MANIFEST = (\{.*\});$/m.exec(source);
	if (!match?.[1]) throw new Error('sw.js carries no manifest');
	return JSON.parse(match[1]);
}
