import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'latest'>({
	id: 'docker/no-latest-tag',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: 'Base images are not tagged `latest`.',
	messages: {
		latest:
			'Base image `{image}` uses the tag `latest`, which moves whenever a new version is pushed.',
	},
	hint: 'Name a fixed version instead, e.g. `nginx:1.27` rather than `nginx:latest`.',
	refs: { hadolint: 'DL3007' },
	check({ doc }) {
		const reports: Report<'latest'>[] = [];
		for (const stage of doc.stages) {
			if (stage.base.kind !== 'image' || !stage.baseWord) continue;
			const { image } = stage.base;
			if (image.tag !== 'latest' || image.digest !== null) continue;
			reports.push({
				messageId: 'latest',
				range: stage.baseWord.range,
				data: { image: image.text },
			});
		}
		return reports;
	},
});
