import type { Node as YamlNode, YAMLMap } from 'yaml';
import { asMap, getEntry, getPath, getText, getValue, scalarText, seqItems } from './nodes.js';
import type { YamlDoc } from './parse.js';
import { k8sProblem } from './shape.js';
import { isGlobalPath } from './values.js';

/** One Kubernetes object (a document, or an item of a `kind: List`). */
export interface K8sObject {
	node: YAMLMap;
	kind: string;
	kindNode: YamlNode;
	name: string | undefined;
	namespace: string | undefined;
}

/** The pod spec of a workload, with the object that holds it and the key node of its `spec:`. */
export interface PodSpec {
	node: YAMLMap;
	owner: K8sObject;
	specKey: YamlNode;
}

/** A container or init container of a pod spec; `anchor` is its `name` value (or the mapping). */
export interface Container {
	node: YAMLMap;
	init: boolean;
	name: string | undefined;
	anchor: YamlNode;
	pod: PodSpec;
}

/** A `hostPath` volume of a pod spec. */
export interface HostPathVolume {
	name: string | undefined;
	hostPathKey: YamlNode;
	hostPath: YAMLMap;
	path: string;
	pathNode: YamlNode;
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
	Pod: ['spec'],
	PodTemplate: ['template', 'spec'],
	Deployment: ['spec', 'template', 'spec'],
	StatefulSet: ['spec', 'template', 'spec'],
	DaemonSet: ['spec', 'template', 'spec'],
	ReplicaSet: ['spec', 'template', 'spec'],
	ReplicationController: ['spec', 'template', 'spec'],
	Job: ['spec', 'template', 'spec'],
	CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Reads one mapping as an object when it has a `kind`. */
function readObject(doc: YamlDoc, node: unknown): K8sObject | undefined {
	const map = asMap(doc, node);
	const kindEntry = getEntry(doc, map, 'kind');
	const kind = scalarText(doc, kindEntry?.value);
	if (!map || !kindEntry?.value || kind === undefined) return undefined;
	const metadata = getValue(doc, map, 'metadata');
	return {
		node: map,
		kind,
		kindNode: kindEntry.value,
		name: getText(doc, metadata, 'name'),
		namespace: getText(doc, metadata, 'namespace'),
	};
}

/** Objects and pod specs already found, per parsed text. */
const objectCache = new WeakMap<YamlDoc, readonly K8sObject[]>();
const podCache = new WeakMap<YamlDoc, readonly PodSpec[]>();

/** Every object of a usable manifest in file order, with `kind: List` wrappers opened. */
export function k8sObjects(doc: YamlDoc): readonly K8sObject[] {
	const cached = objectCache.get(doc);
	if (cached) return cached;
	const objects = findObjects(doc);
	objectCache.set(doc, objects);
	return objects;
}

/** Reads the objects of every document in the text, in order. */
function findObjects(doc: YamlDoc): K8sObject[] {
	if (k8sProblem(doc)) return [];
	const out: K8sObject[] = [];
	for (const part of doc.documents) {
		const object = readObject(doc, part.contents);
		if (!object) continue;
		if (object.kind === 'List' || object.kind.endsWith('List')) {
			for (const item of seqItems(doc, getValue(doc, object.node, 'items'))) {
				const inner = readObject(doc, item);
				if (inner) out.push(inner);
			}
		} else {
			out.push(object);
		}
	}
	return out;
}

/** The objects of the given kinds. */
export function objectsOfKind(doc: YamlDoc, ...kinds: string[]): K8sObject[] {
	return k8sObjects(doc).filter((object) => kinds.includes(object.kind));
}

/** The pod specs of every workload (Pods, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs …). */
export function podSpecs(doc: YamlDoc): readonly PodSpec[] {
	const cached = podCache.get(doc);
	if (cached) return cached;
	const out: PodSpec[] = [];
	for (const owner of k8sObjects(doc)) {
		const path = POD_SPEC_PATHS[owner.kind];
		if (!path) continue;
		const parent = getPath(doc, owner.node, path.slice(0, -1));
		const specEntry = getEntry(doc, parent, path[path.length - 1] ?? 'spec');
		const node = asMap(doc, specEntry?.value);
		if (node && specEntry) out.push({ node, owner, specKey: specEntry.keyNode });
	}
	podCache.set(doc, out);
	return out;
}

/** The init containers and containers of a pod spec, init containers first. */
export function podContainers(doc: YamlDoc, pod: PodSpec): Container[] {
	const out: Container[] = [];
	for (const [key, init] of [
		['initContainers', true],
		['containers', false],
	] as const) {
		for (const item of seqItems(doc, getValue(doc, pod.node, key))) {
			const node = asMap(doc, item);
			if (!node) continue;
			const nameNode = getValue(doc, node, 'name');
			const name = getText(doc, node, 'name');
			out.push({ node, init, name, anchor: nameNode ?? node, pod });
		}
	}
	return out;
}

/** Every container and init container of every workload in the manifest. */
export function allContainers(doc: YamlDoc): Container[] {
	return podSpecs(doc).flatMap((pod) => podContainers(doc, pod));
}

/** The `hostPath` volumes of a pod spec whose path lies on the global file systems. */
export function globalHostPaths(doc: YamlDoc, pod: PodSpec, prefix: string): HostPathVolume[] {
	const out: HostPathVolume[] = [];
	for (const volume of seqItems(doc, getValue(doc, pod.node, 'volumes'))) {
		const entry = getEntry(doc, volume, 'hostPath');
		const hostPath = asMap(doc, entry?.value);
		const pathNode = getValue(doc, hostPath, 'path');
		const path = getText(doc, hostPath, 'path');
		if (!entry || !hostPath || !pathNode || path === undefined) continue;
		if (!isGlobalPath(path, prefix)) continue;
		out.push({
			name: getText(doc, volume, 'name'),
			hostPathKey: entry.keyNode,
			hostPath,
			path,
			pathNode,
		});
	}
	return out;
}

/** The `volumeMounts` of a container as mappings. */
export function volumeMounts(doc: YamlDoc, container: Container): YAMLMap[] {
	const out: YAMLMap[] = [];
	for (const item of seqItems(doc, getValue(doc, container.node, 'volumeMounts'))) {
		const map = asMap(doc, item);
		if (map) out.push(map);
	}
	return out;
}

/** The value of a container setting, else of the pod-level `securityContext`. */
export function effectiveSecurity(
	doc: YamlDoc,
	container: Container,
	key: string
): YamlNode | undefined {
	return (
		getPath(doc, container.node, ['securityContext', key]) ??
		getPath(doc, container.pod.node, ['securityContext', key])
	);
}

/** The names of the `imagePullSecrets` of a pod spec. */
export function pullSecretNames(doc: YamlDoc, pod: PodSpec): string[] {
	return seqItems(doc, getValue(doc, pod.node, 'imagePullSecrets'))
		.map((item) => getText(doc, item, 'name'))
		.filter((name): name is string => name !== undefined);
}

/** Names a container for messages: "container `web`" or "init container `wait-db`". */
export function containerLabel(container: Container): string {
	const what = container.init ? 'init container' : 'container';
	return container.name === undefined ? `unnamed ${what}` : `${what} \`${container.name}\``;
}

/** The pod specs that mount at least one global file system `hostPath`. */
export function podSpecsWithGlobalMounts(doc: YamlDoc, prefix: string): PodSpec[] {
	return podSpecs(doc).filter((pod) => globalHostPaths(doc, pod, prefix).length > 0);
}

/** A persistent volume claim: a `PersistentVolumeClaim` object or a StatefulSet's claim template. */
export interface VolumeClaim {
	node: YAMLMap;
	name: string | undefined;
	/** Where to point when a setting is missing: the claim's `spec:` key, else its name or kind. */
	anchor: YamlNode;
}

/** Every persistent volume claim of the manifest, StatefulSet `volumeClaimTemplates` included. */
export function volumeClaims(doc: YamlDoc): VolumeClaim[] {
	const out: VolumeClaim[] = [];
	const add = (node: YAMLMap, fallback: YamlNode): void => {
		const specKey = getEntry(doc, node, 'spec')?.keyNode;
		const nameNode = getPath(doc, node, ['metadata', 'name']);
		out.push({ node, name: scalarText(doc, nameNode), anchor: specKey ?? nameNode ?? fallback });
	};
	for (const object of k8sObjects(doc)) {
		if (object.kind === 'PersistentVolumeClaim') add(object.node, object.kindNode);
		if (object.kind !== 'StatefulSet') continue;
		for (const item of seqItems(doc, getPath(doc, object.node, ['spec', 'volumeClaimTemplates']))) {
			const claim = asMap(doc, item);
			if (claim) add(claim, claim);
		}
	}
	return out;
}

/** The storage class of a claim: `spec.storageClassName`, else the beta annotation. */
export function storageClassNode(doc: YamlDoc, claim: VolumeClaim): YamlNode | undefined {
	return (
		getPath(doc, claim.node, ['spec', 'storageClassName']) ??
		getPath(doc, claim.node, ['metadata', 'annotations', 'volume.beta.kubernetes.io/storage-class'])
	);
}
