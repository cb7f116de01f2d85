// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { monacoBundle } from './src/integrations/monaco-bundle.mjs';
import { prerenderBuild } from './src/integrations/prerender-build.mjs';
import { rehypeHeadingLinks } from './src/integrations/rehype-heading-links.mjs';
import { rehypeSections } from './src/integrations/rehype-sections.mjs';
import { serviceWorker } from './src/integrations/service-worker.mjs';
import { shikiWrongExample } from './src/integrations/shiki-wrong-example.mjs';
import { workerBundles } from './src/integrations/worker-bundles.mjs';

/** Static site; chapters are MDX; code blocks follow the colour scheme. */
export default defineConfig({
	site: 'https://spinup.example.org',
	output: 'static',
	trailingSlash: 'always',
	build: { format: 'directory', inlineStylesheets: 'always' },
	integrations: [mdx(), prerenderBuild(), monacoBundle(), workerBundles(), serviceWorker()],
	markdown: {
		rehypePlugins: [rehypeHeadingIds, rehypeHeadingLinks, rehypeSections],
		shikiConfig: {
			themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
			defaultColor: false,
			transformers: [shikiWrongExample()],
		},
	},
	server: { host: '127.0.0.1', port: 4321 },
	devToolbar: { enabled: false },
	prefetch: false,
	// Sizes are measured by `npm run bench`; skipping Vite's gzip report saves build time.
	vite: { build: { reportCompressedSize: false } },
});
