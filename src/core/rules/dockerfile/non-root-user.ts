import { expandInStage, finalLineage, lastInLineage } from '../../dockerfile/queries.js';
import { lineRange } from '../../dockerfile/instruction.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule } from '../../types.js';

type MessageId = 'missing' | 'root' | 'name';

export default defineRule<DockerfileDoc, MessageId>({
	id: 'spin/non-root-user',
	kind: 'dockerfile',
	family: 'spin',
	severity: 'warning',
	description: 'The final stage runs as a numeric, non-root USER.',
	messages: {
		missing:
			'The final stage sets no USER, so the container runs as the base image’s user, root for most images.',
		root: 'The final stage runs as root (`USER {user}`).',
		name: '`USER {user}` is a name; Kubernetes can check `runAsNonRoot` only against a numeric user id.',
	},
	hint: 'End the final stage with a numeric user, e.g. `USER 1000:1000` (create it with `useradd -u 1000` if the program needs a home). Spin can also set the user in the workload.',
	check({ doc }) {
		const lineage = finalLineage(doc);
		const final = lineage[0];
		if (!final) return [];
		const user = lastInLineage(doc, final, 'USER');
		if (!user) {
			const root = lineage[lineage.length - 1];
			if (root?.base.kind === 'unresolved') return [];
			return [{ messageId: 'missing', range: final.from.keywordRange }];
		}
		const written = user.argsText.trim();
		const value = expandInStage(doc, final, written);
		if (value === null || written === '') return [];
		const name = value.split(':')[0] ?? '';
		const range = lineRange(doc, user.line, user.argsStart, user.argsStart + user.argsText.length);
		if (name === 'root' || /^0+$/.test(name))
			return [{ messageId: 'root', range, data: { user: written } }];
		if (!/^\d+$/.test(name)) return [{ messageId: 'name', range, data: { user: written } }];
		return [];
	},
});
