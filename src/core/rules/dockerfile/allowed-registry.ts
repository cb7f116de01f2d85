import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

export default defineRule<DockerfileDoc, 'registry'>({
	id: 'spin/allowed-registry',
	kind: 'dockerfile',
	family: 'spin',
	severity: 'warning',
	description: 'Base images come from registries that Spin trusts.',
	messages: {
		registry:
			'Base image `{image}` comes from `{host}`, which is not one of the registries Spin trusts ({allowed}).',
	},
	hint: 'Start from an official Docker Hub image or one pushed to the NERSC registry.',
	check({ doc, center }) {
		const allowed = new Set(center.registries.allowed.map((host) => host.toLowerCase()));
		const reports: Report<'registry'>[] = [];
		for (const stage of doc.stages) {
			if (stage.base.kind !== 'image' || !stage.baseWord) continue;
			const { image } = stage.base;
			if (allowed.has(image.host)) continue;
			reports.push({
				messageId: 'registry',
				range: stage.baseWord.range,
				data: {
					image: image.text,
					host: image.host,
					allowed: center.registries.allowed.join(', '),
				},
			});
		}
		return reports;
	},
});
