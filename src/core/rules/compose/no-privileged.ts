import { composeServices } from '../../yaml/compose.js';
import { getValue, isTrue } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'privileged';

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/no-privileged',
	kind: 'compose',
	family: 'spin',
	severity: 'error',
	description: 'No service runs privileged.',
	messages: {
		privileged:
			'Service `{service}` sets `privileged: true`; Spin runs containers with reduced privileges only.',
	},
	hint: 'Remove `privileged: true`; if the service needs one specific capability, add only that one with `cap_add:`.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			const value = getValue(doc, service.node, 'privileged');
			if (value && isTrue(doc, value)) {
				reports.push({
					messageId: 'privileged',
					range: nodeRange(doc, value),
					data: { service: service.name },
				});
			}
		}
		return reports;
	},
});
