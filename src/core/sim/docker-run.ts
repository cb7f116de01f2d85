import { HELP_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { ensureImage } from './docker-images.js';
import type { Args } from './flags.js';
import { paint, result, type CommandResult } from './format.js';
import { containerCommand, processContext } from './runtime.js';
import { launch } from './startup.js';
import type { Container, PortMapping } from './types.js';

/**
 * `docker run`: creates and starts a container. What Spin refuses is refused here too
 * (`--privileged`, capabilities outside Spin's list, host namespaces); a foreground server
 * prints its start-up lines and keeps running in the simulated engine.
 */

/** A `docker run` failure: red lines, exit code 125 like the Docker CLI. */
function fail(lines: readonly string[], exitCode = 125): CommandResult {
	return result([...lines.map((l) => paint('red', l)), `See 'docker run --help'.`], exitCode);
}

/** Normalises a capability name (`cap_net_bind_service` → `NET_BIND_SERVICE`). */
export function capability(name: string): string {
	return name.toUpperCase().replace(/^CAP_/, '');
}

/** Reads `-p` values; returns the mappings or an error message. */
function readPorts(values: readonly string[], next: () => number): PortMapping[] | string {
	const out: PortMapping[] = [];
	for (const value of values) {
		const [spec = '', proto = 'tcp'] = value.split('/');
		const parts = spec.split(':');
		const container = Number(parts[parts.length - 1]);
		const hostText = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
		if (!Number.isInteger(container) || container < 1 || container > 65535)
			return `invalid containerPort: ${parts[parts.length - 1]}`;
		if (proto !== 'tcp' && proto !== 'udp') return `invalid proto: ${proto}`;
		const host = hostText === '' ? next() : Number(hostText);
		if (!Number.isInteger(host) || host < 1 || host > 65535) return `invalid hostPort: ${hostText}`;
		out.push({ host, container, protocol: proto });
	}
	return out;
}

/** What Spin refuses among the flags, as lines, or `null`. */
function spinRefusal(ctx: ShellContext, args: Args): string[] | null {
	const allowed = ctx.center.capabilities.allowed;
	if (args.has('privileged')) {
		return [
			"docker: refused: --privileged gives the container every capability and access to the host's devices.",
			`${ctx.center.platform} runs no privileged containers; add only the capabilities you need with --cap-add.`,
		];
	}
	for (const raw of args.all('cap-add')) {
		const cap = capability(raw);
		if (!allowed.includes(cap)) {
			return [
				`docker: refused: --cap-add ${raw}: ${ctx.center.platform} allows only ${allowed.join(', ')}.`,
				'Drop ALL capabilities and add back only those from this list that the program needs.',
			];
		}
	}
	for (const key of ['network', 'pid', 'ipc'] as const) {
		if (args.get(key) === 'host')
			return [
				`docker: refused: --${key} host shares the host's ${key === 'network' ? 'network stack' : `${key} namespace`}; ${ctx.center.platform} does not allow host namespaces.`,
			];
	}
	return null;
}

/** Dim notes on what Spin would want that this run lacks. */
function spinNotes(ctx: ShellContext, args: Args, uid: number): string[] {
	const missing: string[] = [];
	if (uid === 0) missing.push('a non-root user (USER in the Dockerfile, or --user UID)');
	if (!args.all('cap-drop').some((c) => capability(c) === 'ALL')) missing.push('--cap-drop ALL');
	return missing.length === 0
		? []
		: [
				paint(
					'dim',
					`(On ${ctx.center.platform} this container would also need ${missing.join(' and ')}.)`
				),
			];
}

/** Runs `docker run`. */
function run(ctx: ShellContext, args: Args): CommandResult {
	const [imageText, ...override] = args.positionals;
	if (imageText === undefined)
		return fail(['docker: "docker run" requires at least 1 argument.', `Usage:  ${spec.usage}`]);
	const refusal = spinRefusal(ctx, args);
	if (refusal) return fail(refusal);
	const engine = ctx.engine;
	const ports = readPorts(args.all('publish'), () => 32768 + engine.state.containers.length);
	if (typeof ports === 'string') return fail([`docker: ${ports}.`]);
	const env = args.all('env').map((e) => (e.includes('=') ? e : `${e}=`));
	const name = args.get('name') ?? engine.nextName();
	if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name))
		return fail([
			`docker: Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.`,
		]);
	const taken = engine.state.containers.find((c) => c.name === name);
	if (taken) {
		return fail([
			`docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
		]);
	}
	const found = ensureImage(ctx, imageText);
	if ('error' in found)
		return fail(found.error.map((l, i) => (i === found.error.length - 1 ? `docker: ${l}` : l)));
	const { image } = found;
	const command = containerCommand(image, override, args.get('entrypoint'));
	if (command.length === 0)
		return fail([...found.lines, 'docker: Error response from daemon: no command specified.']);
	const id = engine.nextId('container');
	const groups = args.all('group-add').map(Number).filter(Number.isInteger);
	const process = processContext(image, {
		user: args.get('user') ?? '',
		env,
		hostname: id.slice(0, 12),
		groups,
		workdir: args.get('workdir') ?? '',
		time: engine.now(),
	});
	const container: Container = {
		id,
		name,
		image: imageText,
		imageId: image.id,
		command,
		state: 'created',
		exitCode: 0,
		ports,
		env: typeof process === 'string' ? env : process.env,
		user: args.get('user') ?? image.config.user,
		capAdd: args.all('cap-add').map(capability),
		capDrop: args.all('cap-drop').map(capability),
		autoRemove: args.has('rm'),
		logs: [],
		created: engine.now(),
		finished: null,
	};
	engine.state.containers.push(container);
	if (typeof process === 'string')
		return fail([...found.lines, `docker: Error response from daemon: ${process}.`]);
	for (const port of ports) {
		const busy = engine.state.containers.find(
			(c) =>
				c.state === 'running' &&
				c.ports.some((p) => p.host === port.host && p.protocol === port.protocol)
		);
		if (busy)
			return fail([
				...found.lines,
				`docker: Error response from daemon: driver failed programming external connectivity on endpoint ${name}: Bind for 0.0.0.0:${port.host} failed: port is already allocated.`,
			]);
	}
	const running = engine.state.containers.filter((c) => c.state === 'running').length;
	const started = launch({
		...process,
		command,
		ip: `172.17.0.${running + 2}`,
		time: engine.now(),
	});
	if (started.runtimeError) {
		container.exitCode = 127;
		return fail(
			[
				...found.lines,
				`docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${started.runtimeError}: unknown.`,
			],
			127
		);
	}
	container.logs = started.logs;
	container.state = started.running ? 'running' : 'exited';
	container.exitCode = started.exitCode;
	if (!started.running) container.finished = engine.now();
	const notes = [
		...portNotes(container, started.listens),
		...(started.running ? spinNotes(ctx, args, process.identity.uid) : []),
	];
	if (!started.running && container.autoRemove) engine.removeContainer(container);
	if (args.has('detach')) return result([...found.lines, id, ...notes]);
	const lines = [...found.lines, ...started.logs];
	if (args.has('interactive') && args.has('tty') && !started.running && started.logs.length === 0) {
		lines.push(
			paint(
				'dim',
				'(Interactive shells are not simulated: run single commands with docker exec CONTAINER CMD.)'
			)
		);
	}
	if (started.running)
		lines.push(
			paint(
				'dim',
				`(Simulated: ${name} keeps running; docker logs ${name} shows its output, docker stop ${name} stops it.)`
			)
		);
	return result([...lines, ...notes], started.running ? 0 : started.exitCode);
}

/** Notes on published ports that cannot reach the server. */
function portNotes(
	container: Container,
	listens: readonly { host: string; port: number }[]
): string[] {
	if (listens.length === 0) return [];
	const notes: string[] = [];
	for (const port of container.ports) {
		const target = listens.find((l) => l.port === port.container);
		if (!target)
			notes.push(
				`Note: nothing listens on container port ${port.container}; the program listens on ${listens.map((l) => l.port).join(', ')}.`
			);
		else if (target.host === '127.0.0.1' || target.host === 'localhost') {
			notes.push(
				`Note: the program listens on ${target.host} inside the container, so the published port ${port.host} cannot reach it; make it listen on 0.0.0.0.`
			);
		}
	}
	return notes.map((n) => paint('yellow', n));
}

const flag = (
	names: string[],
	key: string,
	value: boolean,
	description: string,
	complete?: 'capability' | 'none'
) => (complete ? { names, key, value, description, complete } : { names, key, value, description });

/** The `docker run` command. */
export const spec: CommandSpec = {
	path: ['docker', 'run'],
	aliases: [['docker', 'container', 'run']],
	summary: 'Create and run a new container from an image',
	usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
	interspersed: false,
	operands: ['image', 'command'],
	flags: [
		flag(['-d', '--detach'], 'detach', false, 'Run container in background and print container ID'),
		flag(
			['-p', '--publish'],
			'publish',
			true,
			"Publish a container's port(s) to the host (HOST:CONTAINER)"
		),
		flag(['-e', '--env'], 'env', true, 'Set environment variables (NAME=value)'),
		flag(['-u', '--user'], 'user', true, 'Username or UID (format: <name|uid>[:<group|gid>])'),
		flag(['--rm'], 'rm', false, 'Automatically remove the container when it exits'),
		flag(['--name'], 'name', true, 'Assign a name to the container'),
		flag(['--cap-add'], 'cap-add', true, 'Add Linux capabilities', 'capability'),
		flag(['--cap-drop'], 'cap-drop', true, 'Drop Linux capabilities', 'capability'),
		flag(['--privileged'], 'privileged', false, 'Give extended privileges to this container'),
		flag(['--group-add'], 'group-add', true, 'Add additional groups to join'),
		flag(['--entrypoint'], 'entrypoint', true, 'Overwrite the default ENTRYPOINT of the image'),
		flag(['-w', '--workdir'], 'workdir', true, 'Working directory inside the container'),
		flag(['--network', '--net'], 'network', true, 'Connect a container to a network'),
		flag(['--pid'], 'pid', true, 'PID namespace to use'),
		flag(['--ipc'], 'ipc', true, 'IPC mode to use'),
		flag(['-i', '--interactive'], 'interactive', false, 'Keep STDIN open even if not attached'),
		flag(['-t', '--tty'], 'tty', false, 'Allocate a pseudo-TTY'),
		HELP_FLAG,
	],
	run,
};
