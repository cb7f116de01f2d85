#!/usr/bin/env node
// Serves a built site folder on 127.0.0.1 (default dist/ on port 4321) and prints the address.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.vtt': 'text/vtt; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
};

/** Reads `--port N` and the folder from the command line. */
function parseArgs(argv) {
	const args = { root: 'dist', port: 4321 };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--port') args.port = Number(argv[++i]);
		else args.root = argv[i];
	}
	return args;
}

/** Maps a URL path to a file in the root, or null when it leaves the root or does not exist. */
function resolveFile(root, pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	let file = join(root, clean);
	if (!file.startsWith(root)) return null;
	try {
		if (statSync(file).isDirectory()) file = join(file, 'index.html');
		return statSync(file).isFile() ? file : null;
	} catch {
		return null;
	}
}

/** Starts the server and resolves with it once it listens. */
export function serve(rootDir, port) {
	const root = resolve(rootDir);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const file = resolveFile(root, url.pathname);
		const status = file ? 200 : 404;
		const target = file ?? resolveFile(root, '/404.html');
		if (!target) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		res.writeHead(status, {
			'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
		});
		createReadStream(target).pipe(res);
	});
	return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { root, port } = parseArgs(process.argv.slice(2));
	const server = await serve(root, port);
	const address = server.address();
	console.log(
		`SpinUp course site: http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`
	);
}
