import { hashString } from '../hash.js';
import { publicImageExists } from './bases.js';
import { HELP_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { failure, humanDuration, humanSize, paint, result, table } from './format.js';
import { readImageName, splitRef, type ImageName } from './refs.js';
import type { Image } from './types.js';

/** `docker images`, `docker tag`, `docker pull`, `docker rmi`, and the pull that `docker run` does. */

/** Short image id (12 hex digits). */
export function shortId(id: string): string {
	return id.slice(0, 12);
}

/** Fake layer ids for pull and push output, derived from the image. */
export function layerIds(image: Image): string[] {
	const count = Math.max(1, Math.min(6, image.steps.length + 1));
	return Array.from({ length: count }, (_, i) => hashString(`${image.id}:layer:${i}`).slice(0, 12));
}

/** Finds a local image, or pulls it from the simulated registries; returns output lines too. */
export function ensureImage(
	ctx: ShellContext,
	text: string
): { image: Image; name: ImageName; lines: string[] } | { error: string[] } {
	const name = readImageName(text);
	if ('error' in name) return { error: [name.error] };
	const local = ctx.engine.findImage(text);
	if (local) return { image: local, name, lines: [] };
	const lines = [`Unable to find image '${name.ref}' locally`];
	const pulled = pullImage(ctx, name);
	if ('error' in pulled) return { error: [...lines, ...pulled.error] };
	return { image: pulled.image, name, lines: [...lines, ...pulled.lines] };
}

/** Pulls an image by name: from the simulated NERSC registry or a public one. */
function pullImage(
	ctx: ShellContext,
	name: ImageName
): { image: Image; lines: string[] } | { error: string[] } {
	const { store } = ctx.engine.state;
	const nersc = ctx.center.registries;
	let image: Image | undefined;
	if (name.host === nersc.nersc || name.host === nersc.legacy) {
		const id = store.registry[name.ref];
		if (!id || !store.images[id])
			return {
				error: [
					`Error response from daemon: manifest for ${name.ref} not found: manifest unknown: manifest unknown`,
				],
			};
		if (!store.logins.includes(name.host))
			return {
				error: [
					`Error response from daemon: unauthorized: authentication required (run docker login ${name.host} first)`,
				],
			};
		image = store.images[id];
		if (image) ctx.engine.tag(name.ref, image.id);
	} else if (!publicImageExists(name)) {
		return {
			error: [
				`Error response from daemon: pull access denied for ${name.repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
			],
		};
	} else image = ctx.engine.pull(name);
	if (!image) return { error: [`Error response from daemon: manifest unknown`] };
	const lines = [
		`${name.tag}: Pulling from ${name.host === 'docker.io' ? name.path : `${name.path}`}`,
	];
	for (const layer of layerIds(image)) lines.push(`${layer}: Pull complete`);
	lines.push(
		`Digest: sha256:${hashString(`manifest:${image.id}`)}`,
		`Status: Downloaded newer image for ${name.ref}`
	);
	return { image, lines };
}

/** `docker images`. */
const images: CommandSpec = {
	path: ['docker', 'images'],
	aliases: [
		['docker', 'image', 'ls'],
		['docker', 'image', 'list'],
	],
	summary: 'List images',
	usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
	interspersed: true,
	operands: ['local-image'],
	flags: [
		{ names: ['-a', '--all'], key: 'all', value: false, description: 'Show all images' },
		{ names: ['-q', '--quiet'], key: 'quiet', value: false, description: 'Only show image IDs' },
		HELP_FLAG,
	],
	run(ctx, args) {
		const { store } = ctx.engine.state;
		const filter = args.positionals[0];
		const registryIds = new Set(Object.values(store.registry));
		const rows: { repo: string; tag: string; image: Image }[] = [];
		for (const image of Object.values(store.images)) {
			const refs = ctx.engine.refsOf(image.id);
			if (refs.length === 0 && !registryIds.has(image.id))
				rows.push({ repo: '<none>', tag: '<none>', image });
			for (const ref of refs) {
				const { repository, tag: version } = splitRef(ref);
				rows.push({ repo: repository, tag: version, image });
			}
		}
		const shown = rows
			.filter((r) => !filter || r.repo === filter || `${r.repo}:${r.tag}` === filter)
			.sort(
				(a, b) =>
					b.image.created - a.image.created ||
					a.repo.localeCompare(b.repo, 'en') ||
					a.tag.localeCompare(b.tag, 'en')
			);
		if (args.has('quiet')) return result([...new Set(shown.map((r) => shortId(r.image.id)))]);
		const now = ctx.engine.now();
		return result(
			table(
				['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
				shown.map((r) => [
					r.repo,
					r.tag,
					shortId(r.image.id),
					`${humanDuration(now - r.image.created)} ago`,
					humanSize(r.image.size),
				])
			)
		);
	},
};

/** `docker tag SOURCE TARGET`. */
const tag: CommandSpec = {
	path: ['docker', 'tag'],
	aliases: [['docker', 'image', 'tag']],
	summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
	usage: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
	interspersed: true,
	operands: ['local-image', 'image'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		if (args.positionals.length !== 2) {
			return result(
				[
					paint('red', '"docker tag" requires exactly 2 arguments.'),
					"See 'docker tag --help'.",
					'',
					`Usage:  ${tag.usage}`,
				],
				1
			);
		}
		const [source = '', target = ''] = args.positionals;
		const image = ctx.engine.findImage(source);
		if (!image) return failure([`Error response from daemon: No such image: ${source}`]);
		const name = readImageName(target);
		if ('error' in name)
			return failure([
				`Error parsing reference: "${target}" is not a valid repository/tag: ${name.error}`,
			]);
		ctx.engine.tag(name.ref, image.id);
		return result([]);
	},
};

/** `docker pull NAME[:TAG]`. */
const pull: CommandSpec = {
	path: ['docker', 'pull'],
	aliases: [['docker', 'image', 'pull']],
	summary: 'Download an image from a registry',
	usage: 'docker pull [OPTIONS] NAME[:TAG]',
	interspersed: true,
	operands: ['image'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		const [text] = args.positionals;
		if (text === undefined || args.positionals.length > 1)
			return result(
				[paint('red', '"docker pull" requires exactly 1 argument.'), `Usage:  ${pull.usage}`],
				1
			);
		const name = readImageName(text);
		if ('error' in name) return failure([name.error]);
		const pulled = pullImage(ctx, name);
		if ('error' in pulled) return failure(pulled.error);
		const first = /:[^/]+$/.test(text) ? [] : ['Using default tag: latest'];
		return result([...first, ...pulled.lines, name.full]);
	},
};

/** `docker rmi IMAGE…`. */
const rmi: CommandSpec = {
	path: ['docker', 'rmi'],
	aliases: [['docker', 'image', 'rm']],
	summary: 'Remove one or more images',
	usage: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
	interspersed: true,
	operands: ['local-image'],
	flags: [
		{
			names: ['-f', '--force'],
			key: 'force',
			value: false,
			description: 'Force removal of the image',
		},
		HELP_FLAG,
	],
	run(ctx, args) {
		if (args.positionals.length === 0)
			return result(
				[paint('red', '"docker rmi" requires at least 1 argument.'), `Usage:  ${rmi.usage}`],
				1
			);
		const lines: string[] = [];
		let exitCode = 0;
		const { store } = ctx.engine.state;
		for (const key of args.positionals) {
			const image = ctx.engine.findImage(key);
			if (!image) {
				lines.push(paint('red', `Error response from daemon: No such image: ${key}`));
				exitCode = 1;
				continue;
			}
			const user = ctx.engine.state.containers.find((c) => c.imageId === image.id);
			if (user && !args.has('force')) {
				lines.push(
					paint(
						'red',
						`Error response from daemon: conflict: unable to remove repository reference "${key}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`
					)
				);
				exitCode = 1;
				continue;
			}
			const name = readImageName(key);
			const refs =
				'error' in name || !store.tags[name.ref] ? ctx.engine.refsOf(image.id) : [name.ref];
			for (const ref of refs) {
				delete store.tags[ref];
				lines.push(`Untagged: ${ref}`);
			}
			if (ctx.engine.refsOf(image.id).length === 0) {
				if (!Object.values(store.registry).includes(image.id)) delete store.images[image.id];
				lines.push(`Deleted: sha256:${image.id}`);
			}
		}
		return result(lines, exitCode);
	},
};

/** The image commands. */
export const imageCommands: CommandSpec[] = [images, tag, pull, rmi];
