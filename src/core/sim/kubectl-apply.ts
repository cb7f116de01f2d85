import { parseYamlText } from '../yaml/parse.js';
import { NAMESPACE_FLAG, HELP_FLAG, type CommandSpec, type ShellContext } from './command.js';
import { addEvent, namespaceExists, upsertObject } from './cluster.js';
import { findingLines } from './findings.js';
import { paint, result, type CommandResult } from './format.js';
import { asArray, asObject, kindInfo, objectRef, text, type Json } from './kube-data.js';
import { makePod } from './pods.js';
import { reconcileDeployment } from './rollout-state.js';
import { isWorkspaceDir, workspacePath } from './workspace.js';

/**
 * `kubectl apply -f FILE`: the manifest goes through the course validator first, the way Spin's
 * admission control checks workloads; errors refuse the whole file, warnings are printed and the
 * objects are created or updated.
 */

/** The files `-f` names: a file, or the YAML files of a workspace directory. */
export function manifestFiles(
	ctx: ShellContext,
	names: readonly string[]
): { files: string[] } | { error: string } {
	const out: string[] = [];
	for (const name of names) {
		const path = workspacePath(name);
		if (ctx.files[path] !== undefined) out.push(path);
		else if (isWorkspaceDir(ctx.files, path) && path !== '') {
			out.push(
				...Object.keys(ctx.files)
					.filter((f) => f.startsWith(`${path}/`) && /\.(ya?ml|json)$/.test(f))
					.sort()
			);
		} else return { error: `error: the path "${name}" does not exist` };
	}
	return { files: out };
}

/** The objects of a manifest text, `kind: List` opened. */
export function manifestObjects(text: string): Json[] {
	const out: Json[] = [];
	for (const part of parseYamlText(text).documents) {
		const value = asObject(part.toJS({ maxAliasCount: 100 }));
		if (!value) continue;
		if (typeof value['kind'] === 'string' && value['kind'].endsWith('List')) {
			for (const item of asArray(value['items'])) {
				const object = asObject(item);
				if (object) out.push(object);
			}
		} else out.push(value);
	}
	return out;
}

/** Applies one object; returns the output line (or an error line). */
function applyObject(
	ctx: ShellContext,
	file: string,
	object: Json,
	flagNamespace: string | undefined
): { line: string; ok: boolean } {
	const kind = text(object, 'kind');
	const apiVersion = text(object, 'apiVersion');
	if (!kind || !apiVersion) {
		const missing = [!apiVersion ? 'apiVersion not set' : '', !kind ? 'kind not set' : '']
			.filter(Boolean)
			.join(', ');
		return {
			ok: false,
			line: `error: error validating "${file}": error validating data: [${missing}]; if you choose to ignore these errors, turn validation off with --validate=false`,
		};
	}
	const info = kindInfo(kind);
	const name = text(object, 'metadata', 'name');
	if (!info || info.kind !== kind || kind === 'Event') {
		return {
			ok: false,
			line: `error: resource mapping not found for name: "${name ?? ''}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"`,
		};
	}
	if (!name)
		return {
			ok: false,
			line: `error: error when retrieving current configuration of ${kind} from "${file}": resource name may not be empty`,
		};
	const own = text(object, 'metadata', 'namespace');
	if (info.namespaced && own && flagNamespace && own !== flagNamespace) {
		return {
			ok: false,
			line: `error: the namespace from the provided object "${own}" does not match the namespace "${flagNamespace}". You must pass '--namespace=${own}' to perform this operation.`,
		};
	}
	const namespace = info.namespaced ? (own ?? flagNamespace ?? 'default') : '';
	if (info.namespaced && !namespaceExists(ctx.engine, namespace)) {
		return {
			ok: false,
			line: `Error from server (NotFound): error when creating "${file}": namespaces "${namespace}" not found`,
		};
	}
	const { object: stored, outcome } = upsertObject(ctx.engine, kind, namespace, name, object);
	if (outcome !== 'unchanged') {
		if (kind === 'Deployment') reconcileDeployment(ctx.engine, ctx.center, stored);
		if (kind === 'Pod' && outcome === 'created')
			ctx.engine.state.cluster.pods.push(
				makePod(ctx.engine, ctx.center, {
					namespace,
					owner: '',
					revision: 1,
					name,
					template: object,
				})
			);
		if (kind === 'PersistentVolumeClaim') claimEvent(ctx, namespace, name, object);
	}
	return { ok: true, line: `${objectRef(kind, name)} ${outcome}` };
}

/** Records whether a claim's storage class can provision it. */
function claimEvent(ctx: ShellContext, namespace: string, name: string, object: Json): void {
	const wanted = text(object, 'spec', 'storageClassName') ?? ctx.center.storageClasses[0] ?? '';
	const ok = ctx.center.storageClasses.includes(wanted);
	addEvent(ctx.engine, {
		namespace,
		type: ok ? 'Normal' : 'Warning',
		reason: ok ? 'ProvisioningSucceeded' : 'ProvisioningFailed',
		object: `persistentvolumeclaim/${name}`,
		message: ok
			? `Successfully provisioned volume for claim ${namespace}/${name} (${wanted})`
			: `storageclass.storage.k8s.io "${wanted}" not found`,
	});
}

/** Validates and applies one file. */
function applyFile(
	ctx: ShellContext,
	file: string,
	flagNamespace: string | undefined
): { lines: string[]; ok: boolean } {
	const source = ctx.files[file] ?? '';
	const findings = ctx.validate('k8s', source);
	const syntax = findings.find((d) => d.ruleId === 'k8s/syntax' && d.severity === 'error');
	if (syntax)
		return {
			ok: false,
			lines: [
				paint(
					'red',
					`error: error parsing ${file}: line ${syntax.range.start.line}: ${syntax.message}`
				),
			],
		};
	const errors = findings.filter((d) => d.severity === 'error');
	if (errors.length > 0) {
		return {
			ok: false,
			lines: [
				paint(
					'red',
					`Error from server (Forbidden): error when creating "${file}": ${ctx.center.platform}'s admission checks denied the request:`
				),
				...findingLines(file, errors),
			],
		};
	}
	const lines = findings.map((d) =>
		paint(
			d.severity === 'warning' ? 'yellow' : 'cyan',
			`Warning: ${file}:${d.range.start.line}: ${d.message} [${d.ruleId}]`
		)
	);
	const objects = manifestObjects(source);
	if (objects.length === 0)
		return { ok: false, lines: [...lines, paint('red', `error: no objects passed to apply`)] };
	let ok = true;
	for (const object of objects) {
		const applied = applyObject(ctx, file, object, flagNamespace);
		lines.push(applied.ok ? applied.line : paint('red', applied.line));
		ok &&= applied.ok;
	}
	return { ok, lines };
}

/** Runs `kubectl apply`. */
function apply(
	ctx: ShellContext,
	flags: { files: string[]; namespace: string | undefined }
): CommandResult {
	if (flags.files.length === 0)
		return result(
			[
				paint('red', 'error: must specify one of -f and -k'),
				'',
				"See 'kubectl apply -h' for help and examples",
			],
			1
		);
	const found = manifestFiles(ctx, flags.files);
	if ('error' in found) return result([paint('red', found.error)], 1);
	if (flags.namespace && !namespaceExists(ctx.engine, flags.namespace)) {
		return result(
			[paint('red', `Error from server (NotFound): namespaces "${flags.namespace}" not found`)],
			1
		);
	}
	const lines: string[] = [];
	let ok = true;
	for (const file of found.files) {
		const applied = applyFile(ctx, file, flags.namespace);
		lines.push(...applied.lines);
		ok &&= applied.ok;
	}
	return result(lines, ok ? 0 : 1);
}

/** The `kubectl apply` command. */
export const applySpec: CommandSpec = {
	path: ['kubectl', 'apply'],
	summary: 'Apply a configuration to a resource by file name',
	usage: 'kubectl apply -f FILENAME [-n NAMESPACE]',
	interspersed: true,
	operands: [],
	flags: [
		{
			names: ['-f', '--filename'],
			key: 'filename',
			value: true,
			description: 'The files that contain the configurations to apply',
			complete: 'file',
		},
		NAMESPACE_FLAG,
		HELP_FLAG,
	],
	run(ctx, args) {
		if (args.positionals.length > 0)
			return result(
				[
					paint('red', `error: Unexpected args: [${args.positionals.join(' ')}]`),
					"See 'kubectl apply -h' for help and examples",
				],
				1
			);
		return apply(ctx, { files: args.all('filename'), namespace: args.get('namespace') });
	},
};
