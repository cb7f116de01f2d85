import { HELP_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { needs } from './docker-containers.js';
import { paint, result } from './format.js';
import { processContext } from './runtime.js';
import { launch } from './startup.js';
import type { Container } from './types.js';

/** `docker stop`, `docker start` and `docker rm`. */

/** Stops a running container; returns a note when the stop signal did not reach the program. */
function stopContainer(ctx: ShellContext, c: Container): string | null {
	if (c.state !== 'running') return null;
	const viaShell = /(^|\/)(ba)?sh$/.test(c.command[0] ?? '') && c.command[1] === '-c';
	c.state = 'exited';
	c.exitCode = viaShell ? 137 : 0;
	c.finished = ctx.engine.now();
	if (c.autoRemove) ctx.engine.removeContainer(c);
	return viaShell
		? `(${c.name} took 10 s to stop: /bin/sh -c did not pass the stop signal on to the program, so Docker killed it. The JSON form of CMD avoids this.)`
		: null;
}

const stop: CommandSpec = {
	path: ['docker', 'stop'],
	aliases: [['docker', 'container', 'stop']],
	summary: 'Stop one or more running containers',
	usage: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
	interspersed: true,
	operands: ['running-container'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		if (args.positionals.length === 0) return needs(stop, 'at least 1 argument');
		const lines: string[] = [];
		let exitCode = 0;
		for (const key of args.positionals) {
			const c = ctx.engine.findContainer(key);
			if (!c) {
				lines.push(paint('red', `Error response from daemon: No such container: ${key}`));
				exitCode = 1;
				continue;
			}
			const note = stopContainer(ctx, c);
			lines.push(key, ...(note ? [paint('dim', note)] : []));
		}
		return result(lines, exitCode);
	},
};

const start: CommandSpec = {
	path: ['docker', 'start'],
	aliases: [['docker', 'container', 'start']],
	summary: 'Start one or more stopped containers',
	usage: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
	interspersed: true,
	operands: ['container'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		if (args.positionals.length === 0) return needs(start, 'at least 1 argument');
		const lines: string[] = [];
		let exitCode = 0;
		for (const key of args.positionals) {
			const c = ctx.engine.findContainer(key);
			const image = c ? ctx.engine.state.store.images[c.imageId] : undefined;
			if (!c || !image) {
				lines.push(paint('red', `Error response from daemon: No such container: ${key}`));
				exitCode = 1;
				continue;
			}
			if (c.state === 'running') {
				lines.push(key);
				continue;
			}
			const context = processContext(image, {
				user: c.user,
				env: c.env,
				hostname: c.id.slice(0, 12),
				time: ctx.engine.now(),
			});
			const started =
				typeof context === 'string'
					? null
					: launch({ ...context, command: c.command, ip: '172.17.0.2', time: ctx.engine.now() });
			if (!started || started.runtimeError) {
				lines.push(
					paint(
						'red',
						`Error response from daemon: failed to start container ${key}: ${typeof context === 'string' ? context : started?.runtimeError}`
					)
				);
				exitCode = 1;
				continue;
			}
			c.logs.push(...started.logs);
			c.state = started.running ? 'running' : 'exited';
			c.exitCode = started.exitCode;
			c.finished = started.running ? null : ctx.engine.now();
			lines.push(key);
		}
		return result(lines, exitCode);
	},
};

const rm: CommandSpec = {
	path: ['docker', 'rm'],
	aliases: [['docker', 'container', 'rm']],
	summary: 'Remove one or more containers',
	usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
	interspersed: true,
	operands: ['container'],
	flags: [
		{
			names: ['-f', '--force'],
			key: 'force',
			value: false,
			description: 'Force the removal of a running container',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		if (args.positionals.length === 0) return needs(rm, 'at least 1 argument');
		const lines: string[] = [];
		let exitCode = 0;
		for (const key of args.positionals) {
			const c = ctx.engine.findContainer(key);
			if (!c) {
				lines.push(paint('red', `Error response from daemon: No such container: ${key}`));
				exitCode = 1;
			} else if (c.state === 'running' && !args.has('force')) {
				lines.push(
					paint(
						'red',
						`Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`
					)
				);
				exitCode = 1;
			} else {
				ctx.engine.removeContainer(c);
				lines.push(key);
			}
		}
		return result(lines, exitCode);
	},
};

/** The container life-cycle commands. */
export const lifecycleCommands: CommandSpec[] = [stop, start, rm];
