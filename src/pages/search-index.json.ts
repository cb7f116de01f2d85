import type { APIRoute } from 'astro';
import { buildSearchIndex } from '../core/search/build.js';
import { collectSearchDocs } from '../lib/search-docs.js';

/** The prebuilt search index, fetched by the search dialog on first use. */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify(buildSearchIndex(await collectSearchDocs())), {
		headers: { 'content-type': 'application/json' },
	});
