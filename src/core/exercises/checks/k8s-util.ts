import type { YAMLMap } from 'yaml';
import { k8sObjects, type Container, type PodSpec } from '../../yaml/k8s.js';
import {
	asMap,
	entries,
	getPath,
	getText,
	getValue,
	scalarText,
	seqItems,
} from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { Range } from '../../types.js';

/** Helpers shared by the Kubernetes checks: fallbacks, pod labels, volumes and ports. */

/** Where a failing Kubernetes check points when nothing closer exists: the first kind, or line 1. */
export function k8sFallback(doc: YamlDoc): Range {
	const first = k8sObjects(doc)[0];
	return first
		? nodeRange(doc, first.kindNode)
		: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** Where a container is pointed at: its name, or its mapping. */
export function containerRange(doc: YamlDoc, container: Container): Range {
	return nodeRange(doc, container.anchor);
}

/** The labels of the pods a workload creates. */
export function podLabels(doc: YamlDoc, pod: PodSpec): Map<string, string> {
	const owner = pod.owner;
	const path =
		owner.kind === 'Pod'
			? ['metadata', 'labels']
			: owner.kind === 'CronJob'
				? ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels']
				: ['spec', 'template', 'metadata', 'labels'];
	const labels = new Map<string, string>();
	for (const entry of entries(doc, getPath(doc, owner.node, path))) {
		labels.set(entry.key, scalarText(doc, entry.value) ?? '');
	}
	return labels;
}

/** The volume of a pod spec with that name. */
export function podVolume(doc: YamlDoc, pod: PodSpec, name: string): YAMLMap | undefined {
	for (const item of seqItems(doc, getValue(doc, pod.node, 'volumes'))) {
		if (getText(doc, item, 'name') === name) return asMap(doc, item);
	}
	return undefined;
}

/** A StatefulSet claim template of the pod's owner with that name. */
export function claimTemplate(doc: YamlDoc, pod: PodSpec, name: string): YAMLMap | undefined {
	if (pod.owner.kind !== 'StatefulSet') return undefined;
	for (const item of seqItems(
		doc,
		getPath(doc, pod.owner.node, ['spec', 'volumeClaimTemplates'])
	)) {
		if (
			getPath(doc, item, ['metadata', 'name']) &&
			getText(doc, getValue(doc, item, 'metadata'), 'name') === name
		) {
			return asMap(doc, item);
		}
	}
	return undefined;
}

/** The declared ports of a container: numbers and names. */
export function containerPorts(
	doc: YamlDoc,
	container: Container
): { port: number; name: string | undefined }[] {
	return seqItems(doc, getValue(doc, container.node, 'ports'))
		.map((item) => ({
			port: Number(getText(doc, item, 'containerPort')),
			name: getText(doc, item, 'name'),
		}))
		.filter((p) => Number.isInteger(p.port));
}
