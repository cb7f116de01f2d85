// SpinUp's offline worker. The build writes it to /sw.js with the manifest filled in.
// Pages and other unhashed files: network first with a short timeout, then the precache.
// Hashed files under /_astro/: cache first; the ones not precached are cached on first use.
// Requests to other hosts are never answered or stored here.

/** @type {{ version: string, precache: string[], bytes: number, runtime: string[] }} */
const MANIFEST = self.__SW_MANIFEST__;

const PREFIX = 'spinup-';
const PRECACHE = `${PREFIX}precache-${MANIFEST.version}`;
const RUNTIME = `${PREFIX}runtime-${MANIFEST.version}`;
const ASSETS = '/_astro/';
const NOT_FOUND = '/404.html';
const NETWORK_TIMEOUT_MS = 3000;
const PARALLEL_DOWNLOADS = 4;

/** Drops the redirect flag so a stored response can answer a navigation. */
async function storable(response) {
	if (!response.redirected) return response;
	const { status, statusText, headers } = response;
	return new Response(await response.blob(), { status, statusText, headers });
}

/** Finds a hashed file in any cache of an earlier version (hashed names never change content). */
function fromEarlierCaches(url) {
	return url.startsWith(ASSETS) ? caches.match(url) : Promise.resolve(undefined);
}

/** Fetches every precached URL not yet stored, a few at a time; fails on any error. */
async function precache() {
	const cache = await caches.open(PRECACHE);
	const queue = [...MANIFEST.precache];
	const download = async () => {
		for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
			if (await cache.match(url)) continue;
			const response = (await fromEarlierCaches(url)) ?? (await fetch(url, { cache: 'no-cache' }));
			if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
			await cache.put(url, await storable(response));
		}
	};
	await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, download));
}

/** Copies this build's heavy files out of earlier caches, then deletes every earlier cache. */
async function replaceEarlierCaches() {
	const runtime = await caches.open(RUNTIME);
	for (const url of MANIFEST.runtime) {
		if (await runtime.match(url)) continue;
		const earlier = await caches.match(url);
		if (earlier) await runtime.put(url, earlier);
	}
	const names = await caches.keys();
	const stale = names.filter((n) => n.startsWith(PREFIX) && n !== PRECACHE && n !== RUNTIME);
	await Promise.all(stale.map((n) => caches.delete(n)));
}

/** Looks a page or file up in the precache, ignoring the query and a missing final slash. */
async function fromPrecache(url) {
	const cache = await caches.open(PRECACHE);
	const key = url.origin + url.pathname;
	const hit = await cache.match(key, { ignoreSearch: true });
	const last = url.pathname.split('/').pop() ?? '';
	if (hit || last === '' || last.includes('.')) return hit;
	return cache.match(`${key}/`, { ignoreSearch: true });
}

/** Resolves with undefined after `ms`. */
function timeout(ms) {
	return new Promise((done) => setTimeout(() => done(undefined), ms));
}

/** Network first: a slow, failed or server-error answer falls back to the precache, then 404. */
async function networkFirst(request) {
	const url = new URL(request.url);
	const network = fetch(request);
	network.catch(() => undefined);
	try {
		const answer = await Promise.race([network, timeout(NETWORK_TIMEOUT_MS)]);
		if (answer && answer.status < 500) return answer;
		const cached = await fromPrecache(url);
		if (cached) return cached;
		return answer ?? (await network);
	} catch {
		const cached = await fromPrecache(url);
		if (cached) return cached;
		if (request.mode !== 'navigate') return Response.error();
		const page = await fromPrecache(new URL(NOT_FOUND, url));
		if (!page) return Response.error();
		return new Response(await page.blob(), { status: 404, headers: page.headers });
	}
}

/** Cache first for hashed files; stores what the network returns for next time. */
async function cacheFirst(event) {
	const { request } = event;
	const hit = await caches.match(request.url);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') {
		const copy = response.clone();
		event.waitUntil(caches.open(RUNTIME).then((cache) => cache.put(request.url, copy)));
	}
	return response;
}

self.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
	event.waitUntil(replaceEarlierCaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
	if (event.data?.type === 'skip-waiting') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || url.pathname === '/sw.js') return;
	event.respondWith(url.pathname.startsWith(ASSETS) ? cacheFirst(event) : networkFirst(request));
});
