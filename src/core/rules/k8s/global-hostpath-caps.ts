import {
	containerLabel,
	globalHostPaths,
	podContainers,
	podSpecsWithGlobalMounts,
} from '../../yaml/k8s.js';
import { getPath, listItems, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { capabilityName } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'notAllowed';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/global-hostpath-caps',
	kind: 'k8s',
	family: 'spin',
	severity: 'error',
	description:
		'In a pod that mounts a global file system `hostPath`, containers add back only the capabilities Spin allows with such mounts.',
	messages: {
		notAllowed:
			'This pod mounts {path}, so the {container} may add only {allowed}; remove {capability}.',
	},
	hint: 'With a global file system mount the pod runs as your own user and needs no extra capabilities; keep at most the ones listed.',
	check({ doc, center }) {
		const general = new Set(center.capabilities.allowed);
		const withMount = new Set(center.capabilities.allowedWithGlobalMount);
		const allowed = center.capabilities.allowedWithGlobalMount.join(', ') || 'none';
		const reports: Report<MessageId>[] = [];
		for (const pod of podSpecsWithGlobalMounts(doc, center.globalPathPrefix)) {
			const path =
				globalHostPaths(doc, pod, center.globalPathPrefix)[0]?.path ?? center.globalPathPrefix;
			for (const container of podContainers(doc, pod)) {
				const added = getPath(doc, container.node, ['securityContext', 'capabilities', 'add']);
				for (const item of listItems(doc, added)) {
					const text = scalarText(doc, item);
					if (text === undefined) continue;
					const name = capabilityName(text);
					// Capabilities Spin never allows are reported by k8s/cap-add-allowed.
					if (!general.has(name) || withMount.has(name)) continue;
					reports.push({
						messageId: 'notAllowed',
						range: nodeRange(doc, item),
						data: { path, container: containerLabel(container), allowed, capability: text },
					});
				}
			}
		}
		return reports;
	},
});
