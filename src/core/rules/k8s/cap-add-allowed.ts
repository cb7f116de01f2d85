import { allContainers, containerLabel } from '../../yaml/k8s.js';
import { getPath, listItems, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { capabilityName, isPlaceholder } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'notAllowed';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/cap-add-allowed',
	kind: 'k8s',
	family: 'spin',
	severity: 'error',
	description: 'Containers add back only capabilities from the list Spin allows.',
	messages: {
		notAllowed: 'Spin does not allow the {container} to add {capability}; allowed: {allowed}.',
	},
	hint: 'Remove the capability from `capabilities.add`; most containers need none, and databases need at most CHOWN, DAC_OVERRIDE, FOWNER, SETGID and SETUID.',
	check({ doc, center }) {
		const allowed = new Set(center.capabilities.allowed);
		const reports: Report<MessageId>[] = [];
		for (const container of allContainers(doc)) {
			const added = getPath(doc, container.node, ['securityContext', 'capabilities', 'add']);
			for (const item of listItems(doc, added)) {
				const text = scalarText(doc, item);
				if (text === undefined || isPlaceholder(text) || allowed.has(capabilityName(text)))
					continue;
				reports.push({
					messageId: 'notAllowed',
					range: nodeRange(doc, item),
					data: {
						container: containerLabel(container),
						capability: text,
						allowed: center.capabilities.allowed.join(', '),
					},
				});
			}
		}
		return reports;
	},
});
