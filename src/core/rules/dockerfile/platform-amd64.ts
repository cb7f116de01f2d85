import { finalLineage } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

const AMD64 = /^(linux\/)?(amd64|x86_64)(\/v[1-4])?$/i;

export default defineRule<DockerfileDoc, 'platform'>({
	id: 'spin/platform-amd64',
	kind: 'dockerfile',
	family: 'spin',
	severity: 'error',
	description: 'The final image is built for linux/amd64, the platform of Spin’s nodes.',
	messages: {
		platform: '`--platform={platform}` builds an image that Spin’s linux/amd64 nodes cannot run.',
	},
	hint: 'Remove the flag or write `--platform=linux/amd64`; on Apple Silicon build with `docker build --platform linux/amd64`.',
	check({ doc }) {
		const reports: Report<'platform'>[] = [];
		for (const stage of finalLineage(doc)) {
			const flag = stage.platform;
			if (!flag?.value || flag.value.includes('$') || AMD64.test(flag.value)) continue;
			reports.push({
				messageId: 'platform',
				range: flag.valueRange ?? flag.range,
				data: { platform: flag.value },
			});
		}
		return reports;
	},
});
