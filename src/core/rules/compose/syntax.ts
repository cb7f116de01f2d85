import { asMap, entries, getEntry } from '../../yaml/nodes.js';
import { nodeRange, offsetRange, type YamlDoc } from '../../yaml/parse.js';
import type { Document } from 'yaml';
import { defineRule, type Range, type Report } from '../../types.js';

type MessageId =
	'yaml' | 'empty' | 'multipleDocuments' | 'notMapping' | 'noServices' | 'serviceNotMapping';

/** The `---` that opens a document, or its first line when there is no marker. */
function documentStart(doc: YamlDoc, document: Document.Parsed): Range {
	const start = document.range[0];
	if (doc.text.startsWith('---', start)) return offsetRange(doc, start, start + 3);
	return document.contents ? nodeRange(doc, document.contents) : offsetRange(doc, start, start);
}

/** Finds the first reason the text cannot be read as a Compose file. */
function firstProblem(doc: YamlDoc): Report<MessageId> | undefined {
	const error = doc.errors[0];
	if (error) return { messageId: 'yaml', range: error.range, data: { problem: error.message } };
	const [first, second] = doc.documents;
	if (!first) return { messageId: 'empty', range: offsetRange(doc, 0, 0) };
	if (second) return { messageId: 'multipleDocuments', range: documentStart(doc, second) };
	const root = asMap(doc, first.contents);
	if (!root)
		return first.contents
			? { messageId: 'notMapping', range: nodeRange(doc, first.contents) }
			: undefined;
	const services = getEntry(doc, root, 'services');
	if (!services) return { messageId: 'noServices', range: nodeRange(doc, root) };
	const servicesMap = asMap(doc, services.value);
	if (!servicesMap)
		return { messageId: 'noServices', range: nodeRange(doc, services.value ?? services.keyNode) };
	for (const service of entries(doc, servicesMap)) {
		if (!asMap(doc, service.value)) {
			return {
				messageId: 'serviceNotMapping',
				range: nodeRange(doc, service.value ?? service.keyNode),
				data: { service: service.key },
			};
		}
	}
	return undefined;
}

export default defineRule<YamlDoc, MessageId>({
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
		const problem = firstProblem(doc);
		return problem ? [problem] : [];
	},
});
