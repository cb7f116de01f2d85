import { composeServices } from '../../yaml/compose.js';
import { getEntry, listItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'devices';

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/no-devices',
	kind: 'compose',
	family: 'spin',
	severity: 'error',
	description: 'No service maps host devices into its containers.',
	messages: {
		devices:
			'Service `{service}` maps host devices with `devices:`; Spin containers cannot use host devices.',
	},
	hint: 'Remove `devices:`; Spin services reach data through volumes and the network, not through host devices.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			const entry = getEntry(doc, service.node, 'devices');
			if (entry && listItems(doc, entry.value).length > 0) {
				reports.push({
					messageId: 'devices',
					range: nodeRange(doc, entry.keyNode),
					data: { service: service.name },
				});
			}
		}
		return reports;
	},
});
