// Measures the search index and queries over the built site: index size (raw, gzip), the
// dialog's JS loaded on first open (gzip), and query time over 200 realistic queries.
// Usage: npx tsx tests/bench/search.ts   (after `astro build`; SPINUP_DIST picks another build)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadSearchIndex, search } from '../../src/core/search/query.js';
import type { SearchIndexFile } from '../../src/core/search/types.js';
import { DIST } from '../helpers/dist.js';

const BASE = [
	'registry',
	'push image',
	'mount global read-only',
	'capabilities drop all',
	'non-root user',
	'ingress host',
	'namespace',
	'persistent volume claim',
	'storage class',
	'secret password',
	'rollout undo',
	'kubectl logs',
	'docker build',
	'compose stack',
	'nginx 8080',
	'flask app',
	'security context',
	'runAsUser',
	'fsGroup',
	'hostPath',
	'o+x permission denied',
	'crash loop',
	'image pull error',
	'pull secret',
	'rancher',
	'production cluster',
	'development',
	'workload',
	'deployment replicas',
	'service port',
	'dns name',
	'tls certificate',
	'healthcheck',
	'apt-get install',
	'pip no cache',
	'multi-stage build',
	'copy from',
	'entrypoint cmd',
	'environment variable',
	'volume',
];

/** Makes a prefix and a one-typo variant of a query, as people type them. */
function variants(q: string): string[] {
	const word = q.split(' ')[0] ?? q;
	const prefix = word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));
	const typo = word.length >= 5 ? `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` : word;
	return [q, prefix, typo, `${q} spin`, q.toUpperCase()];
}

const queries = BASE.flatMap(variants).slice(0, 200);
const raw = readFileSync(join(DIST, 'search-index.json'));
const file = JSON.parse(raw.toString()) as SearchIndexFile;
const t0 = performance.now();
const searcher = loadSearchIndex(file);
const loadMs = performance.now() - t0;

for (const q of queries.slice(0, 20)) search(searcher, q);
const times: number[] = [];
let empty = 0;
for (const q of queries) {
	const start = performance.now();
	const results = search(searcher, q);
	times.push(performance.now() - start);
	if (results.length === 0) empty += 1;
}
times.sort((a, b) => a - b);
const pct = (p: number) =>
	times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;

const astro = join(DIST, '_astro');
const dialogJs = readdirSync(astro)
	.filter((f) => /^(search|search-render)\.[\w-]+\.js$/.test(f))
	.map((f) => gzipSync(readFileSync(join(astro, f)), { level: 9 }).length)
	.reduce((a, b) => a + b, 0);

console.log('\nSearch');
console.log(
	`index: ${file.docs.length} documents, ${(raw.length / 1000).toFixed(1)} kB raw, ${(gzipSync(raw, { level: 9 }).length / 1000).toFixed(1)} kB gzip`
);
console.log(
	`dialog JS loaded on first open (search + search-render chunks, with lunr): ${(dialogJs / 1000).toFixed(1)} kB gzip`
);
console.log(`index load (lunr.Index.load): ${loadMs.toFixed(1)} ms`);
console.log(
	`${queries.length} queries: median ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, max ${(times.at(-1) ?? 0).toFixed(2)} ms; ${empty} with no result`
);
