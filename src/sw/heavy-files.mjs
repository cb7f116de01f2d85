// Vite plugins that find the client files built from Monaco and xterm, which the offline worker
// caches on first use instead of precaching.

/** Modules of the libraries that load only when a learner opens an editor or a terminal. */
const HEAVY_MODULE = /(?:^|[\\/])node_modules[\\/](?:monaco-editor|@xterm)[\\/]/;

/** Tells whether a list of module ids or source files includes a heavy library's. */
function fromHeavy(ids) {
	return ids.some((id) => HEAVY_MODULE.test(id));
}

/**
 * Marks chunks with heavy modules, except those a light chunk imports statically (they load
 * with the page), then assets that only heavy chunks use or that come from a heavy library.
 * @param {Record<string, any>} bundle
 * @param {Set<string>} heavy
 */
function collect(bundle, heavy) {
	const outputs = Object.values(bundle);
	const chunks = outputs.filter((o) => o.type === 'chunk');
	const heavyChunk = new Map(chunks.map((c) => [c.fileName, fromHeavy(c.moduleIds)]));
	for (let changed = true; changed;) {
		changed = false;
		for (const c of chunks) {
			if (heavyChunk.get(c.fileName)) continue;
			for (const dep of c.imports) {
				if (heavyChunk.get(dep)) (heavyChunk.set(dep, false), (changed = true));
			}
		}
	}
	/** @type {Map<string, string[]>} asset → chunks that import it */
	const users = new Map();
	for (const c of chunks) {
		const meta = c.viteMetadata;
		for (const asset of [...(meta?.importedCss ?? []), ...(meta?.importedAssets ?? [])]) {
			users.set(asset, [...(users.get(asset) ?? []), c.fileName]);
		}
	}
	for (const o of outputs) {
		if (o.type === 'chunk') {
			if (heavyChunk.get(o.fileName)) heavy.add(o.fileName);
			continue;
		}
		const by = users.get(o.fileName) ?? [];
		const sources = o.originalFileNames ?? [];
		if (
			(by.length > 0 && by.every((name) => heavyChunk.get(name))) ||
			(sources.length > 0 && fromHeavy(sources))
		) {
			heavy.add(o.fileName);
		}
	}
}

/**
 * Returns a plugin for the client bundle and one for worker bundles; both add the paths of
 * heavy output files (relative to the output folder) to `heavy`.
 * @param {Set<string>} heavy
 */
export function heavyFilesCollector(heavy) {
	return {
		bundle: {
			name: 'spinup:heavy-files',
			enforce: /** @type {const} */ ('post'),
			generateBundle(/** @type {unknown} */ _options, /** @type {Record<string, any>} */ bundle) {
				collect(bundle, heavy);
			},
		},
		worker: {
			name: 'spinup:heavy-worker-files',
			generateBundle(/** @type {unknown} */ _options, /** @type {Record<string, any>} */ bundle) {
				collect(bundle, heavy);
			},
		},
	};
}
