import { allContainers, containerLabel } from '../../yaml/k8s.js';
import { deepestKey, getPath, isFalse } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'allowed';

/** Where the setting lives, below a container. */
const SETTING = ['securityContext', 'allowPrivilegeEscalation'] as const;

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/no-privilege-escalation',
	kind: 'k8s',
	family: 'spin',
	severity: 'warning',
	description: 'Every container sets `allowPrivilegeEscalation: false`.',
	messages: {
		allowed:
			'The {container} does not set `allowPrivilegeEscalation: false`, so its processes could gain privileges.',
	},
	hint: 'Add `allowPrivilegeEscalation: false` to the container `securityContext`.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const container of allContainers(doc)) {
			const value = getPath(doc, container.node, SETTING);
			if (value && isFalse(doc, value)) continue;
			const anchor = value ?? deepestKey(doc, container.node, SETTING, container.anchor);
			reports.push({
				messageId: 'allowed',
				range: nodeRange(doc, anchor),
				data: { container: containerLabel(container) },
			});
		}
		return reports;
	},
});
