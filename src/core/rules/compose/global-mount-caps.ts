import { composeServices, globalMounts } from '../../yaml/compose.js';
import { getValue, listItems, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { capabilityName } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'notAllowed';

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/global-mount-caps',
	kind: 'compose',
	family: 'spin',
	severity: 'error',
	description:
		'A service that mounts a global file system path adds back only the few capabilities Spin allows with such mounts.',
	messages: {
		notAllowed:
			'Service `{service}` mounts {path}, so it may add only {allowed}; remove {capability}.',
	},
	hint: 'With a global file system mount the container runs as your own user and needs no extra capabilities; keep at most the ones listed.',
	check({ doc, center }) {
		const general = new Set(center.capabilities.allowed);
		const withMount = new Set(center.capabilities.allowedWithGlobalMount);
		const allowed = center.capabilities.allowedWithGlobalMount.join(', ') || 'none';
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			const mount = globalMounts(doc, service, center.globalPathPrefix)[0];
			if (!mount) continue;
			for (const item of listItems(doc, getValue(doc, service.node, 'cap_add'))) {
				const text = scalarText(doc, item);
				if (text === undefined) continue;
				const name = capabilityName(text);
				// Capabilities Spin never allows are reported by compose/cap-add-allowed.
				if (!general.has(name) || withMount.has(name)) continue;
				reports.push({
					messageId: 'notAllowed',
					range: nodeRange(doc, item),
					data: {
						service: service.name,
						path: mount.source ?? center.globalPathPrefix,
						allowed,
						capability: text,
					},
				});
			}
		}
		return reports;
	},
});
