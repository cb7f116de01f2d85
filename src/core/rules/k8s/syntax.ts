import type { Node as YamlNode } from 'yaml';
import { asMap, asSeq, getEntry, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, offsetRange, type YamlDoc } from '../../yaml/parse.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'yaml' | 'empty' | 'notMapping' | 'noKind' | 'noApiVersion' | 'listItems';

/** Finds the first reason one object (or `kind: List`) cannot be applied. */
function objectProblem(
	doc: YamlDoc,
	node: YamlNode,
	inList: boolean
): Report<MessageId> | undefined {
	const map = asMap(doc, node);
	if (!map) return { messageId: 'notMapping', range: nodeRange(doc, node) };
	const kind = getEntry(doc, map, 'kind');
	const kindText = scalarText(doc, kind?.value);
	if (!kind || kindText === undefined || kindText.trim() === '') {
		return { messageId: 'noKind', range: nodeRange(doc, kind?.keyNode ?? map) };
	}
	if (scalarText(doc, getEntry(doc, map, 'apiVersion')?.value) === undefined) {
		return {
			messageId: 'noApiVersion',
			range: nodeRange(doc, kind.value ?? kind.keyNode),
			data: { kind: kindText },
		};
	}
	if (inList || !kindText.endsWith('List')) return undefined;
	const items = getEntry(doc, map, 'items');
	if (!items || !asSeq(doc, items.value)) {
		return {
			messageId: 'listItems',
			range: nodeRange(doc, items?.keyNode ?? kind.value ?? kind.keyNode),
		};
	}
	for (const item of seqItems(doc, items.value)) {
		const problem = objectProblem(doc, item, true);
		if (problem) return problem;
	}
	return undefined;
}

/** Finds the first reason the manifest cannot be applied. */
function firstProblem(doc: YamlDoc): Report<MessageId> | undefined {
	const error = doc.errors[0];
	if (error) return { messageId: 'yaml', range: error.range, data: { problem: error.message } };
	if (doc.documents.length === 0) return { messageId: 'empty', range: offsetRange(doc, 0, 0) };
	for (const document of doc.documents) {
		const problem = document.contents ? objectProblem(doc, document.contents, false) : undefined;
		if (problem) return problem;
	}
	return undefined;
}

export default defineRule<YamlDoc, MessageId>({
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
		const problem = firstProblem(doc);
		return problem ? [problem] : [];
	},
});
