import { composeServices, type ComposeService } from '../../yaml/compose.js';
import { entries, getValue, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { imageTagProblem } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'untagged' | 'latest' | 'latestPulled';

/** The Rancher label that makes every upgrade pull the image again. */
const PULL_LABEL = 'io.rancher.container.pull_image';

/** Tells whether a service carries `io.rancher.container.pull_image: always` (map or list form). */
function alwaysPulls(doc: YamlDoc, service: ComposeService): boolean {
	const labels = getValue(doc, service.node, 'labels');
	const pairs = [
		...entries(doc, labels).map((entry) => [entry.key, scalarText(doc, entry.value)] as const),
		...seqItems(doc, labels).map((item) => {
			const [key, value] = (scalarText(doc, item) ?? '').split('=', 2);
			return [key ?? '', value] as const;
		}),
	];
	return pairs.some(([key, value]) => key.trim() === PULL_LABEL && value?.trim() === 'always');
}

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
		latestPulled:
			'Image `{image}` uses `:latest`; the pull label fetches it again, but you cannot tell which version runs or roll back to it.',
	},
	hint: 'Push and use explicit tags such as `:v1.2.3` or `:v20180809`; if you keep `latest`, add the label `io.rancher.container.pull_image: always`.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			const node = getValue(doc, service.node, 'image');
			const image = scalarText(doc, node);
			if (!node || image === undefined) continue;
			const problem = imageTagProblem(image);
			if (!problem) continue;
			const messageId =
				problem === 'latest' && alwaysPulls(doc, service) ? 'latestPulled' : problem;
			reports.push({ messageId, range: nodeRange(doc, node), data: { image } });
		}
		return reports;
	},
});
