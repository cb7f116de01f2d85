// Bundles the site's web workers (src/client/*.worker.ts) with esbuild, each into one file, and
// serves their URLs as `virtual:spinup/workers`.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledModule } from './bundled-module.mjs';
import { hashedName } from './hashed-name.mjs';

const VIRTUAL = 'virtual:spinup/workers';
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
	return bundledModule({
		name: 'spinup:worker-bundles',
		id: VIRTUAL,
		dev: ({ base }) =>
			urlModule(
				Object.fromEntries(workerNames().map((n) => [n, `${base}src/client/${n}${SUFFIX}`]))
			),
		bundle: async ({ assetsDir, base }) => {
			const { files, urls } = await bundleWorkers(assetsDir, base);
			return { code: urlModule(urls), files };
		},
	});
}
