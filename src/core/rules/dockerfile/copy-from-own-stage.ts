import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule } from '../../types.js';
import { copyFromTargets } from './copy-from-stage.js';

export default defineRule<DockerfileDoc, 'ownStage'>({
	id: 'docker/copy-from-own-stage',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'error',
	description: '`COPY --from` does not name the stage it is in.',
	messages: {
		ownStage:
			'`--from={from}` names the stage this COPY is in; Docker stops with a circular dependency.',
	},
	hint: 'Copy from an earlier stage: give the build stage a name (`FROM … AS build`) and write `COPY --from=build …`.',
	refs: { hadolint: 'DL3023' },
	check({ doc }) {
		return copyFromTargets(doc)
			.filter(({ target }) => target === 'own')
			.map(({ flag }) => ({
				messageId: 'ownStage' as const,
				range: flag.valueRange ?? flag.range,
				data: { from: flag.value ?? '' },
			}));
	},
});
