import { describe, expect, it } from 'vitest';
import { makeShell, PUSHED, pushApp, run, runAll } from './setup.js';

describe('docker images, tag, pull and rmi', () => {
	it('lists images with repository, tag, id, age and size', () => {
		const sh = makeShell();
		run(sh, 'docker build -t my-app:v1 .');
		run(sh, 'docker tag my-app:v1 my-app:v2');
		const lines = run(sh, 'docker images').text.split('\n');
		expect(lines[0]).toMatch(/^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE$/);
		expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2).join(':'))).toEqual([
			'my-app:v1',
			'my-app:v2',
		]);
		expect(lines[1]).toMatch(/[0-9a-f]{12}\s+\d+ seconds ago\s+\d+MB$/);
		expect(run(sh, 'docker images -q').text).toMatch(/^[0-9a-f]{12}$/);
		expect(run(sh, 'docker images other').text.split('\n')).toHaveLength(1);
	});

	it('tags an image under a new name, and refuses a missing source or a bad target', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app .');
		expect(run(sh, `docker tag app ${PUSHED}:v1`).exitCode).toBe(0);
		expect(sh.state.store.tags[`${PUSHED}:v1`]).toBe(sh.state.store.tags['app:latest']);
		const missing = run(sh, 'docker tag nothing:v1 x:v1');
		expect(missing.exitCode).toBe(1);
		expect(missing.text).toContain('No such image: nothing:v1');
		const bad = run(sh, 'docker tag app Bad/Name');
		expect(bad.exitCode).toBe(1);
		expect(bad.text).toContain('must be lowercase');
		expect(run(sh, 'docker tag app').text).toContain('requires exactly 2 arguments');
	});

	it('finds an image by a unique id prefix', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app .');
		const id = sh.state.store.tags['app:latest'] ?? '';
		expect(run(sh, `docker tag ${id.slice(0, 6)} copy:v1`).exitCode).toBe(0);
		expect(sh.state.store.tags['copy:v1']).toBe(id);
	});

	it('pulls known public images and refuses unknown official ones', () => {
		const sh = makeShell();
		const out = run(sh, 'docker pull nginx');
		expect(out.exitCode).toBe(0);
		expect(out.text).toContain('Using default tag: latest');
		expect(out.text).toContain('Status: Downloaded newer image for nginx:latest');
		expect(out.text.split('\n').pop()).toBe('docker.io/library/nginx:latest');
		const missing = run(sh, 'docker pull my-own-app');
		expect(missing.exitCode).toBe(1);
		expect(missing.text).toContain('pull access denied for my-own-app');
	});

	it('pulls from the simulated NERSC registry after a push', () => {
		const sh = makeShell();
		expect(run(sh, `docker pull ${PUSHED}:v1`).text).toContain('manifest unknown');
		pushApp(sh);
		run(sh, `docker rmi ${PUSHED}:v1`);
		expect(run(sh, `docker pull ${PUSHED}:v1`).exitCode).toBe(0);
	});

	it('removes tags, then the image, and refuses an image a container uses', () => {
		const sh = makeShell();
		runAll(sh, ['docker build -t app .', 'docker tag app app:v2']);
		const first = run(sh, 'docker rmi app:v2');
		expect(first.text).toBe('Untagged: app:v2');
		run(sh, 'docker run -d --name c1 app');
		const busy = run(sh, 'docker rmi app');
		expect(busy.exitCode).toBe(1);
		expect(busy.text).toContain('container');
		expect(busy.text).toContain('is using its referenced image');
		const forced = run(sh, 'docker rmi -f app');
		expect(forced.text).toMatch(/Untagged: app:latest\nDeleted: sha256:[0-9a-f]{64}/);
		expect(run(sh, 'docker rmi app').text).toContain('No such image: app');
		expect(run(sh, 'docker rmi').exitCode).toBe(1);
	});
});

describe('docker login and push', () => {
	it('refuses to push a name without a registry host, and shows the tag to use', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app:v1 .');
		const out = run(sh, 'docker push app:v1');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('denied: requested access to the resource is denied');
		expect(out.text).toContain('names no registry host');
		expect(out.text).toContain('docker tag app:v1 registry.nersc.gov/m1234/elvis/app:v1');
		expect(Object.keys(sh.state.store.registry)).toEqual([]);
	});

	it('refuses to push an image that does not exist locally', () => {
		const out = run(makeShell(), `docker push ${PUSHED}:v9`);
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain(`An image does not exist locally with the tag: ${PUSHED}`);
	});

	it('refuses a host other than the NERSC registry, explaining the legacy host', () => {
		const sh = makeShell();
		runAll(sh, [
			'docker build -t app .',
			'docker tag app ghcr.io/elvis/app:v1',
			'docker tag app registry.spin.nersc.gov/elvis/app:v1',
		]);
		const other = run(sh, 'docker push ghcr.io/elvis/app:v1');
		expect(other.exitCode).toBe(1);
		expect(other.text).toContain('pushes only to registry.nersc.gov');
		const legacy = run(sh, 'docker push registry.spin.nersc.gov/elvis/app:v1');
		expect(legacy.exitCode).toBe(1);
		expect(legacy.text).toContain('Rancher 1 era');
	});

	it('needs a project in the name, a login, and membership of the project', () => {
		const sh = makeShell();
		runAll(sh, [
			'docker build -t app .',
			'docker tag app registry.nersc.gov/app:v1',
			`docker tag app ${PUSHED}:v1`,
			'docker tag app registry.nersc.gov/m9999/app:v1',
		]);
		expect(run(sh, 'docker push registry.nersc.gov/app:v1').text).toContain(
			'keeps images under a project'
		);
		const anonymous = run(sh, `docker push ${PUSHED}:v1`);
		expect(anonymous.exitCode).toBe(1);
		expect(anonymous.text).toContain('unauthorized: authentication required');
		run(sh, 'docker login registry.nersc.gov');
		const stranger = run(sh, 'docker push registry.nersc.gov/m9999/app:v1');
		expect(stranger.exitCode).toBe(1);
		expect(stranger.text).toContain('not a member of the project "m9999"');
		const ok = run(sh, `docker push ${PUSHED}:v1`);
		expect(ok.exitCode).toBe(0);
		expect(ok.text).toContain(`The push refers to repository [${PUSHED}]`);
		expect(ok.text).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
		expect(sh.state.store.registry[`${PUSHED}:v1`]).toBe(sh.state.store.tags['app:latest']);
		expect(run(sh, `docker push ${PUSHED}:v1`).text).toContain('Layer already exists');
	});

	it('warns when pushing latest', () => {
		const sh = makeShell();
		runAll(sh, [
			'docker build -t app .',
			`docker tag app ${PUSHED}`,
			'docker login registry.nersc.gov',
		]);
		const out = run(sh, `docker push ${PUSHED}`);
		expect(out.exitCode).toBe(0);
		expect(out.text).toContain('Using default tag: latest');
		expect(out.text).toContain('"latest" changes with every push');
	});

	it('logs in to the NERSC registry only, and logs out', () => {
		const sh = makeShell();
		expect(run(sh, 'docker login').exitCode).toBe(1);
		expect(run(sh, 'docker login quay.io').text).toContain('docker login registry.nersc.gov');
		const ok = run(sh, 'docker login https://registry.nersc.gov/');
		expect(ok.exitCode).toBe(0);
		expect(ok.text).toContain('Login Succeeded');
		expect(sh.state.store.logins).toEqual(['registry.nersc.gov']);
		expect(run(sh, 'docker logout registry.nersc.gov').text).toBe(
			'Removing login credentials for registry.nersc.gov'
		);
		expect(sh.state.store.logins).toEqual([]);
	});

	it('needs exactly one image to push', () => {
		expect(run(makeShell(), 'docker push').text).toContain('requires exactly 1 argument');
	});
});
