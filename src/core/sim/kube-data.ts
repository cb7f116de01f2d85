/**
 * Reading Kubernetes manifests as plain data (the output of YAML's `toJS()`), and the kinds the
 * simulated cluster knows: their resource names, short names and API groups.
 */

/** A plain object, as parsed from YAML. */
export type Json = Record<string, unknown>;

/** The value as an object, or `undefined`. */
export function asObject(value: unknown): Json | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Json)
		: undefined;
}

/** The value as an array (of anything), or `[]`. */
export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** The value as a string (numbers and booleans converted), or `undefined`. */
export function asString(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** Follows a path of keys through nested objects. */
export function path(value: unknown, ...keys: string[]): unknown {
	let current: unknown = value;
	for (const key of keys) current = asObject(current)?.[key];
	return current;
}

/** A string at a path. */
export function text(value: unknown, ...keys: string[]): string | undefined {
	return asString(path(value, ...keys));
}

/** The objects of an array at a path. */
export function objects(value: unknown, ...keys: string[]): Json[] {
	return asArray(path(value, ...keys)).flatMap((item) => {
		const object = asObject(item);
		return object ? [object] : [];
	});
}

/** A kind the cluster knows. */
export interface KindInfo {
	kind: string;
	/** Plural resource name, e.g. `deployments`. */
	plural: string;
	/** Other names `kubectl get` accepts. */
	names: string[];
	/** API group suffix printed by kubectl, e.g. `apps` → `deployment.apps/web`. */
	group: string;
	namespaced: boolean;
}

const info = (
	kind: string,
	plural: string,
	group: string,
	names: string[],
	namespaced = true
): KindInfo => ({ kind, plural, group, names, namespaced });

/** The kinds of the simulated cluster. */
export const KINDS: KindInfo[] = [
	info('Pod', 'pods', '', ['po', 'pod']),
	info('Deployment', 'deployments', 'apps', ['deploy', 'deployment']),
	info('Service', 'services', '', ['svc', 'service']),
	info('Ingress', 'ingresses', 'networking.k8s.io', ['ing', 'ingress']),
	info('PersistentVolumeClaim', 'persistentvolumeclaims', '', ['pvc']),
	info('Secret', 'secrets', '', ['secret']),
	info('ConfigMap', 'configmaps', '', ['cm', 'configmap']),
	info('Namespace', 'namespaces', '', ['ns', 'namespace'], false),
	info('Event', 'events', '', ['ev', 'event']),
	info('StatefulSet', 'statefulsets', 'apps', ['sts', 'statefulset']),
	info('DaemonSet', 'daemonsets', 'apps', ['ds', 'daemonset']),
	info('ReplicaSet', 'replicasets', 'apps', ['rs', 'replicaset']),
	info('Job', 'jobs', 'batch', ['job']),
	info('CronJob', 'cronjobs', 'batch', ['cj', 'cronjob']),
	info('ServiceAccount', 'serviceaccounts', '', ['sa', 'serviceaccount']),
	info('NetworkPolicy', 'networkpolicies', 'networking.k8s.io', ['netpol', 'networkpolicy']),
];

/** Finds a kind by its name (`Deployment`) or by a resource name kubectl accepts (`deploy`). */
export function kindInfo(name: string): KindInfo | undefined {
	const lower = name.toLowerCase();
	return KINDS.find(
		(k) => k.kind.toLowerCase() === lower || k.plural === lower || k.names.includes(lower)
	);
}

/** `deployment.apps/web`, `service/web`: how kubectl names an object in its messages. */
export function objectRef(kind: string, name: string): string {
	const found = kindInfo(kind);
	const lower = kind.toLowerCase();
	return `${found && found.group !== '' ? `${lower}.${found.group}` : lower}/${name}`;
}

/** Kubernetes' pod-template-hash alphabet (no vowels, no look-alike characters). */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** Turns hex digits into `length` characters of the pod-name alphabet. */
export function safeString(hex: string, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++)
		out += SAFE[parseInt(hex.slice(i * 2, i * 2 + 2) || '0', 16) % SAFE.length];
	return out;
}

/** Decodes a base64 Secret value; undecodable text is returned as is. */
export function decodeBase64(value: string): string {
	try {
		return atob(value.replace(/\s/g, ''));
	} catch {
		return value;
	}
}
