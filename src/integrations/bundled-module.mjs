// One Vite plugin shape for the modules whose built code points at files the build bundles itself.

/**
 * @typedef {{ assetsDir: string, base: string }} Output Where built files go and the site's base URL.
 * @typedef {{ fileName: string, source: Uint8Array, originalFileName?: string }} BundledFile
 */

/**
 * Returns an integration that serves the virtual module `id`: `dev(out)` is its code under the
 * development server; in a build, `bundle(out)` runs once, on first import, and gives the module's
 * code and the files to write beside the site's own.
 * @param {{
 *   name: string,
 *   id: string,
 *   dev: (out: Output) => string,
 *   bundle: (out: Output) => Promise<{ code: string, files: BundledFile[] }>,
 * }} spec
 * @returns {import('astro').AstroIntegration}
 */
export function bundledModule({ name, id, dev, bundle }) {
	const resolved = '\0' + id;
	return {
		name,
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				const building = command === 'build';
				/** @type {ReturnType<typeof bundle> | undefined} */
				let bundled;
				/** @type {Output} */
				let out = { assetsDir: '_astro', base: '/' };
				updateConfig({
					vite: {
						plugins: [
							{
								name,
								configResolved(config) {
									out = { assetsDir: config.build.assetsDir, base: config.base };
								},
								resolveId(source) {
									return source === id ? resolved : undefined;
								},
								async load(source) {
									if (source !== resolved) return undefined;
									if (!building) return dev(out);
									bundled ??= bundle(out);
									return (await bundled).code;
								},
								async generateBundle() {
									if (!bundled) return;
									for (const file of (await bundled).files) {
										this.emitFile({ type: 'asset', ...file });
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
