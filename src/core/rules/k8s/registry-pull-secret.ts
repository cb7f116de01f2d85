import { podContainers, podSpecs, pullSecretNames } from '../../yaml/k8s.js';
import { getValue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { parseImage } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/registry-pull-secret',
	kind: 'k8s',
	family: 'spin',
	severity: 'warning',
	description:
		'A pod that pulls from the NERSC registry names its pull secret in `imagePullSecrets`.',
	messages: {
		missing:
			'Image `{image}` comes from {registry}; without `imagePullSecrets: [{name: {secret}}]` a private image cannot be pulled.',
	},
	hint: 'Add `imagePullSecrets:` with the pull secret named in the message to the pod spec, beside `containers:`.',
	check({ doc, center }) {
		const registry = center.registries.nersc.toLowerCase();
		const secret = center.registries.pullSecret;
		const reports: Report<MessageId>[] = [];
		for (const pod of podSpecs(doc)) {
			if (pullSecretNames(doc, pod).includes(secret)) continue;
			for (const container of podContainers(doc, pod)) {
				const node = getValue(doc, container.node, 'image');
				const image = scalarText(doc, node);
				if (!node || image === undefined || parseImage(image).registry?.toLowerCase() !== registry)
					continue;
				reports.push({
					messageId: 'missing',
					range: nodeRange(doc, node),
					data: { image, registry, secret },
				});
			}
		}
		return reports;
	},
});
