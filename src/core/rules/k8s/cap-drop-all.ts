import { allContainers, containerLabel } from '../../yaml/k8s.js';
import { deepestKey, getPath, listItems, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { capabilityName } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing';

/** Where the capabilities to drop are set, below a container. */
const DROP = ['securityContext', 'capabilities', 'drop'] as const;

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/cap-drop-all',
	kind: 'k8s',
	family: 'spin',
	severity: 'error',
	description:
		'Every container and init container drops all capabilities in `securityContext.capabilities.drop`.',
	messages: {
		missing: 'The {container} does not drop ALL capabilities; Spin will not run it.',
	},
	hint: 'Add `securityContext: {capabilities: {drop: [ALL]}}` to the container, then add back only the capabilities it needs.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const container of allContainers(doc)) {
			const drop = listItems(doc, getPath(doc, container.node, DROP));
			if (drop.some((item) => capabilityName(scalarText(doc, item) ?? '') === 'ALL')) continue;
			const anchor = deepestKey(doc, container.node, DROP, container.anchor);
			reports.push({
				messageId: 'missing',
				range: nodeRange(doc, anchor),
				data: { container: containerLabel(container) },
			});
		}
		return reports;
	},
});
