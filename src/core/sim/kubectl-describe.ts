import { HELP_FLAG, NAMESPACE_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { eventsFor, findObject, rolloutOf } from './cluster.js';
import { result, shortAge, table } from './format.js';
import { objects, text, type Json } from './kube-data.js';
import { kubeError, readTarget } from './kubectl-args.js';
import { clusterIp, podStatus } from './kubectl-get.js';
import { currentRevision, deploymentCounts, templateHash } from './rollout-state.js';
import type { KubeObject, Pod } from './types.js';

/** `kubectl describe TYPE NAME`: the fields a learner looks at, then the object's events. */

/** Formats a UTC time like kubectl (`Wed, 01 May 2024 09:00:05 +0000`). */
function when(ms: number): string {
	return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** `Key:  value` lines, aligned. */
function fields(pairs: readonly (readonly [string, string])[]): string[] {
	const width = Math.max(...pairs.map(([k]) => k.length)) + 2;
	return pairs.map(([k, v]) => `${`${k}:`.padEnd(width)}${v}`);
}

/** The `Events:` section of an object. */
function events(ctx: ShellContext, namespace: string, object: string): string[] {
	const list = eventsFor(ctx.engine, namespace, object);
	if (list.length === 0) return ['Events:  <none>'];
	const now = ctx.engine.now();
	const rows = list.map((e) => [
		e.type,
		e.reason,
		shortAge(now - e.time),
		e.object.startsWith('pod/') ? 'kubelet' : 'deployment-controller',
		e.message,
	]);
	return [
		'Events:',
		...table(
			['Type', 'Reason', 'Age', 'From', 'Message'],
			[['----', '------', '----', '----', '-------'], ...rows],
			2
		).map((l) => `  ${l}`),
	];
}

/** The labels of a manifest, as `a=b,c=d`. */
function labels(manifest: Json, ...keys: string[]): string {
	const value = keys.reduce<unknown>((v, k) => (v as Json | undefined)?.[k], manifest) as
		Json | undefined;
	const pairs = Object.entries(value ?? {}).map(([k, v]) => `${k}=${String(v)}`);
	return pairs.length > 0 ? pairs.join(',') : '<none>';
}

/** The container lines of a pod template. */
function templateContainers(template: Json): string[] {
	const lines: string[] = ['  Containers:'];
	for (const c of objects(template, 'spec', 'containers')) {
		lines.push(`   ${text(c, 'name') ?? ''}:`, `    Image:      ${text(c, 'image') ?? ''}`);
		const ports = objects(c, 'ports').map(
			(p) => `${text(p, 'containerPort') ?? ''}/${text(p, 'protocol') ?? 'TCP'}`
		);
		lines.push(`    Port:       ${ports.join(', ') || '<none>'}`);
		const env = objects(c, 'env');
		lines.push(`    Environment:${env.length === 0 ? ' <none>' : ''}`);
		for (const e of env)
			lines.push(`      ${text(e, 'name') ?? ''}:  ${text(e, 'value') ?? '<set to a secret key>'}`);
	}
	return lines;
}

/** Describes a pod. */
function describePod(ctx: ShellContext, pod: Pod): string[] {
	const lines = fields([
		['Name', pod.name],
		['Namespace', pod.namespace],
		['Node', 'worker-1'],
		['Start Time', when(pod.created)],
		['Status', podStatus(pod) === 'Running' ? 'Running' : 'Pending'],
		['IP', pod.ip],
		[
			'Controlled By',
			pod.owner ? `ReplicaSet/${pod.name.split('-').slice(0, -1).join('-')}` : '<none>',
		],
	]);
	lines.push('Containers:');
	for (const c of pod.containers) {
		lines.push(`  ${c.name}:`, `    Image:          ${c.image}`);
		if (c.phase === 'Running')
			lines.push('    State:          Running', `      Started:      ${when(pod.created)}`);
		else
			lines.push(
				'    State:          Waiting',
				`      Reason:       ${c.phase}`,
				`      Message:      ${c.reason}`
			);
		lines.push(
			`    Ready:          ${c.phase === 'Running' ? 'True' : 'False'}`,
			`    Restart Count:  ${c.restarts}`
		);
		if (c.user) lines.push(`    User:           ${c.user}`);
	}
	return [...lines, ...events(ctx, pod.namespace, `pod/${pod.name}`)];
}

/** Describes a Deployment. */
function describeDeployment(ctx: ShellContext, o: KubeObject): string[] {
	const c = deploymentCounts(ctx.engine, o);
	const rollout = rolloutOf(ctx.engine, o.namespace, o.name);
	const revision = rollout ? currentRevision(rollout) : undefined;
	const template = (revision?.template ?? {}) as Json;
	const lines = fields([
		['Name', o.name],
		['Namespace', o.namespace],
		['CreationTimestamp', when(o.created)],
		['Annotations', `deployment.kubernetes.io/revision: ${revision?.number ?? 0}`],
		['Selector', labels(o.manifest, 'spec', 'selector', 'matchLabels')],
		[
			'Replicas',
			`${c.replicas} desired | ${c.updated} updated | ${c.updated + (c.ready - c.updatedReady)} total | ${c.ready} available | ${Math.max(0, c.replicas - c.ready)} unavailable`,
		],
		['StrategyType', 'RollingUpdate'],
	]);
	lines.push(
		'Pod Template:',
		`  Labels:  ${labels(template, 'metadata', 'labels')}`,
		...templateContainers(template)
	);
	lines.push(
		`NewReplicaSet:  ${o.name}-${templateHash(template)} (${c.updated}/${c.replicas} replicas created)`
	);
	return [...lines, ...events(ctx, o.namespace, `deployment/${o.name}`)];
}

/** Describes any other object. */
function describeObject(ctx: ShellContext, o: KubeObject): string[] {
	const pairs: [string, string][] = [['Name', o.name]];
	if (o.namespace) pairs.push(['Namespace', o.namespace]);
	pairs.push(['Labels', labels(o.manifest, 'metadata', 'labels')]);
	if (o.kind === 'Service') {
		pairs.push(
			['Type', text(o.manifest, 'spec', 'type') ?? 'ClusterIP'],
			['IP', clusterIp(o)],
			['Selector', labels(o.manifest, 'spec', 'selector')]
		);
		for (const p of objects(o.manifest, 'spec', 'ports'))
			pairs.push([
				'Port',
				`${text(p, 'name') ?? '<unset>'}  ${text(p, 'port') ?? ''}/${text(p, 'protocol') ?? 'TCP'} -> ${text(p, 'targetPort') ?? text(p, 'port') ?? ''}`,
			]);
	}
	if (o.kind === 'Ingress') {
		pairs.push(['Ingress Class', text(o.manifest, 'spec', 'ingressClassName') ?? '<none>']);
		for (const rule of objects(o.manifest, 'spec', 'rules')) {
			for (const p of objects(rule, 'http', 'paths')) {
				pairs.push([
					'Rule',
					`${text(rule, 'host') ?? '*'}${text(p, 'path') ?? '/'} -> ${text(p, 'backend', 'service', 'name') ?? ''}:${text(p, 'backend', 'service', 'port', 'number') ?? text(p, 'backend', 'service', 'port', 'name') ?? ''}`,
				]);
			}
		}
	}
	if (o.kind === 'PersistentVolumeClaim') {
		const cls = text(o.manifest, 'spec', 'storageClassName') ?? ctx.center.storageClasses[0] ?? '';
		pairs.push(
			['StorageClass', cls],
			['Status', ctx.center.storageClasses.includes(cls) ? 'Bound' : 'Pending'],
			['Capacity', text(o.manifest, 'spec', 'resources', 'requests', 'storage') ?? '']
		);
	}
	if (o.kind === 'Secret') pairs.push(['Type', text(o.manifest, 'type') ?? 'Opaque']);
	const ref = `${o.kind.toLowerCase()}/${o.name}`;
	return [...fields(pairs), ...events(ctx, o.namespace, ref)];
}

const describe: CommandSpec = {
	path: ['kubectl', 'describe'],
	summary: 'Show details of a resource',
	usage: 'kubectl describe TYPE NAME [-n NAMESPACE]',
	interspersed: true,
	operands: ['resource', 'object'],
	flags: [NAMESPACE_FLAG, HELP_FLAG],
	run(ctx, args) {
		if (args.positionals.length === 0)
			return kubeError(
				'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
				'describe'
			);
		const target = readTarget(args.positionals);
		if (typeof target === 'string') return kubeError(target);
		const namespace = args.get('namespace') ?? 'default';
		const { info } = target;
		const names =
			target.names.length > 0
				? target.names
				: info.kind === 'Pod'
					? ctx.engine.state.cluster.pods
							.filter((p) => p.namespace === namespace)
							.map((p) => p.name)
					: ctx.engine.state.cluster.objects
							.filter((o) => o.kind === info.kind && o.namespace === namespace)
							.map((o) => o.name);
		const out: string[] = [];
		for (const name of names) {
			if (out.length > 0) out.push('', '');
			if (info.kind === 'Pod') {
				const pod = ctx.engine.state.cluster.pods.find(
					(p) => p.namespace === namespace && p.name === name
				);
				if (!pod) return kubeError(`Error from server (NotFound): pods "${name}" not found`);
				out.push(...describePod(ctx, pod));
				continue;
			}
			const object = findObject(ctx.engine, info.kind, namespace, name);
			if (!object)
				return kubeError(`Error from server (NotFound): ${info.plural} "${name}" not found`);
			out.push(
				...(info.kind === 'Deployment'
					? describeDeployment(ctx, object)
					: describeObject(ctx, object))
			);
		}
		return result(out.length > 0 ? out : [`No resources found in ${namespace} namespace.`]);
	},
};

/** The `kubectl describe` command. */
export const describeCommands: CommandSpec[] = [describe];
