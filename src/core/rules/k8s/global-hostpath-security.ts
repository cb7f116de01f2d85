import type { Node as YamlNode } from 'yaml';
import {
	effectiveSecurity,
	globalHostPaths,
	podContainers,
	podSpecsWithGlobalMounts,
	type Container,
	type PodSpec,
} from '../../yaml/k8s.js';
import { deepestKey, getPath, isTrue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { isPlaceholder } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing' | 'mayRunAsRoot' | 'rootId' | 'notNumeric';

/** The settings a pod with a global `hostPath` needs, and how to find each for a container. */
const SETTINGS = [
	{
		label: 'runAsNonRoot: true',
		find: (doc: YamlDoc, c: Container) => effectiveSecurity(doc, c, 'runAsNonRoot'),
	},
	{
		label: 'runAsUser',
		find: (doc: YamlDoc, c: Container) => effectiveSecurity(doc, c, 'runAsUser'),
	},
	{
		label: 'fsGroup (or runAsGroup)',
		find: (doc: YamlDoc, c: Container) =>
			getPath(doc, c.pod.node, ['securityContext', 'fsGroup']) ??
			effectiveSecurity(doc, c, 'runAsGroup'),
	},
] as const;

/** Checks one found setting's value; undefined when it is right. */
function valueProblem(doc: YamlDoc, index: number, node: YamlNode): Report<MessageId> | undefined {
	const range = nodeRange(doc, node);
	if (index === 0) return isTrue(doc, node) ? undefined : { messageId: 'mayRunAsRoot', range };
	const text = scalarText(doc, node) ?? '';
	if (isPlaceholder(text)) return undefined;
	if (!/^\d+$/.test(text.trim())) return { messageId: 'notNumeric', range, data: { value: text } };
	return Number(text) === 0 ? { messageId: 'rootId', range } : undefined;
}

/** Checks one pod spec that mounts a global file system path. */
function checkPod(doc: YamlDoc, pod: PodSpec, prefix: string): Report<MessageId>[] {
	const volume = globalHostPaths(doc, pod, prefix)[0];
	const containers = podContainers(doc, pod);
	if (!volume || containers.length === 0) return [];
	const byRange = new Map<string, Report<MessageId>>();
	const missing = new Map<YamlNode, string[]>();
	const podAnchor = deepestKey(doc, pod.node, ['securityContext'], volume.hostPathKey);
	SETTINGS.forEach((setting, index) => {
		const lacking: Container[] = [];
		for (const container of containers) {
			const node = setting.find(doc, container);
			if (!node) lacking.push(container);
			const problem = node && valueProblem(doc, index, node);
			if (problem) byRange.set(`${JSON.stringify(problem.range)}|${problem.messageId}`, problem);
		}
		const anchors =
			lacking.length === containers.length
				? [podAnchor]
				: lacking.map((c) => deepestKey(doc, c.node, ['securityContext'], c.anchor));
		for (const anchor of anchors)
			missing.set(anchor, [...(missing.get(anchor) ?? []), setting.label]);
	});
	const reports: Report<MessageId>[] = [...byRange.values()].map((report) => ({
		...report,
		data: { ...report.data, path: volume.path },
	}));
	for (const [anchor, settings] of missing) {
		reports.push({
			messageId: 'missing',
			range: nodeRange(doc, anchor),
			data: { path: volume.path, settings: settings.join(', ') },
		});
	}
	return reports;
}

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/global-hostpath-security',
	kind: 'k8s',
	family: 'spin',
	severity: 'error',
	description:
		'A pod that mounts a global file system `hostPath` runs as a non-root user with `runAsNonRoot`, `runAsUser` and `fsGroup` or `runAsGroup`.',
	messages: {
		missing: 'This pod mounts {path}, so Spin needs {settings} in its security context.',
		mayRunAsRoot: 'With {path} mounted, set `runAsNonRoot: true`.',
		rootId: 'With {path} mounted, the pod must run as your own non-zero NERSC user and group IDs.',
		notNumeric: 'Give a numeric ID here, not `{value}`.',
	},
	hint: 'Set `runAsNonRoot: true`, `runAsUser: <your UID>` and `fsGroup: <your project GID>` (from `id -u` and `id -g`) in the pod or container `securityContext`.',
	check({ doc, center }) {
		return podSpecsWithGlobalMounts(doc, center.globalPathPrefix).flatMap((pod) =>
			checkPod(doc, pod, center.globalPathPrefix)
		);
	},
});
