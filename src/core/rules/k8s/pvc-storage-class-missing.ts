import { storageClassNode, volumeClaims } from '../../yaml/k8s.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/pvc-storage-class-missing',
	kind: 'k8s',
	family: 'spin',
	severity: 'warning',
	description: 'A persistent volume claim names its storage class instead of relying on a default.',
	messages: {
		missing:
			'The claim {claim} sets no `storageClassName`; name one of {allowed} so it is bound where you expect.',
	},
	hint: 'Add `storageClassName:` under the claim `spec:` with one of the classes named in the message.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const claim of volumeClaims(doc)) {
			if (storageClassNode(doc, claim)) continue;
			reports.push({
				messageId: 'missing',
				range: nodeRange(doc, claim.anchor),
				data: {
					claim: claim.name === undefined ? 'without a name' : `\`${claim.name}\``,
					allowed: center.storageClasses.join(', '),
				},
			});
		}
		return reports;
	},
});
