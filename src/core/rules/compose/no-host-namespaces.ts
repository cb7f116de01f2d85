import { composeServices } from '../../yaml/compose.js';
import { getValue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'host';

/** Service keys that share a namespace of the host when set to `host`. */
const KEYS = ['network_mode', 'pid', 'ipc'] as const;

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/no-host-namespaces',
	kind: 'compose',
	family: 'spin',
	severity: 'error',
	description: 'No service shares the host network, process or IPC namespace.',
	messages: {
		host: 'Service `{service}` sets `{key}: host`; Spin does not let containers share the host namespaces.',
	},
	hint: 'Remove the setting: services of a stack reach each other by service name, and published ports reach the outside.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			for (const key of KEYS) {
				const value = getValue(doc, service.node, key);
				if (value && scalarText(doc, value)?.trim() === 'host') {
					reports.push({
						messageId: 'host',
						range: nodeRange(doc, value),
						data: { service: service.name, key },
					});
				}
			}
		}
		return reports;
	},
});
