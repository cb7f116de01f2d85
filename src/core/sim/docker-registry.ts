import { hashString } from '../hash.js';
import { HELP_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { layerIds } from './docker-images.js';
import { paint, result, type CommandResult } from './format.js';
import { readImageName, type ImageName } from './refs.js';

/**
 * `docker login`, `docker logout` and `docker push` against the simulated registry. Pushes go
 * to the NERSC registry only, under a project (`center.registries.imagePattern`); every refusal
 * says why and what to type instead.
 */

/** A refusal: the error line in red, then explanations in dim text. */
function refuse(error: string, ...why: string[]): CommandResult {
	return result([paint('red', error), ...why.map((line) => paint('dim', line))], 1);
}

/** The registry host written in a login argument (`https://host/` → `host`). */
function hostOf(server: string): string {
	return server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

/** Why a registry host is not the one Spin's workloads use, or `null` when it is. */
function wrongHost(ctx: ShellContext, host: string): string[] | null {
	const { nersc, legacy, imagePattern } = ctx.center.registries;
	if (host === nersc) return null;
	if (host === legacy) {
		return [
			`${legacy} is the registry of Spin's Rancher 1 era; today's Spin clusters pull from ${nersc}.`,
			`Name the image ${imagePattern} instead.`,
		];
	}
	return [
		`This terminal pushes only to ${nersc}, the NERSC registry Spin pulls your images from.`,
		`Name the image ${imagePattern}.`,
	];
}

/** `docker login [SERVER]`. */
const login: CommandSpec = {
	path: ['docker', 'login'],
	summary: 'Log in to a registry',
	usage: 'docker login [OPTIONS] [SERVER]',
	interspersed: true,
	operands: ['host'],
	flags: [
		{ names: ['-u', '--username'], key: 'username', value: true, description: 'Username' },
		{ names: ['-p', '--password'], key: 'password', value: true, description: 'Password' },
		{
			names: ['--password-stdin'],
			key: 'password-stdin',
			value: false,
			description: 'Take the password from stdin',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		const { nersc } = ctx.center.registries;
		const server = args.positionals[0];
		if (server === undefined) {
			return refuse(
				'Error: the simulated terminal cannot log in to Docker Hub.',
				`To push images for Spin, log in to the NERSC registry: docker login ${nersc}`
			);
		}
		const host = hostOf(server);
		const wrong = wrongHost(ctx, host);
		if (wrong)
			return refuse(
				`Error response from daemon: Get "https://${host}/v2/": cannot log in from this terminal`,
				...wrong.slice(0, 1),
				`Log in with: docker login ${nersc}`
			);
		const logins = ctx.engine.state.store.logins;
		if (!logins.includes(host)) logins.push(host);
		const user = args.get('username') ?? ctx.learner.user;
		return result([
			paint(
				'dim',
				`(${host} takes your NERSC user name and password, without a one-time password; the simulated terminal accepts them as ${user}.)`
			),
			'Login Succeeded',
		]);
	},
};

/** `docker logout [SERVER]`. */
const logout: CommandSpec = {
	path: ['docker', 'logout'],
	summary: 'Log out from a registry',
	usage: 'docker logout [SERVER]',
	interspersed: true,
	operands: ['host'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		const host = hostOf(args.positionals[0] ?? 'docker.io');
		const store = ctx.engine.state.store;
		if (!store.logins.includes(host)) return result([`Not logged in to ${host}`]);
		store.logins = store.logins.filter((h) => h !== host);
		return result([`Removing login credentials for ${host}`]);
	},
};

/** The center's image pattern filled in for the learner and an image. */
function example(ctx: ShellContext, name: ImageName): string {
	return ctx.center.registries.imagePattern
		.replace('{project}', ctx.learner.projects?.[0] ?? '{project}')
		.replace('{user}', ctx.learner.user)
		.replace('{image}', name.repository.split('/').pop() ?? 'app')
		.replace('{tag}', name.tag);
}

/** Checks a push target; returns a refusal, or `null` when the push may go ahead. */
function checkTarget(ctx: ShellContext, name: ImageName, text: string): CommandResult | null {
	const { nersc, imagePattern } = ctx.center.registries;
	if (!name.explicitHost) {
		return refuse(
			`The push refers to repository [${name.full.replace(/:[^:/]+$/, '')}]`,
			'denied: requested access to the resource is denied',
			`"${text}" names no registry host, so Docker would push it to Docker Hub.`,
			`Spin pulls your images from ${nersc}: tag the image first, e.g.`,
			`  docker tag ${name.ref} ${example(ctx, name)}`
		);
	}
	const wrong = wrongHost(ctx, name.host);
	if (wrong)
		return refuse(`denied: pushing to ${name.host} is not possible from this terminal`, ...wrong);
	const [project, ...rest] = name.path.split('/');
	if (rest.length === 0) {
		return refuse(
			`denied: requested access to the resource is denied`,
			`${nersc} keeps images under a project: the name must be ${imagePattern}.`
		);
	}
	if (!ctx.engine.state.store.logins.includes(name.host)) {
		return refuse(
			'unauthorized: authentication required',
			`Log in first: docker login ${name.host}`
		);
	}
	const projects = ctx.learner.projects;
	if (projects && !projects.includes(project ?? '')) {
		return refuse(
			'denied: requested access to the resource is denied',
			`You are not a member of the project "${project}" on ${nersc}; your projects: ${projects.join(', ')}.`
		);
	}
	return null;
}

/** `docker push NAME[:TAG]`. */
const push: CommandSpec = {
	path: ['docker', 'push'],
	aliases: [['docker', 'image', 'push']],
	summary: 'Upload an image to a registry',
	usage: 'docker push [OPTIONS] NAME[:TAG]',
	interspersed: true,
	operands: ['local-image'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		const [text] = args.positionals;
		if (text === undefined || args.positionals.length > 1) {
			return result(
				[
					paint('red', '"docker push" requires exactly 1 argument.'),
					"See 'docker push --help'.",
					'',
					`Usage:  ${push.usage}`,
				],
				1
			);
		}
		const name = readImageName(text);
		if ('error' in name) return refuse(name.error);
		const lines = /:[^/]+$/.test(text) ? [] : ['Using default tag: latest'];
		const image = ctx.engine.findImage(name.ref);
		if (!image || !ctx.engine.state.store.tags[name.ref]) {
			return result(
				[
					...lines,
					paint('red', `An image does not exist locally with the tag: ${name.repository}`),
				],
				1
			);
		}
		const refused = checkTarget(ctx, name, text);
		if (refused) return refused;
		const registry = ctx.engine.state.store.registry;
		const known = new Set(Object.values(registry));
		lines.push(`The push refers to repository [${name.repository}]`);
		for (const layer of layerIds(image))
			lines.push(`${layer}: ${known.has(image.id) ? 'Layer already exists' : 'Pushed'}`);
		registry[name.ref] = image.id;
		lines.push(
			`${name.tag}: digest: sha256:${hashString(`manifest:${image.id}`)} size: ${1024 + image.steps.length * 211}`
		);
		if (name.tag === 'latest') {
			lines.push(
				paint(
					'yellow',
					`Note: "latest" changes with every push; give each version its own tag (e.g. :v1) so a deployment names exactly what it runs.`
				)
			);
		}
		return result(lines);
	},
};

/** The registry commands. */
export const registryCommands: CommandSpec[] = [login, logout, push];
