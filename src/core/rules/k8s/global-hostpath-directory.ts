import { globalHostPaths, podSpecs } from '../../yaml/k8s.js';
import { getValue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing' | 'other';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/global-hostpath-directory',
	kind: 'k8s',
	family: 'spin',
	severity: 'warning',
	description:
		'A global file system `hostPath` volume has `type: Directory`, so it must already exist.',
	messages: {
		missing:
			'Set `type: Directory` on the hostPath {path}, so a mistyped path fails instead of creating an empty directory.',
		other:
			'Use `type: Directory` for {path}, not `{type}`; Spin mounts existing global file system directories.',
	},
	hint: 'Add `type: Directory` under `hostPath:` (the Rancher UI calls it "An existing directory"), and check that every directory on the path has `o+x`.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const pod of podSpecs(doc)) {
			for (const volume of globalHostPaths(doc, pod, center.globalPathPrefix)) {
				const typeNode = getValue(doc, volume.hostPath, 'type');
				const type = scalarText(doc, typeNode);
				if (!typeNode || type === undefined) {
					reports.push({
						messageId: 'missing',
						range: nodeRange(doc, volume.hostPathKey),
						data: { path: volume.path },
					});
				} else if (type !== 'Directory') {
					reports.push({
						messageId: 'other',
						range: nodeRange(doc, typeNode),
						data: { path: volume.path, type },
					});
				}
			}
		}
		return reports;
	},
});
