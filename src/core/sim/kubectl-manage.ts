import { HELP_FLAG, NAMESPACE_FLAG, type CommandSpec } from './command.js';
import { deleteObject, findObject, upsertObject } from './cluster.js';
import { paint, result } from './format.js';
import { objectRef, text } from './kube-data.js';
import { manifestFiles, manifestObjects } from './kubectl-apply.js';
import { kubeError, namespaceOf, readTarget } from './kubectl-args.js';

/** `kubectl create namespace`, `kubectl create secret generic` and `kubectl delete`. */

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const createNamespace: CommandSpec = {
	path: ['kubectl', 'create', 'namespace'],
	aliases: [['kubectl', 'create', 'ns']],
	summary: 'Create a namespace',
	usage: 'kubectl create namespace NAME',
	interspersed: true,
	operands: ['none'],
	flags: [HELP_FLAG],
	run(ctx, args) {
		const [name] = args.positionals;
		if (!name || args.positionals.length > 1)
			return kubeError(
				'error: exactly one NAME is required, got ' + args.positionals.length,
				'create namespace'
			);
		if (!NAME.test(name) || name.length > 63) {
			return kubeError(
				`The Namespace "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`
			);
		}
		if (findObject(ctx.engine, 'Namespace', '', name))
			return kubeError(`Error from server (AlreadyExists): namespaces "${name}" already exists`);
		upsertObject(ctx.engine, 'Namespace', '', name, {
			apiVersion: 'v1',
			kind: 'Namespace',
			metadata: { name },
		});
		return result([`namespace/${name} created`]);
	},
};

const createSecret: CommandSpec = {
	path: ['kubectl', 'create', 'secret', 'generic'],
	summary: 'Create a secret from literal values or files',
	usage:
		'kubectl create secret generic NAME [--from-literal=KEY=VALUE] [--from-file=FILE] [-n NAMESPACE]',
	interspersed: true,
	operands: ['none'],
	flags: [
		{
			names: ['--from-literal'],
			key: 'literal',
			value: true,
			description: 'A key and literal value to insert (KEY=VALUE)',
		},
		{
			names: ['--from-file'],
			key: 'file',
			value: true,
			description: 'A file of your workspace ([KEY=]FILE)',
			complete: 'file',
		},
		NAMESPACE_FLAG,
		HELP_FLAG,
	],
	run(ctx, args) {
		const [name] = args.positionals;
		if (!name || args.positionals.length > 1)
			return kubeError(
				'error: exactly one NAME is required, got ' + args.positionals.length,
				'create secret generic'
			);
		const namespace = namespaceOf(ctx, args);
		if (typeof namespace !== 'string') return namespace;
		const data: Record<string, string> = {};
		for (const pair of args.all('literal')) {
			const eq = pair.indexOf('=');
			if (eq <= 0) return kubeError(`error: invalid literal source ${pair}, expected key=value`);
			data[pair.slice(0, eq)] = pair.slice(eq + 1);
		}
		for (const spec of args.all('file')) {
			const eq = spec.indexOf('=');
			const file = eq > 0 ? spec.slice(eq + 1) : spec;
			const content = ctx.files[file.replace(/^\.\//, '')];
			if (content === undefined)
				return kubeError(`error: error reading ${file}: no such file or directory`);
			data[eq > 0 ? spec.slice(0, eq) : (file.split('/').pop() ?? file)] = content;
		}
		if (findObject(ctx.engine, 'Secret', namespace, name))
			return kubeError(`error: failed to create secret secrets "${name}" already exists`);
		upsertObject(ctx.engine, 'Secret', namespace, name, {
			apiVersion: 'v1',
			kind: 'Secret',
			type: 'Opaque',
			metadata: { name, namespace },
			stringData: data,
		});
		return result([`secret/${name} created`]);
	},
};

const del: CommandSpec = {
	path: ['kubectl', 'delete'],
	summary: 'Delete resources by file name or by type and name',
	usage: 'kubectl delete (-f FILENAME | TYPE NAME...) [-n NAMESPACE]',
	interspersed: true,
	operands: ['resource', 'object'],
	flags: [
		{
			names: ['-f', '--filename'],
			key: 'filename',
			value: true,
			description: 'The files that contain the resources to delete',
			complete: 'file',
		},
		NAMESPACE_FLAG,
		HELP_FLAG,
	],
	run(ctx, args) {
		const targets: { kind: string; name: string; namespace: string }[] = [];
		const flagNamespace = args.get('namespace');
		if (args.all('filename').length > 0) {
			const found = manifestFiles(ctx, args.all('filename'));
			if ('error' in found) return kubeError(found.error);
			for (const file of found.files) {
				for (const object of manifestObjects(ctx.files[file] ?? '')) {
					const kind = text(object, 'kind') ?? '';
					targets.push({
						kind,
						name: text(object, 'metadata', 'name') ?? '',
						namespace: text(object, 'metadata', 'namespace') ?? flagNamespace ?? 'default',
					});
				}
			}
		} else {
			const target = readTarget(args.positionals);
			if (typeof target === 'string')
				return kubeError(
					args.positionals.length === 0
						? 'error: You must provide one or more resources by argument or filename.'
						: target,
					'delete'
				);
			if (target.names.length === 0)
				return kubeError('error: resource(s) were provided, but no name was specified', 'delete');
			for (const name of target.names)
				targets.push({ kind: target.info.kind, name, namespace: flagNamespace ?? 'default' });
		}
		const lines: string[] = [];
		let exitCode = 0;
		for (const t of targets) {
			const object = findObject(ctx.engine, t.kind, t.namespace, t.name);
			if (!object) {
				lines.push(
					paint(
						'red',
						`Error from server (NotFound): ${t.kind.toLowerCase()}s "${t.name}" not found`
					)
				);
				exitCode = 1;
				continue;
			}
			deleteObject(ctx.engine, object);
			lines.push(`${objectRef(t.kind, t.name)} deleted`);
		}
		return result(lines, exitCode);
	},
};

/** The kubectl commands that create and delete objects directly. */
export const manageCommands: CommandSpec[] = [createNamespace, createSecret, del];
