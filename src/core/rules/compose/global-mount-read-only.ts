import { composeServices, globalMounts } from '../../yaml/compose.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'writable';

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/global-mount-read-only',
	kind: 'compose',
	family: 'spin',
	severity: 'warning',
	description: 'A global file system bind mount is read-only unless the service must write there.',
	messages: {
		writable:
			'Mount {path} read-only (`:ro`) unless service `{service}` must write there; a public service must never write to the global file systems.',
	},
	hint: 'End the short form with `:ro` (`/global/…:/srv:ro`) or set `read_only: true` in the long form.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			for (const mount of globalMounts(doc, service, center.globalPathPrefix)) {
				if (mount.readOnly) continue;
				reports.push({
					messageId: 'writable',
					range: nodeRange(doc, mount.node),
					data: { service: service.name, path: mount.source ?? center.globalPathPrefix },
				});
			}
		}
		return reports;
	},
});
