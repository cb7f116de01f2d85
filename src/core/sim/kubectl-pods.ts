import { HELP_FLAG, NAMESPACE_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { execCommand } from './exec.js';
import type { Args } from './flags.js';
import { paint, result } from './format.js';
import { kindInfo } from './kube-data.js';
import { kubeError } from './kubectl-args.js';
import { podReady } from './pods.js';
import { podsOf } from './rollout-state.js';
import { lsDate } from './runtime.js';
import type { Pod, PodContainer } from './types.js';
import { resolveUser } from './users.js';

/** `kubectl logs` and `kubectl exec`: a pod (or `deployment/NAME`), one of its containers. */

/** Finds the pod a `POD` or `TYPE/NAME` operand means; a string is kubectl's error. */
function findPod(
	ctx: ShellContext,
	operand: string,
	namespace: string
): { pod: Pod; note: string | null } | string {
	const slash = operand.indexOf('/');
	if (slash >= 0) {
		const info = kindInfo(operand.slice(0, slash));
		const name = operand.slice(slash + 1);
		if (info?.kind === 'Pod') return findPod(ctx, name, namespace);
		if (info?.kind !== 'Deployment')
			return `error: cannot attach to ${operand.slice(0, slash)}: the simulated cluster picks pods of deployments only`;
		const pods = podsOf(ctx.engine, namespace, name);
		const pod = pods.find(podReady) ?? pods[0];
		if (!pod) return `Error from server (NotFound): deployments.apps "${name}" not found`;
		return {
			pod,
			note: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pod.name}` : null,
		};
	}
	const pod = ctx.engine.state.cluster.pods.find(
		(p) => p.namespace === namespace && p.name === operand
	);
	return pod ? { pod, note: null } : `Error from server (NotFound): pods "${operand}" not found`;
}

/** Picks a container with `-c`, or the first one. */
function pickContainer(pod: Pod, args: Args): PodContainer | string {
	const wanted = args.get('container');
	const container = wanted ? pod.containers.find((c) => c.name === wanted) : pod.containers[0];
	if (!container) return `error: container ${wanted ?? ''} is not valid for pod ${pod.name}`;
	return container;
}

const CONTAINER_FLAG = {
	names: ['-c', '--container'],
	key: 'container',
	value: true,
	description: 'Container name',
};

const logs: CommandSpec = {
	path: ['kubectl', 'logs'],
	summary: 'Print the logs for a container in a pod',
	usage: 'kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [-n NAMESPACE]',
	interspersed: true,
	operands: ['pod'],
	flags: [
		CONTAINER_FLAG,
		NAMESPACE_FLAG,
		{
			names: ['-f', '--follow'],
			key: 'follow',
			value: false,
			description: 'Specify if the logs should be streamed',
		},
		{
			names: ['--tail'],
			key: 'tail',
			value: true,
			description: 'Lines of recent log file to display',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		const [operand] = args.positionals;
		if (!operand || args.positionals.length > 1)
			return kubeError('error: expected exactly one POD or TYPE/NAME', 'logs');
		const namespace = args.get('namespace') ?? 'default';
		const found = findPod(ctx, operand, namespace);
		if (typeof found === 'string') return kubeError(found);
		const container = pickContainer(found.pod, args);
		if (typeof container === 'string') return kubeError(container);
		const head = found.note ? [found.note] : [];
		if (container.phase !== 'Running' && container.logs.length === 0) {
			const why =
				container.phase === 'ErrImagePull' ? 'trying and failing to pull image' : container.phase;
			return kubeError(
				`Error from server (BadRequest): container "${container.name}" in pod "${found.pod.name}" is waiting to start: ${why}`
			);
		}
		const tail = Number(args.get('tail') ?? 'NaN');
		const lines =
			Number.isInteger(tail) && tail >= 0
				? container.logs.slice(Math.max(0, container.logs.length - tail))
				: container.logs;
		return result([...head, ...lines]);
	},
};

const exec: CommandSpec = {
	path: ['kubectl', 'exec'],
	summary: 'Execute a command in a container',
	usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-n NAMESPACE] -- COMMAND [args...]',
	interspersed: true,
	operands: ['pod'],
	flags: [
		CONTAINER_FLAG,
		NAMESPACE_FLAG,
		{
			names: ['-i', '--stdin'],
			key: 'stdin',
			value: false,
			description: 'Pass stdin to the container',
		},
		{ names: ['-t', '--tty'], key: 'tty', value: false, description: 'Stdin is a TTY' },
		HELP_FLAG,
	],
	run(ctx, args) {
		const [operand] = args.positionals;
		if (!operand) return kubeError('error: pod, type/name or --filename must be specified', 'exec');
		if (args.rest === null || args.rest.length === 0) {
			if (args.positionals.length > 1)
				return kubeError(
					'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
					'exec'
				);
			return kubeError('error: you must specify at least one command for the container', 'exec');
		}
		const found = findPod(ctx, operand, args.get('namespace') ?? 'default');
		if (typeof found === 'string') return kubeError(found);
		const container = pickContainer(found.pod, args);
		if (typeof container === 'string') return kubeError(container);
		if (container.phase !== 'Running')
			return kubeError(
				`error: unable to upgrade connection: container not found ("${container.name}")`
			);
		const identity = resolveUser(container.files, container.user);
		if (typeof identity === 'string') return kubeError(`error: ${identity}`);
		const command = args.rest;
		if (/^(ba|a|da)?sh$/.test((command[0] ?? '').replace(/^.*\//, '')) && !command.includes('-c')) {
			return result([
				paint(
					'dim',
					'(Interactive shells are not simulated: give the command to run, e.g. kubectl exec POD -- ls -l /app.)'
				),
			]);
		}
		const outcome = execCommand(
			{
				files: container.files,
				cwd: container.workdir || '/',
				env: container.env,
				identity,
				hostname: found.pod.name,
				date: lsDate(found.pod.created),
			},
			command
		);
		if (outcome.notFound) {
			return kubeError(
				`error: Internal error occurred: error executing command in container: failed to exec in container: ${outcome.lines[0] ?? ''}: unknown`
			);
		}
		const head = found.note ? [found.note] : [];
		const tail =
			outcome.exitCode === 0 ? [] : [`command terminated with exit code ${outcome.exitCode}`];
		return result([...head, ...outcome.lines, ...tail], outcome.exitCode);
	},
};

/** The pod commands. */
export const podCommands: CommandSpec[] = [logs, exec];
