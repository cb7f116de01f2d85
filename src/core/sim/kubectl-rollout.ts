import { HELP_FLAG, NAMESPACE_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { findObject, rolloutOf } from './cluster.js';
import type { Args } from './flags.js';
import { paint, result, table, type CommandResult } from './format.js';
import { kubeError, readTarget } from './kubectl-args.js';
import { podStatus } from './kubectl-get.js';
import { podReady } from './pods.js';
import {
	currentRevision,
	deploymentCounts,
	podsOf,
	reconcileDeployment,
	undoRollout,
} from './rollout-state.js';
import type { KubeObject } from './types.js';

/** `kubectl rollout status|history|undo|restart deployment/NAME`. */

/** Finds the Deployment a rollout command names; a result is kubectl's error. */
function target(ctx: ShellContext, args: Args, verb: string): KubeObject | CommandResult {
	if (args.positionals.length === 0)
		return kubeError('error: required resource not specified', `rollout ${verb}`);
	const found = readTarget(args.positionals);
	if (typeof found === 'string') return kubeError(found);
	if (found.info.kind !== 'Deployment')
		return kubeError(
			`error: no ${verb === 'status' ? 'status viewer' : 'rollbacker'} has been implemented for {"${found.info.group}" "${found.info.kind}"}`
		);
	const [name] = found.names;
	if (!name) return kubeError('error: required resource not specified', `rollout ${verb}`);
	const namespace = args.get('namespace') ?? 'default';
	const deployment = findObject(ctx.engine, 'Deployment', namespace, name);
	return (
		deployment ?? kubeError(`Error from server (NotFound): deployments.apps "${name}" not found`)
	);
}

const status: CommandSpec = {
	path: ['kubectl', 'rollout', 'status'],
	summary: 'Show the status of the rollout',
	usage: 'kubectl rollout status deployment/NAME [-n NAMESPACE]',
	interspersed: true,
	operands: ['rollout'],
	flags: [NAMESPACE_FLAG, HELP_FLAG],
	run(ctx, args) {
		const d = target(ctx, args, 'status');
		if ('output' in d) return d;
		const c = deploymentCounts(ctx.engine, d);
		if (c.updatedReady >= c.replicas && c.updated === c.replicas && c.ready === c.replicas)
			return result([`deployment "${d.name}" successfully rolled out`]);
		const lines = [
			`Waiting for deployment "${d.name}" rollout to finish: ${c.updatedReady} of ${c.replicas} updated replicas are available...`,
		];
		const failing = podsOf(ctx.engine, d.namespace, d.name).filter((p) => !podReady(p));
		for (const pod of failing)
			lines.push(
				paint(
					'dim',
					`  pod/${pod.name}: ${podStatus(pod)}${pod.containers.find((x) => x.reason)?.reason ? ` (${pod.containers.find((x) => x.reason)?.reason})` : ''}`
				)
			);
		lines.push(paint('red', `error: deployment "${d.name}" exceeded its progress deadline`));
		return result(lines, 1);
	},
};

const history: CommandSpec = {
	path: ['kubectl', 'rollout', 'history'],
	summary: 'View rollout history',
	usage: 'kubectl rollout history deployment/NAME [-n NAMESPACE]',
	interspersed: true,
	operands: ['rollout'],
	flags: [NAMESPACE_FLAG, HELP_FLAG],
	run(ctx, args) {
		const d = target(ctx, args, 'history');
		if ('output' in d) return d;
		const rollout = rolloutOf(ctx.engine, d.namespace, d.name);
		const rows = (rollout?.revisions ?? []).map((r) => [String(r.number), r.cause ?? '<none>']);
		return result([
			`deployment.apps/${d.name} `,
			...table(['REVISION', 'CHANGE-CAUSE'], rows, 2),
			'',
		]);
	},
};

const undo: CommandSpec = {
	path: ['kubectl', 'rollout', 'undo'],
	summary: 'Undo a previous rollout',
	usage: 'kubectl rollout undo deployment/NAME [--to-revision=N] [-n NAMESPACE]',
	interspersed: true,
	operands: ['rollout'],
	flags: [
		{
			names: ['--to-revision'],
			key: 'to-revision',
			value: true,
			description: 'The revision to roll back to (default: the previous one)',
		},
		NAMESPACE_FLAG,
		HELP_FLAG,
	],
	run(ctx, args) {
		const d = target(ctx, args, 'undo');
		if ('output' in d) return d;
		const raw = args.get('to-revision');
		const to = raw === undefined || raw === '0' ? null : Number(raw);
		if (to !== null && (!Number.isInteger(to) || to < 0))
			return kubeError(
				`error: invalid argument "${raw}" for "--to-revision" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`
			);
		const problem = undoRollout(ctx.engine, ctx.center, d, to);
		if (problem?.startsWith('skipped')) return result([`deployment.apps/${d.name} ${problem}`]);
		if (problem) return kubeError(`error: ${problem}`);
		return result([`deployment.apps/${d.name} rolled back`]);
	},
};

const restart: CommandSpec = {
	path: ['kubectl', 'rollout', 'restart'],
	summary: 'Restart a resource',
	usage: 'kubectl rollout restart deployment/NAME [-n NAMESPACE]',
	interspersed: true,
	operands: ['rollout'],
	flags: [NAMESPACE_FLAG, HELP_FLAG],
	run(ctx, args) {
		const d = target(ctx, args, 'restart');
		if ('output' in d) return d;
		const rollout = rolloutOf(ctx.engine, d.namespace, d.name);
		const revision = rollout ? currentRevision(rollout) : undefined;
		const template = structuredClone(revision?.template ?? {}) as Record<
			string,
			Record<string, Record<string, string>>
		>;
		template['metadata'] = {
			...(template['metadata'] ?? {}),
			annotations: {
				...(template['metadata']?.['annotations'] ?? {}),
				'kubectl.kubernetes.io/restartedAt': new Date(ctx.engine.now()).toISOString(),
			},
		};
		d.manifest = {
			...d.manifest,
			spec: { ...((d.manifest['spec'] as object | undefined) ?? {}), template },
		};
		d.generation += 1;
		reconcileDeployment(ctx.engine, ctx.center, d);
		return result([`deployment.apps/${d.name} restarted`]);
	},
};

/** The rollout commands. */
export const rolloutCommands: CommandSpec[] = [status, history, undo, restart];
