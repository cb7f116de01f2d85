import { HELP_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { shortId } from './docker-images.js';
import { execCommand } from './exec.js';
import {
	humanDuration,
	paint,
	quotedCommand,
	result,
	table,
	type CommandResult,
} from './format.js';
import { processContext } from './runtime.js';
import type { Container } from './types.js';

/** `docker ps`, `docker logs`, `docker exec`, `docker stop`, `docker start` and `docker rm`. */

/** A red error line with exit code 1. */
function error(text: string, exitCode = 1): CommandResult {
	return result([paint('red', text)], exitCode);
}

/** The usage error of a command that needs operands. */
export function needs(spec: CommandSpec, what: string): CommandResult {
	return result(
		[
			paint('red', `"${spec.path.join(' ')}" requires ${what}.`),
			`See '${spec.path.join(' ')} --help'.`,
			'',
			`Usage:  ${spec.usage}`,
		],
		1
	);
}

/** `STATUS` column of `docker ps`. */
function status(c: Container, now: number): string {
	if (c.state === 'running') return `Up ${humanDuration(now - c.created)}`;
	if (c.state === 'created') return 'Created';
	return `Exited (${c.exitCode}) ${humanDuration(now - (c.finished ?? now))} ago`;
}

/** `PORTS` column of `docker ps`. */
function ports(ctx: ShellContext, c: Container): string {
	if (c.state !== 'running') return '';
	const published = c.ports.map((p) => `0.0.0.0:${p.host}->${p.container}/${p.protocol}`);
	const exposed = ctx.engine.state.store.images[c.imageId]?.config.exposed ?? [];
	const rest = exposed.filter((e) => !c.ports.some((p) => `${p.container}/${p.protocol}` === e));
	return [...published, ...rest].join(', ');
}

const ps: CommandSpec = {
	path: ['docker', 'ps'],
	aliases: [
		['docker', 'container', 'ls'],
		['docker', 'container', 'ps'],
		['docker', 'container', 'list'],
	],
	summary: 'List containers',
	usage: 'docker ps [OPTIONS]',
	interspersed: true,
	operands: [],
	flags: [
		{
			names: ['-a', '--all'],
			key: 'all',
			value: false,
			description: 'Show all containers (default shows just running)',
		},
		{
			names: ['-q', '--quiet'],
			key: 'quiet',
			value: false,
			description: 'Only display container IDs',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		if (args.positionals.length > 0) return needs(ps, 'no arguments');
		const now = ctx.engine.now();
		const shown = ctx.engine.state.containers
			.filter((c) => args.has('all') || c.state === 'running')
			.reverse();
		if (args.has('quiet')) return result(shown.map((c) => shortId(c.id)));
		return result(
			table(
				['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
				shown.map((c) => [
					shortId(c.id),
					c.image,
					quotedCommand(c.command),
					`${humanDuration(now - c.created)} ago`,
					status(c, now),
					ports(ctx, c),
					c.name,
				])
			)
		);
	},
};

const logs: CommandSpec = {
	path: ['docker', 'logs'],
	aliases: [['docker', 'container', 'logs']],
	summary: 'Fetch the logs of a container',
	usage: 'docker logs [OPTIONS] CONTAINER',
	interspersed: true,
	operands: ['container'],
	flags: [
		{ names: ['-f', '--follow'], key: 'follow', value: false, description: 'Follow log output' },
		{
			names: ['-n', '--tail'],
			key: 'tail',
			value: true,
			description: 'Number of lines to show from the end of the logs',
		},
		{
			names: ['-t', '--timestamps'],
			key: 'timestamps',
			value: false,
			description: 'Show timestamps',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		if (args.positionals.length !== 1) return needs(logs, 'exactly 1 argument');
		const key = args.positionals[0] ?? '';
		const c = ctx.engine.findContainer(key);
		if (!c) return error(`Error response from daemon: No such container: ${key}`);
		const tail = Number(args.get('tail') ?? 'NaN');
		const lines =
			Number.isInteger(tail) && tail >= 0
				? c.logs.slice(Math.max(0, c.logs.length - tail))
				: c.logs;
		const stamp = new Date(c.created).toISOString();
		const out = args.has('timestamps') ? lines.map((l) => `${stamp} ${l}`) : [...lines];
		if (args.has('follow') && c.state === 'running')
			out.push(paint('dim', '(Simulated: no further output; press Ctrl-C to stop following.)'));
		return result(out);
	},
};

const exec: CommandSpec = {
	path: ['docker', 'exec'],
	aliases: [['docker', 'container', 'exec']],
	summary: 'Execute a command in a running container',
	usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
	interspersed: false,
	operands: ['running-container', 'command'],
	flags: [
		{
			names: ['-i', '--interactive'],
			key: 'interactive',
			value: false,
			description: 'Keep STDIN open even if not attached',
		},
		{ names: ['-t', '--tty'], key: 'tty', value: false, description: 'Allocate a pseudo-TTY' },
		{ names: ['-u', '--user'], key: 'user', value: true, description: 'Username or UID' },
		{ names: ['-e', '--env'], key: 'env', value: true, description: 'Set environment variables' },
		{
			names: ['-w', '--workdir'],
			key: 'workdir',
			value: true,
			description: 'Working directory inside the container',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		const [key, ...command] = args.positionals;
		if (key === undefined || command.length === 0) return needs(exec, 'at least 2 arguments');
		const c = ctx.engine.findContainer(key);
		if (!c) return error(`Error response from daemon: No such container: ${key}`);
		if (c.state !== 'running')
			return error(`Error response from daemon: container ${c.id} is not running`);
		const image = ctx.engine.state.store.images[c.imageId];
		if (!image) return error(`Error response from daemon: No such image: ${c.image}`);
		const context = processContext(image, {
			user: args.get('user') ?? c.user,
			env: [...c.env, ...args.all('env')],
			hostname: c.id.slice(0, 12),
			workdir: args.get('workdir') ?? '',
			time: image.created,
		});
		if (typeof context === 'string') return error(`Error response from daemon: ${context}`, 126);
		const outcome = execCommand(context, command);
		if (outcome.notFound)
			return error(
				`OCI runtime exec failed: exec failed: unable to start container process: ${outcome.lines[0] ?? ''}: unknown`,
				126
			);
		const interactive = /^(ba|a|da)?sh$/.test(command[0] ?? '') && !command.includes('-c');
		if (interactive)
			return result([
				paint(
					'dim',
					'(Interactive shells are not simulated: give the command to run, e.g. docker exec NAME ls -l /app.)'
				),
			]);
		return result(outcome.lines, outcome.exitCode);
	},
};

/** The container commands. */
export const containerCommands: CommandSpec[] = [ps, logs, exec];
