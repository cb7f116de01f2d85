import { allContainers, containerLabel } from '../../yaml/k8s.js';
import { getPath, isTrue } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'privileged';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/no-privileged',
	kind: 'k8s',
	family: 'spin',
	severity: 'error',
	description: 'No container runs privileged.',
	messages: {
		privileged:
			'The {container} sets `privileged: true`; Spin runs containers with reduced privileges only.',
	},
	hint: 'Set `privileged: false` (or remove it); if the container needs one specific capability, add only that one.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const container of allContainers(doc)) {
			const value = getPath(doc, container.node, ['securityContext', 'privileged']);
			if (value && isTrue(doc, value)) {
				reports.push({
					messageId: 'privileged',
					range: nodeRange(doc, value),
					data: { container: containerLabel(container) },
				});
			}
		}
		return reports;
	},
});
