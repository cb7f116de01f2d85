import { hashString } from '../hash.js';
import { HELP_FLAG, NAMESPACE_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { objectsOf } from './cluster.js';
import { paint, result, shortAge, table } from './format.js';
import { asArray, objects, text, type KindInfo } from './kube-data.js';
import { kubeError, readTarget } from './kubectl-args.js';
import { deploymentCounts } from './rollout-state.js';
import type { KubeObject, Pod } from './types.js';

/** `kubectl get TYPE [NAME…] [-n NAMESPACE | -A]` for the kinds of the simulated cluster. */

/** A deterministic cluster IP for a Service. */
export function clusterIp(object: KubeObject): string {
	const hex = hashString(`${object.namespace}/${object.name}`);
	return `10.43.${parseInt(hex.slice(0, 2), 16)}.${parseInt(hex.slice(2, 4), 16)}`;
}

/** The `STATUS` of a pod as kubectl prints it. */
export function podStatus(pod: Pod): string {
	return pod.containers.find((c) => c.phase !== 'Running')?.phase ?? 'Running';
}

/** `PORT(S)` of a Service. */
function servicePorts(object: KubeObject): string {
	const nodePort = text(object.manifest, 'spec', 'type') === 'LoadBalancer';
	return objects(object.manifest, 'spec', 'ports')
		.map(
			(p) =>
				`${text(p, 'port') ?? ''}${nodePort ? `:${30000 + (parseInt(hashString(object.name).slice(0, 4), 16) % 2768)}` : ''}/${text(p, 'protocol') ?? 'TCP'}`
		)
		.join(',');
}

/** Header and cells of one kind. */
function columns(
	ctx: ShellContext,
	info: KindInfo
): { header: string[]; row: (o: KubeObject) => string[] } {
	const now = ctx.engine.now();
	const age = (o: KubeObject) => shortAge(now - o.created);
	switch (info.kind) {
		case 'Deployment':
			return {
				header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
				row: (o) => {
					const c = deploymentCounts(ctx.engine, o);
					return [o.name, `${c.ready}/${c.replicas}`, String(c.updated), String(c.ready), age(o)];
				},
			};
		case 'Service':
			return {
				header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
				row: (o) => {
					const type = text(o.manifest, 'spec', 'type') ?? 'ClusterIP';
					return [
						o.name,
						type,
						clusterIp(o),
						type === 'LoadBalancer' ? '<pending>' : '<none>',
						servicePorts(o),
						age(o),
					];
				},
			};
		case 'Ingress':
			return {
				header: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
				row: (o) => {
					const hosts = objects(o.manifest, 'spec', 'rules').map((r) => text(r, 'host') ?? '*');
					const tls = objects(o.manifest, 'spec', 'tls').length > 0;
					return [
						o.name,
						text(o.manifest, 'spec', 'ingressClassName') ?? '<none>',
						hosts.join(',') || '*',
						'',
						tls ? '80, 443' : '80',
						age(o),
					];
				},
			};
		case 'PersistentVolumeClaim':
			return {
				header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'],
				row: (o) => {
					const cls =
						text(o.manifest, 'spec', 'storageClassName') ?? ctx.center.storageClasses[0] ?? '';
					const bound = ctx.center.storageClasses.includes(cls);
					const modes = asArray(
						o.manifest['spec'] && (o.manifest['spec'] as Record<string, unknown>)['accessModes']
					).map(
						(m) =>
							({ ReadWriteOnce: 'RWO', ReadWriteMany: 'RWX', ReadOnlyMany: 'ROX' })[String(m)] ??
							String(m)
					);
					const size = text(o.manifest, 'spec', 'resources', 'requests', 'storage') ?? '';
					const volume = `pvc-${hashString(`${o.namespace}/${o.name}`).slice(0, 8)}`;
					return [
						o.name,
						bound ? 'Bound' : 'Pending',
						bound ? volume : '',
						bound ? size : '',
						bound ? modes.join(',') : '',
						cls,
						age(o),
					];
				},
			};
		case 'Secret':
			return {
				header: ['NAME', 'TYPE', 'DATA', 'AGE'],
				row: (o) => {
					const keys = new Set([
						...Object.keys((o.manifest['data'] as object | undefined) ?? {}),
						...Object.keys((o.manifest['stringData'] as object | undefined) ?? {}),
					]);
					return [o.name, text(o.manifest, 'type') ?? 'Opaque', String(keys.size), age(o)];
				},
			};
		case 'Namespace':
			return { header: ['NAME', 'STATUS', 'AGE'], row: (o) => [o.name, 'Active', age(o)] };
		default:
			return { header: ['NAME', 'AGE'], row: (o) => [o.name, age(o)] };
	}
}

/** `kubectl get pods`. */
function podRows(ctx: ShellContext, pods: readonly Pod[]): string[][] {
	const now = ctx.engine.now();
	return pods.map((p) => [
		p.name,
		`${p.containers.filter((c) => c.phase === 'Running').length}/${p.containers.length}`,
		podStatus(p),
		String(p.containers.reduce((n, c) => n + c.restarts, 0)),
		shortAge(now - p.created),
	]);
}

/** `kubectl get events`. */
function eventRows(ctx: ShellContext, namespace: string | null): string[][] {
	const now = ctx.engine.now();
	return ctx.engine.state.cluster.events
		.filter((e) => namespace === null || e.namespace === namespace)
		.map((e) => [shortAge(now - e.time), e.type, e.reason, e.object, e.message]);
}

const get: CommandSpec = {
	path: ['kubectl', 'get'],
	summary: 'Display one or many resources',
	usage: 'kubectl get TYPE [NAME...] [-n NAMESPACE | -A]',
	interspersed: true,
	operands: ['resource', 'object'],
	flags: [
		NAMESPACE_FLAG,
		{
			names: ['-A', '--all-namespaces'],
			key: 'all',
			value: false,
			description: 'List the objects across all namespaces',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		if (args.positionals.length === 0) {
			return kubeError(
				'error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
				'get'
			);
		}
		const target = readTarget(args.positionals);
		if (typeof target === 'string') return kubeError(target);
		const all = args.has('all');
		const namespace = all ? null : (args.get('namespace') ?? 'default');
		const { info, names } = target;
		let header: string[];
		let rows: string[][];
		let keys: string[];
		if (info.kind === 'Pod') {
			const pods = ctx.engine.state.cluster.pods.filter(
				(p) => namespace === null || p.namespace === namespace
			);
			header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
			rows = podRows(ctx, pods);
			keys = pods.map((p) => p.namespace);
		} else if (info.kind === 'Event') {
			header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
			const events = ctx.engine.state.cluster.events.filter(
				(e) => namespace === null || e.namespace === namespace
			);
			rows = eventRows(ctx, namespace);
			keys = events.map((e) => e.namespace);
		} else {
			const list = objectsOf(ctx.engine, info.kind, info.namespaced ? namespace : null);
			const view = columns(ctx, info);
			header = view.header;
			rows = list.map(view.row);
			keys = list.map((o) => o.namespace);
		}
		if (names.length > 0) {
			const missing = names.filter((n) => !rows.some((r) => r[0] === n));
			const shown = rows.filter((r) => names.includes(r[0] ?? ''));
			const lines = shown.length > 0 ? table(header, shown) : [];
			const errors = missing.map((n) =>
				paint('red', `Error from server (NotFound): ${info.plural} "${n}" not found`)
			);
			return result([...lines, ...errors], missing.length > 0 ? 1 : 0);
		}
		if (rows.length === 0)
			return result([
				namespace === null || !info.namespaced
					? 'No resources found'
					: `No resources found in ${namespace} namespace.`,
			]);
		if (all && info.namespaced)
			return result(
				table(
					['NAMESPACE', ...header],
					rows.map((r, i) => [keys[i] ?? '', ...r])
				)
			);
		return result(table(header, rows));
	},
};

/** The `kubectl get` command. */
export const getCommands: CommandSpec[] = [get];
