// Bundles Monaco for the exercise editor with esbuild, as one script, one stylesheet and one
// editor worker, instead of letting the site's bundler walk Monaco's thousand modules.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const VIRTUAL = 'virtual:spinup/monaco';
const RESOLVED = '\0' + VIRTUAL;
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
export function loadEditorBundle() {
	self.MonacoEnvironment = { getWorker: () => new Worker(urls.worker, { type: 'module' }) };
	return Promise.all([import(/* @vite-ignore */ urls.script), stylesheet(urls.style)]).then(
		([monaco]) => monaco
	);
}`;
}

/** A short content hash for a file name. */
function shortHash(/** @type {Uint8Array} */ bytes) {
	return createHash('sha256').update(bytes).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
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
	});
	/** @type {Map<string, string>} plain name → hashed name */
	const names = new Map();
	const files = result.outputFiles.map((file) => {
		const name = file.path.slice('/out/'.length);
		const dot = name.lastIndexOf('.');
		const hashed = `${name.slice(0, dot)}.${shortHash(file.contents)}${name.slice(dot)}`;
		names.set(name, hashed);
		return { name, hashed, contents: file.contents };
	});
	// The stylesheet names the font by its plain name; point it at the hashed one.
	for (const file of files) {
		if (!file.name.endsWith('.css')) continue;
		let text = new TextDecoder().decode(file.contents);
		for (const [plain, hashed] of names) {
			text = text.replace(new RegExp(`/${plain.replace('.', '\\.')}(?=["')])`, 'g'), `/${hashed}`);
		}
		file.contents = new TextEncoder().encode(text);
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
	return {
		name: 'spinup:monaco-bundle',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				const building = command === 'build';
				/** @type {ReturnType<typeof bundleMonaco> | undefined} */
				let bundled;
				/** @type {{ assetsDir: string, base: string }} */
				let out = { assetsDir: '_astro', base: '/' };
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'spinup:monaco-bundle',
								configResolved(config) {
									out = { assetsDir: config.build.assetsDir, base: config.base };
								},
								resolveId(id) {
									return id === VIRTUAL ? RESOLVED : undefined;
								},
								async load(id) {
									if (id !== RESOLVED) return undefined;
									if (!building) return DEV_MODULE;
									bundled ??= bundleMonaco(out.assetsDir, out.base);
									return builtModule((await bundled).urls);
								},
								async generateBundle() {
									if (!bundled) return;
									for (const file of (await bundled).files) {
										this.emitFile({
											type: 'asset',
											fileName: file.fileName,
											source: file.source,
											originalFileName: `${MONACO_DIR}${file.fileName}`,
										});
									}
								},
							},
						],
					},
				});
			},
		},
	};
}
