// Bundles the site's web workers (src/client/*.worker.ts) with esbuild, each into one file, and
// serves their URLs as `virtual:spinup/workers`.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hashedName } from './hashed-name.mjs';

const VIRTUAL = 'virtual:spinup/workers';
const RESOLVED = '\0' + VIRTUAL;
const CLIENT_DIR = fileURLToPath(new URL('../client/', import.meta.url));
const SUFFIX = '.worker.ts';

/** The workers: `validate-yaml` for src/client/validate-yaml.worker.ts, and so on. */
function workerNames() {
	return readdirSync(CLIENT_DIR)
		.filter((file) => file.endsWith(SUFFIX))
		.map((file) => file.slice(0, -SUFFIX.length))
		.sort();
}

/**
 * The module that maps each worker's name to its URL.
 * @param {Record<string, string>} urls
 */
function urlModule(urls) {
	return `export const workerUrls = ${JSON.stringify(urls)};`;
}

/**
 * Runs esbuild over every worker; returns the files to write and each worker's URL.
 * @param {string} assetsDir
 * @param {string} base
 */
async function bundleWorkers(assetsDir, base) {
	const names = workerNames();
	const result = await build({
		entryPoints: Object.fromEntries(names.map((n) => [n, `${CLIENT_DIR}${n}${SUFFIX}`])),
		bundle: true,
		minify: true,
		format: 'esm',
		target: 'es2022',
		platform: 'browser',
		write: false,
		outdir: '/out',
		entryNames: '[name].worker',
		logLevel: 'warning',
	});
	/** @type {Record<string, string>} */
	const urls = {};
	const files = result.outputFiles.map((file) => {
		const plain = file.path.slice('/out/'.length);
		const fileName = `${assetsDir}/${hashedName(plain, file.contents)}`;
		urls[plain.slice(0, -'.worker.js'.length)] = `${base}${fileName}`;
		return { fileName, source: file.contents };
	});
	return { files, urls };
}

/**
 * Returns the integration that serves `virtual:spinup/workers`: in development each worker's
 * source URL (Vite compiles it on request), in a build the URL of its esbuild bundle.
 * @returns {import('astro').AstroIntegration}
 */
export function workerBundles() {
	return {
		name: 'spinup:worker-bundles',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				const building = command === 'build';
				/** @type {ReturnType<typeof bundleWorkers> | undefined} */
				let bundled;
				let out = { assetsDir: '_astro', base: '/' };
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'spinup:worker-bundles',
								configResolved(config) {
									out = { assetsDir: config.build.assetsDir, base: config.base };
								},
								resolveId(id) {
									return id === VIRTUAL ? RESOLVED : undefined;
								},
								async load(id) {
									if (id !== RESOLVED) return undefined;
									if (!building) {
										const root = `${out.base}src/client/`;
										return urlModule(
											Object.fromEntries(workerNames().map((n) => [n, `${root}${n}${SUFFIX}`]))
										);
									}
									bundled ??= bundleWorkers(out.assetsDir, out.base);
									return urlModule((await bundled).urls);
								},
								async generateBundle() {
									if (!bundled) return;
									for (const file of (await bundled).files) {
										this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
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
