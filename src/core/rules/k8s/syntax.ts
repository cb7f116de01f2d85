import { k8sProblem, type K8sProblemId } from '../../yaml/shape.js';
import type { YamlDoc } from '../../yaml/parse.js';
import { defineRule } from '../../types.js';

export default defineRule<YamlDoc, K8sProblemId>({
	id: 'k8s/syntax',
	kind: 'k8s',
	family: 'correctness',
	severity: 'error',
	description: 'Every YAML document is a Kubernetes object with `apiVersion` and `kind`.',
	messages: {
		yaml: 'This is not valid YAML: {problem}.',
		empty: 'The manifest is empty: there is no object to apply.',
		notMapping:
			'Each document of a manifest must be a mapping with `apiVersion`, `kind` and `metadata`.',
		noKind: 'This object has no `kind:`, so Kubernetes cannot tell what it is.',
		noApiVersion: 'This {kind} has no `apiVersion:` (for example `apps/v1` or `v1`).',
		listItems: 'A `kind: List` needs an `items:` list of objects.',
	},
	hint: 'Check indentation (spaces, not tabs), separate objects with a line `---`, and start each with `apiVersion:` and `kind:`.',
	check({ doc }) {
		const problem = k8sProblem(doc);
		return problem ? [problem] : [];
	},
});
