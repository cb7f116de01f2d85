import { composeServices } from '../../yaml/compose.js';
import { getEntry, listItems, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { capabilityName } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing' | 'withoutAll';

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/cap-drop-all',
	kind: 'compose',
	family: 'spin',
	severity: 'error',
	description: 'Every service drops all kernel capabilities with `cap_drop: [ALL]`.',
	messages: {
		missing:
			'Service `{service}` has no `cap_drop:`; Spin runs only services that drop ALL capabilities.',
		withoutAll: 'The `cap_drop:` of service `{service}` does not contain ALL.',
	},
	hint: 'Add `cap_drop: [ALL]` to the service, then add back only the capabilities it needs with `cap_add:`.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			const entry = getEntry(doc, service.node, 'cap_drop');
			if (!entry) {
				reports.push({
					messageId: 'missing',
					range: nodeRange(doc, service.keyNode),
					data: { service: service.name },
				});
				continue;
			}
			const items = listItems(doc, entry.value);
			const dropsAll = items.some((item) => capabilityName(scalarText(doc, item) ?? '') === 'ALL');
			if (!dropsAll) {
				reports.push({
					messageId: 'withoutAll',
					range: nodeRange(doc, entry.keyNode),
					data: { service: service.name },
				});
			}
		}
		return reports;
	},
});
