import type { Engine } from './engine.js';
import type { Json } from './kube-data.js';
import type { KubeEvent, KubeObject, Rollout } from './types.js';

/** The simulated cluster's store: objects, namespaces, rollouts and events. */

/** Finds an object by kind, namespace and name. */
export function findObject(
	engine: Engine,
	kind: string,
	namespace: string,
	name: string
): KubeObject | undefined {
	return engine.state.cluster.objects.find(
		(o) =>
			o.kind === kind && o.name === name && o.namespace === (kind === 'Namespace' ? '' : namespace)
	);
}

/** The objects of a kind, in one namespace or (with `null`) in all. */
export function objectsOf(engine: Engine, kind: string, namespace: string | null): KubeObject[] {
	return engine.state.cluster.objects.filter(
		(o) =>
			o.kind === kind && (namespace === null || o.namespace === namespace || kind === 'Namespace')
	);
}

/** Whether a namespace exists. */
export function namespaceExists(engine: Engine, name: string): boolean {
	return findObject(engine, 'Namespace', '', name) !== undefined;
}

/** The manifest without fields the server owns, for comparing two applies. */
function comparable(manifest: Json): string {
	const { status: _status, ...rest } = manifest;
	return JSON.stringify(rest);
}

/** Creates or updates an object; says which, as `kubectl apply` reports it. */
export function upsertObject(
	engine: Engine,
	kind: string,
	namespace: string,
	name: string,
	manifest: Json
): { object: KubeObject; outcome: 'created' | 'configured' | 'unchanged' } {
	const existing = findObject(engine, kind, namespace, name);
	if (!existing) {
		const object: KubeObject = {
			kind,
			name,
			namespace: kind === 'Namespace' ? '' : namespace,
			manifest,
			created: engine.now(),
			generation: 1,
		};
		engine.state.cluster.objects.push(object);
		return { object, outcome: 'created' };
	}
	if (comparable(existing.manifest) === comparable(manifest))
		return { object: existing, outcome: 'unchanged' };
	existing.manifest = manifest;
	existing.generation += 1;
	return { object: existing, outcome: 'configured' };
}

/** Deletes an object and what it owns (pods, rollout record, a namespace's content). */
export function deleteObject(engine: Engine, object: KubeObject): void {
	const cluster = engine.state.cluster;
	cluster.objects = cluster.objects.filter((o) => o !== object);
	if (object.kind === 'Deployment') {
		cluster.pods = cluster.pods.filter(
			(p) => !(p.namespace === object.namespace && p.owner === object.name)
		);
		cluster.rollouts = cluster.rollouts.filter(
			(r) => !(r.namespace === object.namespace && r.name === object.name)
		);
	}
	if (object.kind === 'Pod')
		cluster.pods = cluster.pods.filter(
			(p) => !(p.namespace === object.namespace && p.name === object.name)
		);
	if (object.kind === 'Namespace') {
		cluster.objects = cluster.objects.filter((o) => o.namespace !== object.name);
		cluster.pods = cluster.pods.filter((p) => p.namespace !== object.name);
		cluster.rollouts = cluster.rollouts.filter((r) => r.namespace !== object.name);
		cluster.events = cluster.events.filter((e) => e.namespace !== object.name);
	}
}

/** The rollout record of a Deployment. */
export function rolloutOf(engine: Engine, namespace: string, name: string): Rollout | undefined {
	return engine.state.cluster.rollouts.find((r) => r.namespace === namespace && r.name === name);
}

/** Records an event. */
export function addEvent(engine: Engine, event: Omit<KubeEvent, 'time'>): void {
	engine.state.cluster.events.push({ ...event, time: engine.now() });
}

/** The events about one object (`pod/web-…`), oldest first. */
export function eventsFor(engine: Engine, namespace: string, object: string): KubeEvent[] {
	return engine.state.cluster.events.filter(
		(e) => e.namespace === namespace && e.object === object
	);
}
