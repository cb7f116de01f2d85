import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule } from '../../types.js';

export default defineRule<DockerfileDoc, 'unreadable'>({
	id: 'dockerfile/syntax',
	kind: 'dockerfile',
	family: 'correctness',
	severity: 'error',
	description: 'The text can be read as a Dockerfile.',
	messages: { unreadable: 'This text could not be read as a Dockerfile ({reason}).' },
	hint: 'Start from a small Dockerfile that builds, then add instructions one at a time.',
	check({ doc }) {
		if (doc.failure === null) return [];
		const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
		return [{ messageId: 'unreadable', range, data: { reason: doc.failure } }];
	},
});
