// Build settings for the server bundle that Astro runs once to render the static pages.

/**
 * Returns the integration that skips Rollup's tree-shaking in the server bundle: that bundle only
 * runs at build time to write the pages, so its size does not matter, and tree-shaking it took a
 * sixth of the build. Importing a module runs its top level either way, so pages come out the same.
 * @returns {import('astro').AstroIntegration}
 */
export function prerenderBuild() {
	return {
		name: 'spinup:prerender-build',
		hooks: {
			'astro:build:setup': ({ target, updateConfig }) => {
				if (target === 'server') updateConfig({ build: { rollupOptions: { treeshake: false } } });
			},
		},
	};
}
