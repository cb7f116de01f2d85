import type { Center } from '../center.js';
import { hashString } from '../hash.js';
import { addEvent, rolloutOf } from './cluster.js';
import type { Engine } from './engine.js';
import { asObject, safeString, text, type Json } from './kube-data.js';
import { makePod, podReady } from './pods.js';
import type { KubeObject, Pod, Revision, Rollout } from './types.js';

/**
 * Deployments: each change of `spec.template` is a new revision; its pods replace the old ones
 * when they run, and otherwise the old pods keep serving while the new ones fail (a stalled
 * rolling update). `rollout undo` makes an earlier template current again.
 */

/** The pod-template-hash of a template, as in ReplicaSet names (`web-7d9c5b6f4d`). */
export function templateHash(template: Json): string {
	return safeString(hashString(JSON.stringify(template)), 10);
}

/** The desired replica count. */
export function replicasOf(deployment: KubeObject): number {
	const value = Number(text(deployment.manifest, 'spec', 'replicas') ?? 1);
	return Number.isInteger(value) && value >= 0 ? value : 1;
}

/** The current revision of a rollout. */
export function currentRevision(rollout: Rollout): Revision | undefined {
	return rollout.revisions[rollout.revisions.length - 1];
}

/** The pods of a Deployment. */
export function podsOf(engine: Engine, namespace: string, name: string): Pod[] {
	return engine.state.cluster.pods.filter((p) => p.namespace === namespace && p.owner === name);
}

/** Creates `count` pods of a revision. */
function createPods(
	engine: Engine,
	center: Center,
	deployment: KubeObject,
	revision: Revision,
	count: number
): Pod[] {
	const hash = templateHash(revision.template);
	const out: Pod[] = [];
	for (let i = 0; i < count; i++) {
		const name = `${deployment.name}-${hash}-${safeString(engine.nextId('pod'), 5)}`;
		out.push(
			makePod(engine, center, {
				namespace: deployment.namespace,
				owner: deployment.name,
				revision: revision.number,
				name,
				template: revision.template,
			})
		);
	}
	return out;
}

/** Brings a Deployment's pods in line with its current revision and replica count. */
function settle(engine: Engine, center: Center, deployment: KubeObject, rollout: Rollout): void {
	const revision = currentRevision(rollout);
	if (!revision) return;
	const cluster = engine.state.cluster;
	const replicas = replicasOf(deployment);
	const all = podsOf(engine, deployment.namespace, deployment.name);
	const rs = `${deployment.name}-${templateHash(revision.template)}`;
	const current = all.filter((p) => p.name.startsWith(`${rs}-`));
	for (const pod of current) pod.revision = revision.number;
	const old = all.filter((p) => !current.includes(p));
	const others = cluster.pods.filter((p) => !all.includes(p));
	const scaled = (message: string) =>
		addEvent(engine, {
			namespace: deployment.namespace,
			type: 'Normal',
			reason: 'ScalingReplicaSet',
			object: `deployment/${deployment.name}`,
			message,
		});
	if (current.length > replicas) {
		cluster.pods = [...others, ...old, ...current.slice(0, replicas)];
		scaled(`Scaled down replica set ${rs} to ${replicas}`);
		return;
	}
	if (current.length === replicas && old.length === 0) return;
	const next = [...current];
	if (old.length === 0)
		next.push(...createPods(engine, center, deployment, revision, replicas - next.length));
	const step = Math.max(1, Math.ceil(replicas / 4));
	while (next.length < replicas && next.every(podReady)) {
		next.push(
			...createPods(engine, center, deployment, revision, Math.min(step, replicas - next.length))
		);
	}
	scaled(`Scaled up replica set ${rs} to ${next.length}`);
	if (next.length >= replicas && next.every(podReady)) {
		if (old.length > 0) scaled(`Scaled down old replica sets of ${deployment.name} to 0`);
		cluster.pods = [...others, ...next];
	} else cluster.pods = [...others, ...old, ...next];
}

/** Records a new revision when the template changed, then settles the pods. */
export function reconcileDeployment(engine: Engine, center: Center, deployment: KubeObject): void {
	const template = asObject(asObject(deployment.manifest['spec'])?.['template']) ?? {};
	let rollout = rolloutOf(engine, deployment.namespace, deployment.name);
	if (!rollout) {
		rollout = {
			namespace: deployment.namespace,
			name: deployment.name,
			revisions: [],
			rollbacks: 0,
		};
		engine.state.cluster.rollouts.push(rollout);
	}
	const key = JSON.stringify(template);
	const current = currentRevision(rollout);
	if (!current || JSON.stringify(current.template) !== key) {
		const number = Math.max(0, ...rollout.revisions.map((r) => r.number)) + 1;
		const cause =
			text(deployment.manifest, 'metadata', 'annotations', 'kubernetes.io/change-cause') ?? null;
		rollout.revisions = rollout.revisions.filter((r) => JSON.stringify(r.template) !== key);
		rollout.revisions.push({ number, template, cause, created: engine.now() });
	}
	settle(engine, center, deployment, rollout);
}

/** Rolls back to an earlier revision (the previous one by default); returns an error message or `null`. */
export function undoRollout(
	engine: Engine,
	center: Center,
	deployment: KubeObject,
	toRevision: number | null
): string | null {
	const rollout = rolloutOf(engine, deployment.namespace, deployment.name);
	const current = rollout ? currentRevision(rollout) : undefined;
	if (!rollout || !current) return `no rollout history found for deployment "${deployment.name}"`;
	const earlier = rollout.revisions.filter((r) => r !== current);
	const target =
		toRevision === null
			? earlier[earlier.length - 1]
			: rollout.revisions.find((r) => r.number === toRevision);
	if (!target)
		return toRevision === null
			? `no rollout history found for deployment "${deployment.name}"`
			: `unable to find specified revision ${toRevision} in history`;
	if (target === current)
		return `skipped rollback (current template already matches revision ${current.number})`;
	const spec = asObject(deployment.manifest['spec']) ?? {};
	deployment.manifest = { ...deployment.manifest, spec: { ...spec, template: target.template } };
	deployment.generation += 1;
	rollout.rollbacks += 1;
	reconcileDeployment(engine, center, deployment);
	return null;
}

/** Counts for `kubectl get deployments` and `rollout status`. */
export function deploymentCounts(
	engine: Engine,
	deployment: KubeObject
): { replicas: number; ready: number; updated: number; updatedReady: number } {
	const rollout = rolloutOf(engine, deployment.namespace, deployment.name);
	const revision = rollout ? currentRevision(rollout)?.number : undefined;
	const pods = podsOf(engine, deployment.namespace, deployment.name);
	const updated = pods.filter((p) => p.revision === revision);
	return {
		replicas: replicasOf(deployment),
		ready: pods.filter(podReady).length,
		updated: updated.length,
		updatedReady: updated.filter(podReady).length,
	};
}
