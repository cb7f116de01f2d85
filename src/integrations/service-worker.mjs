// Writes the offline worker, dist/sw.js, with its precache list and build version.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heavyFilesCollector } from '../sw/heavy-files.mjs';
import {
	WORKER_FILE,
	hashBytes,
	listFiles,
	renderWorker,
	workerManifest,
} from '../sw/manifest.mjs';

/** The worker source; the build fills in its manifest. */
const WORKER_SOURCE = new URL('../sw/worker.js', import.meta.url);

/**
 * Returns the integration that builds `sw.js`: it learns which client files come from Monaco
 * and xterm while Vite bundles, then lists the rest for precaching once the build is done.
 * @returns {import('astro').AstroIntegration}
 */
export function serviceWorker() {
	/** @type {Set<string>} */
	const heavy = new Set();
	return {
		name: 'spinup:service-worker',
		hooks: {
			'astro:build:setup': ({ target, updateConfig }) => {
				if (target !== 'client') return;
				const plugins = heavyFilesCollector(heavy);
				updateConfig({ plugins: [plugins.bundle], worker: { plugins: () => [plugins.worker] } });
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const source = await readFile(WORKER_SOURCE, 'utf8');
				const manifest = workerManifest(listFiles(out), heavy, hashBytes(source));
				await writeFile(join(out, WORKER_FILE), renderWorker(source, manifest));
				logger.info(
					`${WORKER_FILE} ${manifest.version}: precaches ${manifest.precache.length} files ` +
						`(${manifest.bytes} bytes); ${manifest.runtime.length} Monaco/xterm files cached on first use`
				);
			},
		},
	};
}
