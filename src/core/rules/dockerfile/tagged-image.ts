import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'untagged'>({
	id: 'docker/tagged-image',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: 'Base images name a tag or a digest.',
	messages: {
		untagged: 'Base image `{image}` has no tag, so each build may start from a different image.',
	},
	hint: 'Add the version you tested with, e.g. `python:3.12-slim`, or pin a digest.',
	refs: { hadolint: 'DL3006' },
	check({ doc }) {
		const reports: Report<'untagged'>[] = [];
		for (const stage of doc.stages) {
			if (stage.base.kind !== 'image' || !stage.baseWord) continue;
			const { image } = stage.base;
			if (image.tag !== null || image.digest !== null) continue;
			reports.push({
				messageId: 'untagged',
				range: stage.baseWord.range,
				data: { image: image.text },
			});
		}
		return reports;
	},
});
