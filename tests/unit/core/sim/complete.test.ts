import { describe, expect, it } from 'vitest';
import { complete } from '../../../../src/core/sim/complete.js';
import { makeShell, pushApp, run, runAll } from './setup.js';

describe('tab completion', () => {
	it('completes command names', () => {
		const sh = makeShell();
		const docker = sh.complete('doc');
		expect(docker.candidates).toEqual(['docker']);
		expect(docker.line).toBe('docker ');
		expect(docker.cursor).toBe(7);
		expect(sh.complete('').candidates).toEqual(
			expect.arrayContaining([
				'cat',
				'clear',
				'docker',
				'help',
				'history',
				'kubectl',
				'ls',
				'rancher',
			])
		);
		const c = sh.complete('c');
		expect(c.candidates).toEqual(['cat', 'clear']);
		expect(c.replacement).toBe('c');
	});

	it('completes sub-commands of docker, kubectl and their groups', () => {
		const sh = makeShell();
		expect(sh.complete('docker p').candidates).toEqual(['ps', 'pull', 'push']);
		expect(sh.complete('docker image ').candidates).toEqual(
			expect.arrayContaining(['build', 'ls', 'push', 'tag'])
		);
		expect(sh.complete('kubectl rollout u').line).toBe('kubectl rollout undo ');
		expect(sh.complete('kubectl create s').line).toBe('kubectl create secret ');
		expect(sh.complete('rancher k').line).toBe('rancher kubectl ');
	});

	it('completes flags of a command', () => {
		const sh = makeShell();
		expect(sh.complete('docker run --ca').candidates).toEqual(['--cap-add', '--cap-drop']);
		expect(sh.complete('docker build --no').line).toBe('docker build --no-cache ');
		expect(sh.complete('kubectl get pods --all').line).toBe('kubectl get pods --all-namespaces ');
	});

	it('completes file names of the workspace, in directories too', () => {
		const sh = makeShell({
			files: { Dockerfile: '', 'deploy.yaml': '', 'k8s/web.yaml': '', 'k8s/db.yaml': '' },
		});
		expect(sh.complete('cat D').line).toBe('cat Dockerfile ');
		expect(sh.complete('kubectl apply -f d').line).toBe('kubectl apply -f deploy.yaml ');
		expect(sh.complete('kubectl apply -f k').line).toBe('kubectl apply -f k8s/');
		expect(sh.complete('kubectl apply -f k8s/').candidates).toEqual([
			'k8s/db.yaml',
			'k8s/web.yaml',
		]);
		expect(sh.complete('docker build -f Do').line).toBe('docker build -f Dockerfile ');
		expect(sh.complete('kubectl apply --filename=de').line).toBe(
			'kubectl apply --filename=deploy.yaml '
		);
	});

	it('completes image and container names', () => {
		const sh = makeShell();
		runAll(sh, [
			'docker build -t my-app:v1 .',
			'docker run -d --name web my-app:v1',
			'docker run -d --name worker my-app:v1',
			'docker stop worker',
		]);
		expect(sh.complete('docker run my').line).toBe('docker run my-app:v1 ');
		expect(sh.complete('docker tag my-app:v1 reg').line).toBe(
			'docker tag my-app:v1 registry.nersc.gov/'
		);
		expect(sh.complete('docker logs w').candidates).toEqual(['web', 'worker']);
		expect(sh.complete('docker exec w').line).toBe('docker exec web ');
		expect(sh.complete('docker run --cap-add N').line).toBe(
			'docker run --cap-add NET_BIND_SERVICE '
		);
	});

	it('completes resource types, object names, namespaces and rollout targets', () => {
		const sh = makeShell();
		pushApp(sh);
		runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		expect(sh.complete('kubectl get dep').line).toBe('kubectl get deployments ');
		expect(sh.complete('kubectl get pods -n d').candidates).toEqual(['default', 'demo']);
		expect(
			sh.complete('kubectl describe deployment w -n demo', 'kubectl describe deployment w'.length)
				.line
		).toBe('kubectl describe deployment web  -n demo');
		expect(sh.complete('kubectl rollout undo -n demo d').line).toBe(
			'kubectl rollout undo -n demo deployment/web '
		);
		expect(sh.complete('kubectl logs -n demo web-').candidates).toHaveLength(2);
	});

	it('completes the command after kubectl exec --', () => {
		expect(makeShell().complete('kubectl exec pod -- who').line).toBe(
			'kubectl exec pod -- whoami '
		);
	});

	it('completes the word at the cursor only, and after an operator', () => {
		const sh = makeShell();
		const mid = sh.complete('dock ps', 4);
		expect(mid.line).toBe('docker  ps');
		expect(mid.start).toBe(0);
		expect(mid.end).toBe(4);
		expect(sh.complete('ls && doc').line).toBe('ls && docker ');
	});

	it('leaves the line alone when nothing matches', () => {
		const out = makeShell().complete('zzz');
		expect(out.candidates).toEqual([]);
		expect(out.line).toBe('zzz');
		expect(out.replacement).toBe('zzz');
	});

	it('is a pure function of line, cursor and state', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app .');
		const before = JSON.stringify(sh.state);
		const source = {
			engine: sh.engine,
			files: sh.getFiles(),
			center: (sh as unknown as { center: never }).center,
		};
		expect(complete('docker run a', 12, source)).toEqual(complete('docker run a', 12, source));
		expect(JSON.stringify(sh.state)).toBe(before);
	});
});
