import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import { buildImage } from '../../../../src/core/sim/build.js';
import { copyInto } from '../../../../src/core/sim/copy.js';
import { Engine } from '../../../../src/core/sim/engine.js';
import { mkdirp, modeString, resolvePath } from '../../../../src/core/sim/fs.js';
import { readImageName } from '../../../../src/core/sim/refs.js';
import { applyMode } from '../../../../src/core/sim/run-effects.js';
import type { FileTree, Image } from '../../../../src/core/sim/types.js';
import { resolveUser } from '../../../../src/core/sim/users.js';
import { loadCenter } from '../../helpers/center.js';
import { makeShell, pushApp, run, runAll } from './setup.js';

/** Builds a Dockerfile over context files; fails the test when the build fails. */
function build(text: string, context: Record<string, string> = {}): Image {
	const result = buildImage(new Engine(), {
		doc: parseDockerfile(text),
		context,
		buildArgs: {},
		noCache: false,
		center: loadCenter(),
	});
	if (!result.image) throw new Error(result.failure?.message ?? 'no image');
	return result.image;
}

describe('image references', () => {
	it('keep the short familiar form with a tag', () => {
		const ok = (text: string) => {
			const name = readImageName(text);
			if ('error' in name) throw new Error(name.error);
			return name;
		};
		expect(ok('python').ref).toBe('python:latest');
		expect(ok('python').full).toBe('docker.io/library/python:latest');
		expect(ok('docker.io/library/python:3.12-slim').ref).toBe('python:3.12-slim');
		expect(ok('elvis/app:v1').full).toBe('docker.io/elvis/app:v1');
		const nersc = ok('registry.nersc.gov/m1234/elvis/app:v1');
		expect([nersc.host, nersc.path, nersc.repository, nersc.explicitHost]).toEqual([
			'registry.nersc.gov',
			'm1234/elvis/app',
			'registry.nersc.gov/m1234/elvis/app',
			true,
		]);
		expect(ok('localhost:5000/app').host).toBe('localhost:5000');
	});

	it('reject what Docker rejects', () => {
		expect(readImageName('MyApp')).toEqual({
			error: 'invalid reference format: repository name (MyApp) must be lowercase',
		});
		for (const bad of ['', 'app:', 'a b', 'app:-x', 'app@sha256:abc', '-app'])
			expect('error' in readImageName(bad)).toBe(true);
	});
});

describe('paths and modes', () => {
	it('resolve . and .. and format modes like ls', () => {
		expect(resolvePath('/app', '../etc/./passwd')).toBe('/etc/passwd');
		expect(resolvePath('/app', '/x//y/')).toBe('/x/y');
		expect(modeString({ dir: true, content: '', owner: '0:0', mode: 0o1777 })).toBe('drwxrwxrwt');
		expect(modeString({ dir: false, content: '', owner: '0:0', mode: 0o640 })).toBe('-rw-r-----');
		expect(applyMode(0o755, 'g+w')).toBe(0o775);
		expect(applyMode(0o777, 'o-rwx,g-w')).toBe(0o750);
		expect(applyMode(0o644, '600')).toBe(0o600);
		expect(applyMode(0o644, 'bogus')).toBeNull();
	});
});

describe('COPY', () => {
	const context = { 'app.py': 'A', 'lib/util.py': 'U', 'lib/sub/deep.py': 'D', 'README.md': 'R' };
	const copy = (sources: string[], dest: string, workdir = '/app'): FileTree | string => {
		const tree: FileTree = {};
		mkdirp(tree, '/app');
		const missing = copyInto(
			tree,
			{ kind: 'context', files: context },
			{ sources, dest, workdir, owner: '0:0', mode: null }
		);
		return missing ?? tree;
	};
	const paths = (tree: FileTree | string) =>
		typeof tree === 'string'
			? tree
			: Object.keys(tree)
					.filter((p) => !tree[p]?.dir)
					.sort();

	it('copies a file to a path, into a directory, or to a relative destination', () => {
		expect(paths(copy(['app.py'], '/srv/main.py'))).toEqual(['/srv/main.py']);
		expect(paths(copy(['app.py'], '/srv/'))).toEqual(['/srv/app.py']);
		expect(paths(copy(['app.py'], '.'))).toEqual(['/app/app.py']);
		expect(paths(copy(['app.py', 'README.md'], 'docs'))).toEqual([
			'/app/docs/README.md',
			'/app/docs/app.py',
		]);
	});

	it('copies directories by content, the whole context, and globs', () => {
		expect(paths(copy(['lib'], '/srv'))).toEqual(['/srv/sub/deep.py', '/srv/util.py']);
		expect(paths(copy(['.'], '.'))).toEqual([
			'/app/README.md',
			'/app/app.py',
			'/app/lib/sub/deep.py',
			'/app/lib/util.py',
		]);
		expect(paths(copy(['*.py'], '/srv/'))).toEqual(['/srv/app.py']);
		expect(paths(copy(['lib/*.py'], '/srv/'))).toEqual(['/srv/util.py']);
	});

	it('names the first missing source', () => {
		expect(copy(['nope.py'], '.')).toBe('/nope.py');
		expect(copy(['*.txt'], '.')).toBe('/*.txt');
	});
});

describe('RUN effects', () => {
	it('adds users and groups, and honours chown, chmod, mkdir, touch and rm', () => {
		const image = build(
			[
				'FROM debian:12',
				'RUN groupadd -g 60123 proj && useradd -u 54321 -g proj -m alice',
				'RUN mkdir -p /data/out && touch /data/out/log && chown -R alice:proj /data && chmod 750 /data',
				'RUN mkdir /tmp/x && rm -rf /tmp/x',
				'USER alice',
			].join('\n')
		);
		expect(image.files['/etc/passwd']?.content).toContain(
			'alice:x:54321:60123::/home/alice:/bin/sh'
		);
		expect(image.files['/etc/group']?.content).toContain('proj:x:60123:');
		expect(image.files['/data']?.owner).toBe('54321:60123');
		expect(image.files['/data/out/log']?.owner).toBe('54321:60123');
		expect(image.files['/data']?.mode).toBe(0o750);
		expect(image.files['/tmp/x']).toBeUndefined();
		const alice = resolveUser(image.files, image.config.user);
		expect(alice).toEqual({
			uid: 54321,
			gid: 60123,
			user: 'alice',
			group: 'proj',
			home: '/home/alice',
		});
	});

	it('reads Alpine-style adduser and addgroup', () => {
		const image = build(
			'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -D -u 10001 -G app app\n'
		);
		expect(image.files['/etc/passwd']?.content).toMatch(/^app:x:10001:\d+:/m);
	});

	it('edits files with sed -i (basic and extended expressions, s and d)', () => {
		const image = build(
			[
				'FROM nginx:1.27',
				"RUN sed -i 's/listen       80;/listen       8080;/' /etc/nginx/conf.d/default.conf",
				"RUN sed -i -E 's,^pid\\s+(.*);,pid /var/tmp/nginx.pid;,' /etc/nginx/nginx.conf && sed -i '/^user/d' /etc/nginx/nginx.conf",
			].join('\n')
		);
		expect(image.files['/etc/nginx/conf.d/default.conf']?.content).toContain('listen       8080;');
		expect(image.files['/etc/nginx/nginx.conf']?.content).toContain('pid /var/tmp/nginx.pid;');
		expect(image.files['/etc/nginx/nginx.conf']?.content).not.toContain('user  nginx;');
	});

	it('resets an inherited CMD when ENTRYPOINT is set, and records shell form', () => {
		expect(build('FROM python:3.12-slim\nENTRYPOINT ["python"]\n').config.cmd).toBeNull();
		const both = build('FROM python:3.12-slim\nENTRYPOINT ["python"]\nCMD ["app.py"]\n').config;
		expect([both.entrypoint, both.cmd, both.shellForm]).toEqual([['python'], ['app.py'], false]);
		const shell = build('FROM python:3.12-slim\nCMD python app.py\n').config;
		expect([shell.cmd, shell.shellForm]).toEqual([['/bin/sh', '-c', 'python app.py'], true]);
	});

	it('expands ARG and ENV values', () => {
		const image = build(
			'FROM python:3.12-slim\nARG HOME_DIR=/srv\nENV APP_HOME=${HOME_DIR}/app\nWORKDIR $APP_HOME\nCOPY app.py .\n',
			{ 'app.py': 'x' }
		);
		expect(image.config.workdir).toBe('/srv/app');
		expect(image.files['/srv/app/app.py']).toBeDefined();
	});
});

describe('the engine', () => {
	it('is deterministic: the same commands give the same state', () => {
		const lines = [
			'docker build -t app:v1 .',
			'docker run -d -p 5000:5000 app:v1',
			'docker run -d nginx:1.27',
			'kubectl create namespace demo',
		];
		const one = makeShell();
		const two = makeShell();
		runAll(one, lines);
		runAll(two, lines);
		pushApp(one);
		pushApp(two);
		run(one, 'kubectl apply -f deploy.yaml');
		run(two, 'kubectl apply -f deploy.yaml');
		expect(JSON.stringify(one.state)).toBe(JSON.stringify(two.state));
	});

	it('keeps its state as plain data that a new shell can continue from', () => {
		const first = makeShell();
		runAll(first, ['docker build -t app:v1 .', 'docker run -d --name web app:v1']);
		const saved = JSON.parse(JSON.stringify(first.state)) as typeof first.state;
		const second = makeShell({ state: saved });
		expect(run(second, 'docker exec web pwd').text).toBe('/app');
		expect(run(second, 'docker ps').text).toContain('web');
	});

	it('takes time from an injected clock', () => {
		let now = 1_000_000;
		const sh = makeShell({ engine: { clock: () => now } });
		run(sh, 'docker build -t app .');
		now += 3 * 60_000;
		expect(run(sh, 'docker images').text).toContain('3 minutes ago');
	});
});
