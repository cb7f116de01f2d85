import { k8sObjects } from '../../yaml/k8s.js';
import { getEntry } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing';

/** Kinds that live outside namespaces. */
const CLUSTER_SCOPED = new Set([
	'Namespace',
	'Node',
	'PersistentVolume',
	'StorageClass',
	'ClusterRole',
	'ClusterRoleBinding',
	'CustomResourceDefinition',
	'PriorityClass',
	'IngressClass',
	'RuntimeClass',
	'ValidatingWebhookConfiguration',
	'MutatingWebhookConfiguration',
	'APIService',
	'CSIDriver',
	'VolumeAttachment',
]);

/** Build configuration read by kustomize and never sent to the cluster; it sets `namespace:` itself. */
const NOT_APPLIED = new Set(['Kustomization', 'Component']);

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/namespace',
	kind: 'k8s',
	family: 'spin',
	severity: 'info',
	description: 'Each object names its namespace in `metadata.namespace`.',
	messages: {
		missing:
			'This {kind} sets no `metadata.namespace`; it goes to whatever namespace is current when you apply it.',
	},
	hint: 'Add `namespace: <your namespace>` under `metadata:`, or always apply with `-n <namespace>`.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const object of k8sObjects(doc)) {
			if (CLUSTER_SCOPED.has(object.kind) || NOT_APPLIED.has(object.kind)) continue;
			if (object.namespace !== undefined) continue;
			const anchor = getEntry(doc, object.node, 'metadata')?.keyNode ?? object.kindNode;
			reports.push({
				messageId: 'missing',
				range: nodeRange(doc, anchor),
				data: { kind: object.kind },
			});
		}
		return reports;
	},
});
