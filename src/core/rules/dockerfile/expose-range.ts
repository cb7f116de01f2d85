import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule } from '../../types.js';
import { exposedPorts } from './ports.js';

export default defineRule<DockerfileDoc, 'range'>({
	id: 'docker/expose-range',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'error',
	description: 'EXPOSE names ports between 0 and 65535.',
	messages: {
		range: 'Port {port} is outside 0–65535; Docker refuses to build this EXPOSE.',
	},
	hint: 'Use the port your program listens on, e.g. `EXPOSE 8080`.',
	refs: { hadolint: 'DL3011' },
	check({ doc }) {
		return exposedPorts(doc)
			.filter(({ first, last }) => first > 65535 || last > 65535)
			.map(({ word, first, last }) => ({
				messageId: 'range' as const,
				range: word.range,
				data: { port: first > 65535 ? first : last },
			}));
	},
});
