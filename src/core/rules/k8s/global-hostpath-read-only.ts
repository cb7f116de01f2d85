import {
	containerLabel,
	globalHostPaths,
	podContainers,
	podSpecs,
	volumeMounts,
} from '../../yaml/k8s.js';
import { getValue, getText, isTrue } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'writable';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/global-hostpath-read-only',
	kind: 'k8s',
	family: 'spin',
	severity: 'warning',
	description:
		'A global file system `hostPath` is mounted with `readOnly: true` unless the container must write there.',
	messages: {
		writable:
			'The {container} mounts {path} writable; add `readOnly: true` unless it must write there.',
	},
	hint: 'Add `readOnly: true` to the volumeMount; a public, unauthenticated service must never write to the global file systems.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const pod of podSpecs(doc)) {
			const volumes = globalHostPaths(doc, pod, center.globalPathPrefix);
			if (volumes.length === 0) continue;
			for (const container of podContainers(doc, pod)) {
				for (const mount of volumeMounts(doc, container)) {
					const volume = volumes.find(
						(v) => v.name !== undefined && v.name === getText(doc, mount, 'name')
					);
					const readOnly = getValue(doc, mount, 'readOnly');
					if (!volume || isTrue(doc, readOnly)) continue;
					const anchor = readOnly ?? getValue(doc, mount, 'name') ?? mount;
					reports.push({
						messageId: 'writable',
						range: nodeRange(doc, anchor),
						data: { container: containerLabel(container), path: volume.path },
					});
				}
			}
		}
		return reports;
	},
});
