import type { Node as YamlNode } from 'yaml';
import {
	allContainers,
	containerLabel,
	effectiveSecurity,
	type Container,
} from '../../yaml/k8s.js';
import { getPath, isFalse, isTrue, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { capabilityName } from '../../yaml/values.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { containerRange, k8sFallback } from './k8s-util.js';
import { fail, pass, type CheckEnv, type CheckResult } from './types.js';

/** Fields a container may set and its pod may set for all containers. */
const INHERITED = new Set(['runAsUser', 'runAsGroup', 'runAsNonRoot']);

/** The node of a security field for a container, after pod-level defaults. */
function fieldNode(doc: YamlDoc, container: Container, field: string): YamlNode | undefined {
	if (field === 'fsGroup') return getPath(doc, container.pod.node, ['securityContext', 'fsGroup']);
	if (INHERITED.has(field)) return effectiveSecurity(doc, container, field);
	return getPath(doc, container.node, ['securityContext', ...field.split('.')]);
}

/** Explains why one container fails the check, or returns null. */
function problem(
	check: CheckOf<'k8s-security'>,
	doc: YamlDoc,
	container: Container,
	allowed: readonly string[]
): string | null {
	const node = fieldNode(doc, container, check.field);
	const who =
		check.field === 'fsGroup'
			? `the pod of ${containerLabel(container)}`
			: containerLabel(container);
	if (node === undefined) return check.optional ? null : `${who} does not set ${check.field}.`;
	if (typeof check.equals === 'boolean') {
		const ok = check.equals ? isTrue(doc, node) : isFalse(doc, node);
		return ok
			? null
			: `${who} has ${check.field}: ${scalarText(doc, node) ?? '?'}; expected ${String(check.equals)}.`;
	}
	if (check.equals !== undefined && scalarText(doc, node)?.trim() !== String(check.equals)) {
		return `${who} has ${check.field}: ${scalarText(doc, node) ?? '?'}; expected ${String(check.equals)}.`;
	}
	const items = seqItems(doc, node).map((item) => capabilityName(scalarText(doc, item) ?? ''));
	const absent = (check.contains ?? []).map(capabilityName).filter((want) => !items.includes(want));
	if (absent.length > 0) return `${who}'s ${check.field} lacks ${absent.join(', ')}.`;
	const extra = check.subsetOf === undefined ? [] : items.filter((item) => !allowed.includes(item));
	if (extra.length > 0)
		return `${who}'s ${check.field} has ${extra.join(', ')}, which this check does not allow.`;
	return null;
}

/** Checks a security-context field of every container (pod-level values count where allowed). */
export function checkK8sSecurity(
	check: CheckOf<'k8s-security'>,
	doc: YamlDoc,
	env: CheckEnv
): CheckResult {
	const pattern = check.container;
	const containers = allContainers(doc).filter(
		(c) => pattern === undefined || matchPattern(pattern, c.name ?? '')
	);
	if (containers.length === 0) return fail('The file has no matching container.', k8sFallback(doc));
	const allowed =
		check.subsetOf === 'center'
			? env.center.capabilities.allowed
			: (check.subsetOf ?? []).map(capabilityName);
	for (const container of containers) {
		const why = problem(check, doc, container, allowed);
		if (why) {
			const node = fieldNode(doc, container, check.field);
			return fail(why, node ? nodeRange(doc, node) : containerRange(doc, container));
		}
	}
	return pass();
}
