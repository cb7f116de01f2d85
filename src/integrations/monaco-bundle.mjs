// Bundles Monaco for the exercise editor with esbuild, as one script, one stylesheet and one
// editor worker, instead of letting the site's bundler walk Monaco's thousand modules.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledModule } from './bundled-module.mjs';
import { hashedName } from './hashed-name.mjs';
import { monacoStartupPatch } from './monaco-startup-patch.mjs';

const VIRTUAL = 'virtual:spinup/monaco';
const ENTRY = fileURLToPath(new URL('../client/editor/monaco-bundle.ts', import.meta.url));
const WORKER = 'monaco-editor/editor/editor.worker.js';
const MONACO_DIR = fileURLToPath(new URL('../../node_modules/monaco-editor/', import.meta.url));

/** The module the site imports during development: Monaco from source, through Vite. */
const DEV_MODULE = `
import EditorWorker from '${WORKER}?worker';
export function loadEditorBundle() {
	self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
	return import(${JSON.stringify(ENTRY)});
}`;

/**
 * The module the built site imports: it fetches the pre-built files by URL.
 * @param {{ script: string, style: string, worker: string }} urls
 */
function builtModule(urls) {
	return `
const urls = ${JSON.stringify(urls)};
function stylesheet(href) {
	return new Promise((resolve, reject) => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = href;
		link.onload = () => resolve(undefined);
		link.onerror = () => reject(new Error('could not load ' + href));
		document.head.append(link);
	});
}
let attempts = 0;
export function loadEditorBundle() {
	self.MonacoEnvironment = { getWorker: () => new Worker(urls.worker, { type: 'module' }) };
	// The browser remembers a failed import() of a URL for the page's lifetime: a retry asks for
	// the same file under a new query string.
	const attempt = attempts++;
	const script = attempt === 0 ? urls.script : urls.script + '?retry=' + attempt;
	return Promise.all([import(/* @vite-ignore */ script), stylesheet(urls.style)]).then(
		([monaco]) => monaco
	);
}`;
}

/**
 * Runs esbuild over the editor entry and Monaco's editor worker; returns the files to write,
 * named `<assets>/<name>.<hash>.<ext>`, and the URLs the page loads.
 * @param {string} assetsDir
 * @param {string} base
 */
async function bundleMonaco(assetsDir, base) {
	const result = await build({
		entryPoints: { 'monaco-editor': ENTRY, 'editor.worker': WORKER },
		bundle: true,
		minify: true,
		format: 'esm',
		target: 'es2022',
		platform: 'browser',
		write: false,
		outdir: '/out',
		entryNames: '[name]',
		assetNames: '[name]',
		loader: { '.ttf': 'file' },
		publicPath: `${base}${assetsDir}/`,
		logLevel: 'warning',
		plugins: [monacoStartupPatch],
	});
	const files = result.outputFiles.map((file) => {
		const name = file.path.slice('/out/'.length);
		return { name, hashed: name, contents: file.contents };
	});
	/** @type {Map<string, string>} plain name → hashed name */
	const names = new Map();
	/** Gives a file its hashed name, once its contents are final. */
	const seal = (/** @type {(typeof files)[number]} */ file) => {
		file.hashed = hashedName(file.name, file.contents);
		names.set(file.name, file.hashed);
	};
	files.filter((f) => !f.name.endsWith('.css')).forEach(seal);
	// The stylesheet names the font by its plain name: point it at the hashed one, then hash it.
	for (const file of files.filter((f) => f.name.endsWith('.css'))) {
		let text = new TextDecoder().decode(file.contents);
		for (const [plain, hashed] of names) {
			text = text.replace(
				new RegExp(`/${plain.replaceAll('.', '\\.')}(?=["')])`, 'g'),
				`/${hashed}`
			);
		}
		file.contents = new TextEncoder().encode(text);
		seal(file);
	}
	const url = (/** @type {string} */ name) => `${base}${assetsDir}/${names.get(name)}`;
	return {
		files: files.map((f) => ({ fileName: `${assetsDir}/${f.hashed}`, source: f.contents })),
		urls: {
			script: url('monaco-editor.js'),
			style: url('monaco-editor.css'),
			worker: url('editor.worker.js'),
		},
	};
}

/**
 * Returns the integration that serves `virtual:spinup/monaco`: Monaco from source in development,
 * pre-bundled files in a build (marked as coming from monaco-editor, so the offline worker caches
 * them on first use rather than up front).
 * @returns {import('astro').AstroIntegration}
 */
export function monacoBundle() {
	return bundledModule({
		name: 'spinup:monaco-bundle',
		id: VIRTUAL,
		dev: () => DEV_MODULE,
		bundle: async ({ assetsDir, base }) => {
			const { files, urls } = await bundleMonaco(assetsDir, base);
			const marked = files.map((f) => ({ ...f, originalFileName: `${MONACO_DIR}${f.fileName}` }));
			return { code: builtModule(urls), files: marked };
		},
	});
}
