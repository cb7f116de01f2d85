import { composeServices } from '../../yaml/compose.js';
import { getValue, listItems, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { capabilityName, isPlaceholder } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'notAllowed';

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/cap-add-allowed',
	kind: 'compose',
	family: 'spin',
	severity: 'error',
	description: 'A service adds back only capabilities from the list Spin allows.',
	messages: {
		notAllowed:
			'Spin does not allow service `{service}` to add capability {capability}; allowed: {allowed}.',
	},
	hint: 'Remove the capability from `cap_add:`; most services need none, and databases need at most CHOWN, DAC_OVERRIDE, FOWNER, SETGID and SETUID.',
	check({ doc, center }) {
		const allowed = new Set(center.capabilities.allowed);
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			for (const item of listItems(doc, getValue(doc, service.node, 'cap_add'))) {
				const text = scalarText(doc, item);
				if (text === undefined || isPlaceholder(text) || allowed.has(capabilityName(text)))
					continue;
				reports.push({
					messageId: 'notAllowed',
					range: nodeRange(doc, item),
					data: {
						service: service.name,
						capability: text,
						allowed: center.capabilities.allowed.join(', '),
					},
				});
			}
		}
		return reports;
	},
});
