import { finalLineage } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule } from '../../types.js';
import { exposedPorts } from './ports.js';

export default defineRule<DockerfileDoc, 'privileged'>({
	id: 'spin/unprivileged-port',
	kind: 'dockerfile',
	family: 'spin',
	severity: 'warning',
	description: 'The image listens on ports above the privileged range.',
	messages: {
		privileged:
			'Port {port} is not above {limit}; a process needs NET_BIND_SERVICE to listen on it.',
	},
	hint: 'Make the program listen on a high port (e.g. 8080 instead of 80) and EXPOSE that; the Spin ingress still serves it on 80 and 443.',
	check({ doc, center }) {
		const limit = center.ports.unprivilegedAbove;
		const final = new Set(finalLineage(doc).map((stage) => stage.index));
		return exposedPorts(doc)
			.filter(({ ins, first }) => final.has(ins.stage) && first <= limit)
			.map(({ word, first }) => ({
				messageId: 'privileged' as const,
				range: word.range,
				data: { port: first, limit },
			}));
	},
});
