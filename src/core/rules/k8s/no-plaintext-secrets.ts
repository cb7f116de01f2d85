import { allContainers, containerLabel } from '../../yaml/k8s.js';
import { getText, getValue, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { isInterpolationOnly, isSecretName, isSwitchValue } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'plaintext';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/no-plaintext-secrets',
	kind: 'k8s',
	family: 'spin',
	severity: 'warning',
	description: 'Passwords, tokens and keys come from Secrets, not from literal `env` values.',
	messages: {
		plaintext:
			'`{name}` of the {container} is a literal value; anyone who can read the manifest can read it.',
	},
	hint: 'Store the value in a Secret and use `valueFrom: {secretKeyRef: {name: …, key: …}}`, `envFrom: [{secretRef: …}]`, or mount the Secret as a volume and read it through a `*_FILE` variable.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const container of allContainers(doc)) {
			for (const variable of seqItems(doc, getValue(doc, container.node, 'env'))) {
				const name = getText(doc, variable, 'name')?.trim();
				const node = getValue(doc, variable, 'value');
				const value = scalarText(doc, node);
				if (!name || !node || value === undefined || value.trim() === '' || !isSecretName(name))
					continue;
				if (isInterpolationOnly(value) || isSwitchValue(value)) continue;
				reports.push({
					messageId: 'plaintext',
					range: nodeRange(doc, node),
					data: { name, container: containerLabel(container) },
				});
			}
		}
		return reports;
	},
});
