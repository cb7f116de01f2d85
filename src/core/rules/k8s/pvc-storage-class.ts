import { storageClassNode, volumeClaims } from '../../yaml/k8s.js';
import { scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { isPlaceholder } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'unknown' | 'empty';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/pvc-storage-class',
	kind: 'k8s',
	family: 'spin',
	severity: 'error',
	description: "A persistent volume claim asks for one of Spin's storage classes.",
	messages: {
		unknown: 'Spin has no storage class `{storageClass}`; use one of {allowed}.',
		empty:
			'An empty storage class turns dynamic provisioning off, so the claim waits forever; use one of {allowed}.',
	},
	hint: 'Set `storageClassName:` to one of the classes named in the message so the claim can be bound.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const claim of volumeClaims(doc)) {
			const node = storageClassNode(doc, claim);
			const storageClass = scalarText(doc, node) ?? '';
			if (!node || isPlaceholder(storageClass) || center.storageClasses.includes(storageClass))
				continue;
			reports.push({
				messageId: storageClass.trim() === '' ? 'empty' : 'unknown',
				range: nodeRange(doc, node),
				data: { storageClass, allowed: center.storageClasses.join(', ') },
			});
		}
		return reports;
	},
});
