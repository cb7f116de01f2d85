import type { ShellContext } from './command.js';
import { namespaceExists } from './cluster.js';
import type { Args } from './flags.js';
import { paint, result, type CommandResult } from './format.js';
import { kindInfo, type KindInfo } from './kube-data.js';

/** Operand forms shared by kubectl commands: `TYPE NAME…` and `TYPE/NAME`. */

/** A resource type and the names given with it. */
export interface Target {
	info: KindInfo;
	names: string[];
}

/** An error the way kubectl prints it. */
export function kubeError(line: string, usage?: string): CommandResult {
	return result(
		[paint('red', line), ...(usage ? [`See 'kubectl ${usage} -h' for help and examples`] : [])],
		1
	);
}

/** Reads `TYPE [NAME…]` or `TYPE/NAME…`; an unknown type gives kubectl's message. */
export function readTarget(words: readonly string[]): Target | string {
	const [first = '', ...rest] = words;
	if (first.includes('/')) {
		const names: string[] = [];
		let info: KindInfo | undefined;
		for (const word of words) {
			const [type = '', name = ''] = word.split('/');
			const found = kindInfo(type);
			if (!found) return `error: the server doesn't have a resource type "${type}"`;
			if (info && found !== info)
				return 'error: this simulated kubectl takes one resource type at a time';
			info = found;
			names.push(name);
		}
		return info ? { info, names } : `error: the server doesn't have a resource type ""`;
	}
	const info = kindInfo(first);
	if (!info) return `error: the server doesn't have a resource type "${first}"`;
	return { info, names: rest };
}

/** The namespace a command works in (`-n`, default `default`), or an error when it does not exist. */
export function namespaceOf(ctx: ShellContext, args: Args): string | CommandResult {
	const namespace = args.get('namespace') ?? 'default';
	if (!namespaceExists(ctx.engine, namespace))
		return kubeError(`Error from server (NotFound): namespaces "${namespace}" not found`);
	return namespace;
}
