import { describe, expect, it } from 'vitest';
import type { Shell } from '../../../../src/core/sim/shell.js';
import { deployment, makeShell, PUSHED, pushApp, run, runAll, workspace } from './setup.js';

/** A shell with v1 deployed, and `v2.yaml` (image v2) and `v3.yaml` (image v3) in the workspace. */
function deployed(): Shell {
	const sh = makeShell({
		files: {
			...workspace(),
			'v2.yaml': deployment(`${PUSHED}:v2`),
			'v3.yaml': deployment(`${PUSHED}:v3`),
		},
	});
	pushApp(sh);
	runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
	return sh;
}

/** The revision numbers of `kubectl rollout history`. */
function revisions(sh: Shell): string[] {
	return run(sh, 'kubectl rollout history deployment/web -n demo')
		.text.split('\n')
		.filter((l) => /^\d+\s/.test(l))
		.map((l) => l.split(/\s+/)[0] ?? '');
}

describe('kubectl rollout', () => {
	it('reports a finished rollout', () => {
		const sh = deployed();
		const out = run(sh, 'kubectl rollout status deployment/web -n demo');
		expect(out.exitCode).toBe(0);
		expect(out.text).toBe('deployment "web" successfully rolled out');
		expect(run(sh, 'kubectl rollout status deployment web -n demo').exitCode).toBe(0);
	});

	it('adds a revision for a new template; a failing one stalls while the old pods keep serving', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl apply -f v2.yaml').text).toContain('deployment.apps/web configured');
		expect(revisions(sh)).toEqual(['1', '2']);
		const status = run(sh, 'kubectl rollout status deployment/web -n demo');
		expect(status.exitCode).toBe(1);
		expect(status.text).toContain(
			'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...'
		);
		expect(status.text).toContain('ErrImagePull');
		expect(status.text).toContain('error: deployment "web" exceeded its progress deadline');
		const pods = run(sh, 'kubectl get pods -n demo').text;
		expect(pods.match(/Running/g)).toHaveLength(2);
		expect(pods.match(/ErrImagePull/g)).toHaveLength(1);
	});

	it('rolls out a pushed new version and replaces every pod', () => {
		const sh = deployed();
		pushApp(sh, 'v2');
		run(sh, 'kubectl apply -f v2.yaml');
		expect(run(sh, 'kubectl rollout status deployment/web -n demo').exitCode).toBe(0);
		expect(sh.state.cluster.pods.every((p) => p.revision === 2)).toBe(true);
		expect(sh.state.cluster.pods).toHaveLength(2);
	});

	it('rolls back to the previous revision, which gets a new number', () => {
		const sh = deployed();
		run(sh, 'kubectl apply -f v2.yaml');
		const undo = run(sh, 'kubectl rollout undo deployment/web -n demo');
		expect(undo.exitCode).toBe(0);
		expect(undo.text).toBe('deployment.apps/web rolled back');
		expect(revisions(sh)).toEqual(['2', '3']);
		expect(run(sh, 'kubectl rollout status deployment/web -n demo').exitCode).toBe(0);
		expect(run(sh, 'kubectl get pods -n demo').text).not.toContain('ErrImagePull');
		expect(sh.state.cluster.rollouts[0]?.rollbacks).toBe(1);
	});

	it('rolls back to a given revision', () => {
		const sh = deployed();
		run(sh, 'kubectl apply -f v2.yaml');
		run(sh, 'kubectl apply -f v3.yaml');
		expect(run(sh, 'kubectl rollout undo deployment/web -n demo --to-revision=1').exitCode).toBe(0);
		expect(revisions(sh)).toEqual(['2', '3', '4']);
		const image = sh.state.cluster.pods.find((p) => p.revision === 4)?.containers[0]?.image;
		expect(image).toBe(`${PUSHED}:v1`);
		expect(run(sh, 'kubectl rollout undo deployment/web -n demo --to-revision=9').text).toBe(
			'error: unable to find specified revision 9 in history'
		);
		expect(run(sh, 'kubectl rollout undo deployment/web -n demo --to-revision=x').exitCode).toBe(1);
		expect(run(sh, 'kubectl rollout undo deployment/web -n demo --to-revision=4').text).toBe(
			'deployment.apps/web skipped rollback (current template already matches revision 4)'
		);
	});

	it('refuses an undo without history', () => {
		const sh = deployed();
		const out = run(sh, 'kubectl rollout undo deployment/web -n demo');
		expect(out.exitCode).toBe(1);
		expect(out.text).toBe('error: no rollout history found for deployment "web"');
		expect(sh.state.cluster.rollouts[0]?.rollbacks).toBe(0);
	});

	it('restarts a deployment as a new revision', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl rollout restart deployment/web -n demo').text).toBe(
			'deployment.apps/web restarted'
		);
		expect(revisions(sh)).toEqual(['1', '2']);
	});

	it('refuses a missing deployment, another kind and a missing name', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl rollout status deployment/nope -n demo').text).toBe(
			'Error from server (NotFound): deployments.apps "nope" not found'
		);
		expect(run(sh, 'kubectl rollout undo service/web -n demo').text).toContain(
			'no rollbacker has been implemented'
		);
		expect(run(sh, 'kubectl rollout status').text).toContain('required resource not specified');
		expect(run(sh, 'kubectl rollout status deployment -n demo').text).toContain(
			'required resource not specified'
		);
		expect(run(sh, 'kubectl rollout status deployment/web').exitCode).toBe(1);
	});

	it('scales when only the replica count changes, without a new revision', () => {
		const sh = deployed();
		sh.setFiles({
			...workspace(),
			'deploy.yaml': deployment().replace('replicas: 2', 'replicas: 3'),
		});
		run(sh, 'kubectl apply -f deploy.yaml');
		expect(revisions(sh)).toEqual(['1']);
		expect(sh.state.cluster.pods).toHaveLength(3);
		sh.setFiles({
			...workspace(),
			'deploy.yaml': deployment().replace('replicas: 2', 'replicas: 1'),
		});
		run(sh, 'kubectl apply -f deploy.yaml');
		expect(sh.state.cluster.pods).toHaveLength(1);
	});
});
