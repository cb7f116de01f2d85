import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule } from '../../types.js';
import { copyFromTargets } from './copy-from-stage.js';

type MessageId = 'later' | 'unknown';

export default defineRule<DockerfileDoc, MessageId>({
	id: 'docker/copy-from-earlier-stage',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: '`COPY --from` names a stage defined earlier in the file.',
	messages: {
		later: '`--from={from}` names a stage that comes later in the file.',
		unknown: 'No stage is named `{from}`, so Docker will try to pull an image called `{from}`.',
	},
	hint: 'Name the stage you copy from (`FROM … AS build`), define it before this COPY, and write `COPY --from=build …`.',
	refs: { hadolint: 'DL3022' },
	check({ doc }) {
		return copyFromTargets(doc).flatMap(({ flag, target }) =>
			target === 'later' || target === 'unknown'
				? [
						{
							messageId: target,
							range: flag.valueRange ?? flag.range,
							data: { from: flag.value ?? '' },
						},
					]
				: []
		);
	},
});
