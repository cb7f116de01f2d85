import { composeProblem, type ComposeProblemId } from '../../yaml/shape.js';
import type { YamlDoc } from '../../yaml/parse.js';
import { defineRule } from '../../types.js';

export default defineRule<YamlDoc, ComposeProblemId>({
	id: 'compose/syntax',
	kind: 'compose',
	family: 'correctness',
	severity: 'error',
	description:
		'The file must be one YAML document whose top level maps `services` to service definitions.',
	messages: {
		yaml: 'This is not valid YAML: {problem}.',
		empty: 'The file is empty: a Compose file needs a `services:` mapping.',
		multipleDocuments: 'Compose reads a single YAML document; this `---` starts a second one.',
		notMapping:
			'The top level of a Compose file must be a mapping of keys such as `version` and `services`.',
		noServices: 'A Compose file needs a `services:` mapping that names each service.',
		serviceNotMapping: 'Service `{service}` must be a mapping of settings such as `image:`.',
	},
	hint: 'Check indentation (spaces, not tabs) and that every key ends with a colon; compare with the example in the lesson.',
	check({ doc }) {
		const problem = composeProblem(doc);
		return problem ? [problem] : [];
	},
});
