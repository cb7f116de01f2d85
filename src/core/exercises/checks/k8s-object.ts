import { k8sObjects } from '../../yaml/k8s.js';
import { getPath, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { k8sFallback } from './k8s-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks that an object of a kind exists (with a name, and at most some replicas). */
export function checkK8sObject(check: CheckOf<'k8s-object'>, doc: YamlDoc): CheckResult {
	const kinds = [check.kind].flat();
	const found = k8sObjects(doc).filter(
		(o) =>
			kinds.includes(o.kind) && (check.name === undefined || matchPattern(check.name, o.name ?? ''))
	);
	const first = found[0];
	if (!first)
		return fail(
			`The file defines no ${kinds.join(' or ')}${check.name ? ` named as asked` : ''}.`,
			k8sFallback(doc)
		);
	if (check.maxReplicas !== undefined) {
		for (const object of found) {
			const node = getPath(doc, object.node, ['spec', 'replicas']);
			const replicas = Number(scalarText(doc, node) ?? '1');
			if (node && replicas > check.maxReplicas) {
				return fail(
					`${object.kind} ${object.name ?? ''} asks for ${replicas} replicas; at most ${check.maxReplicas} allowed.`,
					nodeRange(doc, node)
				);
			}
		}
	}
	return pass(nodeRange(doc, first.kindNode));
}
