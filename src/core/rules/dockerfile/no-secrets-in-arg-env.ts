import type { DockerfileDoc } from '../../dockerfile/types.js';
import { defineRule, type Report } from '../../types.js';

/**
 * BuildKit's secret-looking name parts. Two additions for the course: GPG key ids are public, so
 * `gpg` joins `public`; and a `*_FILE` variable holds the path of a secret file, not the secret.
 */
const SECRET =
	/(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:_|^)(?:public|gpg)(?:_|$)/i;

/** Whether a variable name looks like it holds a secret. */
export function isSecretName(name: string): boolean {
	return SECRET.test(name) && !ALLOWED.test(name) && !/_FILE$/i.test(name);
}

export default defineRule<DockerfileDoc, 'secret'>({
	id: 'docker/no-secrets-in-arg-env',
	kind: 'dockerfile',
	family: 'practice',
	severity: 'warning',
	description: 'ARG and ENV do not carry secrets.',
	messages: {
		secret:
			'{keyword} `{name}` looks like a secret; its value is stored in the image history for anyone who pulls it.',
	},
	hint: 'Pass build secrets with `RUN --mount=type=secret,id=…`, and give secrets to the running container through Spin secrets instead.',
	refs: { buildkit: 'SecretsUsedInArgOrEnv' },
	check({ doc }) {
		const reports: Report<'secret'>[] = [];
		for (const ins of doc.instructions) {
			if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
			for (const property of ins.properties) {
				if (!isSecretName(property.name)) continue;
				reports.push({
					messageId: 'secret',
					range: property.nameRange,
					data: { keyword: ins.keyword, name: property.name },
				});
			}
		}
		return reports;
	},
});
