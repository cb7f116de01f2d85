import { allContainers } from '../../yaml/k8s.js';
import { getValue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { imageTagProblem } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'untagged' | 'latest';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/image-tag',
	kind: 'k8s',
	family: 'practice',
	severity: 'warning',
	description: 'Every container image has an explicit tag other than `latest`.',
	messages: {
		untagged: 'Image `{image}` has no tag, so it means `latest` and changes under you.',
		latest:
			'Image `{image}` uses `:latest`, which changes under you and makes rollbacks guesswork.',
	},
	hint: 'Push and use explicit tags such as `:v1.2.3`; if you keep a mutable tag, set `imagePullPolicy: Always`.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const container of allContainers(doc)) {
			const node = getValue(doc, container.node, 'image');
			const image = scalarText(doc, node);
			if (!node || image === undefined) continue;
			const problem = imageTagProblem(image);
			if (problem)
				reports.push({ messageId: problem, range: nodeRange(doc, node), data: { image } });
		}
		return reports;
	},
});
