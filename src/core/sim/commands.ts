import { builtinCommands } from './builtins.js';
import { HELP_FLAG, type CommandSpec } from './command.js';
import { spec as buildSpec } from './docker-build.js';
import { containerCommands } from './docker-containers.js';
import { imageCommands } from './docker-images.js';
import { lifecycleCommands } from './docker-lifecycle.js';
import { registryCommands } from './docker-registry.js';
import { spec as runSpec } from './docker-run.js';
import { paint, result, table, type CommandResult } from './format.js';
import { applySpec } from './kubectl-apply.js';
import { describeCommands } from './kubectl-describe.js';
import { getCommands } from './kubectl-get.js';
import { manageCommands } from './kubectl-manage.js';
import { podCommands } from './kubectl-pods.js';
import { rolloutCommands } from './kubectl-rollout.js';

/** Every command of the simulated terminal, how a line finds its command, and `help`. */

/** Command groups: a word that only introduces sub-commands. */
export const GROUPS: Record<string, string> = {
	docker: 'Docker',
	'docker image': 'Manage images',
	'docker container': 'Manage containers',
	'docker buildx': 'Docker Buildx',
	kubectl: 'kubectl controls the Kubernetes cluster',
	'kubectl create': 'Create a resource',
	'kubectl create secret': 'Create a secret',
	'kubectl rollout': 'Manage the rollout of a resource',
	rancher: 'Rancher CLI (its kubectl sub-command)',
	'rancher kubectl': 'kubectl, run through the Rancher CLI',
	'rancher kubectl create': 'Create a resource',
	'rancher kubectl create secret': 'Create a secret',
	'rancher kubectl rollout': 'Manage the rollout of a resource',
};

/** Adds the `rancher kubectl …` spelling to a kubectl command. */
function viaRancher(spec: CommandSpec): CommandSpec {
	if (spec.path[0] !== 'kubectl') return spec;
	return {
		...spec,
		aliases: [
			...(spec.aliases ?? []),
			...[spec.path, ...(spec.aliases ?? [])].map((p) => ['rancher', ...p]),
		],
	};
}

/** `help [COMMAND]`. */
const help: CommandSpec = {
	path: ['help'],
	summary: 'List the commands of this terminal',
	usage: 'help [COMMAND]',
	interspersed: true,
	operands: ['command'],
	flags: [HELP_FLAG],
	run(_ctx, args) {
		if (args.positionals.length > 0) {
			const found = findCommand(args.positionals);
			if ('spec' in found) return usage(found.spec);
			return groupHelp(found.group.length > 0 ? found.group : args.positionals.slice(0, 1));
		}
		const rows = COMMANDS.filter((c) => c.path[0] !== 'help').map((c) => [
			c.path.join(' '),
			c.summary,
		]);
		return result([
			'Commands of this simulated terminal (add --help to any of them for its usage and options):',
			'',
			...table(['COMMAND', 'WHAT IT DOES'], rows, 2).map((l) => `  ${l}`),
			'',
			paint(
				'dim',
				'Nothing runs for real: images, containers and the cluster live in your browser.'
			),
			paint(
				'dim',
				'Tab completes commands, options, files, images and names; the up arrow recalls earlier lines.'
			),
		]);
	},
};

/** Every command. */
export const COMMANDS: CommandSpec[] = [
	help,
	...builtinCommands,
	buildSpec,
	...imageCommands,
	...registryCommands,
	runSpec,
	...containerCommands,
	...lifecycleCommands,
	applySpec,
	...getCommands,
	...describeCommands,
	...podCommands,
	...rolloutCommands,
	...manageCommands,
].map(viaRancher);

/** The spellings of a command. */
export function spellings(spec: CommandSpec): string[][] {
	return [spec.path, ...(spec.aliases ?? [])];
}

/** The command that the first words of a line name (longest match), or the group they stop in. */
export function findCommand(
	words: readonly string[]
): { spec: CommandSpec; length: number } | { group: string[] } {
	let best: { spec: CommandSpec; length: number } | null = null;
	for (const spec of COMMANDS) {
		for (const path of spellings(spec)) {
			if (path.length > words.length || (best && path.length <= best.length)) continue;
			if (path.every((word, i) => words[i] === word)) best = { spec, length: path.length };
		}
	}
	if (best) return best;
	let group: string[] = [];
	for (let n = 1; n <= words.length; n++) {
		if (GROUPS[words.slice(0, n).join(' ')] !== undefined) group = words.slice(0, n);
	}
	return { group };
}

/** The sub-commands directly under a group, e.g. `run`, `ps`, `image` under `docker`. */
export function subcommands(group: readonly string[]): string[] {
	const names = new Set<string>();
	for (const spec of COMMANDS) {
		for (const path of spellings(spec)) {
			if (path.length > group.length && group.every((w, i) => path[i] === w))
				names.add(path[group.length] ?? '');
		}
	}
	return [...names].filter(Boolean).sort();
}

/** `COMMAND --help`. */
export function usage(spec: CommandSpec): CommandResult {
	const rows = spec.flags.map((f) => [
		f.names.join(', ') + (f.value ? ' VALUE' : ''),
		f.description,
	]);
	const aliases = (spec.aliases ?? []).map((a) => a.join(' '));
	return result([
		`Usage:  ${spec.usage}`,
		'',
		spec.summary,
		...(aliases.length > 0 ? ['', `Also: ${aliases.join(', ')}`] : []),
		...(rows.length > 0
			? [
					'',
					'Options:',
					...table(['', ''], rows, 2)
						.slice(1)
						.map((l) => `  ${l}`),
				]
			: []),
	]);
}

/** The help of a group: its sub-commands. */
export function groupHelp(group: readonly string[]): CommandResult {
	const name = group.join(' ');
	const rows = subcommands(group).map((sub) => {
		const found = findCommand([...group, sub]);
		return [
			sub,
			'spec' in found && found.length === group.length + 1
				? found.spec.summary
				: (GROUPS[`${name} ${sub}`] ?? ''),
		];
	});
	return result([
		`Usage:  ${name} COMMAND`,
		'',
		GROUPS[name] ?? '',
		'',
		'Commands:',
		...table(['', ''], rows, 2)
			.slice(1)
			.map((l) => `  ${l}`),
	]);
}
