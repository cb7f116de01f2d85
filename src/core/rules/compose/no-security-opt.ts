import { composeServices } from '../../yaml/compose.js';
import { getValue, listItems, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'override';

/** `no-new-privileges` only tightens the defaults, so it is not an override. */
const TIGHTENING = /^no-new-privileges(?:[:=]true)?$/i;

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/no-security-opt',
	kind: 'compose',
	family: 'spin',
	severity: 'warning',
	description:
		'No service overrides the default seccomp, AppArmor or SELinux profiles with `security_opt:`.',
	messages: {
		override:
			'Service `{service}` overrides a security profile with `{option}`; Spin keeps its own profiles.',
	},
	hint: 'Remove the `security_opt:` entry; only `no-new-privileges:true` is worth keeping there.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			for (const item of listItems(doc, getValue(doc, service.node, 'security_opt'))) {
				const option = scalarText(doc, item);
				if (option === undefined || TIGHTENING.test(option.trim())) continue;
				reports.push({
					messageId: 'override',
					range: nodeRange(doc, item),
					data: { service: service.name, option },
				});
			}
		}
		return reports;
	},
});
