import { composeServices } from '../../yaml/compose.js';
import { getValue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { imageTagProblem } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'untagged' | 'latest';

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/image-tag',
	kind: 'compose',
	family: 'practice',
	severity: 'warning',
	description: 'Every service image has an explicit tag other than `latest`.',
	messages: {
		untagged: 'Image `{image}` has no tag, so it means `latest` and changes under you.',
		latest:
			'Image `{image}` uses `:latest`, which changes under you; an upgrade may not pull the new image.',
	},
	hint: 'Push and use explicit tags such as `:v1.2.3` or `:v20180809`; if you keep `latest`, add the label `io.rancher.container.pull_image: always`.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			const node = getValue(doc, service.node, 'image');
			const image = scalarText(doc, node);
			if (!node || image === undefined) continue;
			const problem = imageTagProblem(image);
			if (problem)
				reports.push({ messageId: problem, range: nodeRange(doc, node), data: { image } });
		}
		return reports;
	},
});
