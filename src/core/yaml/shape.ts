/**
 * Whether a text has the shape of a Compose file or a Kubernetes manifest at all. The syntax rules
 * report the first problem found; while there is one, every other rule of that kind stays silent,
 * so an unreadable text gets exactly one diagnostic.
 */
import type { Document, Node as YamlNode } from 'yaml';
import type { Range, Report } from '../types.js';
import { asMap, asSeq, entries, getEntry, scalarText, seqItems } from './nodes.js';
import { nodeRange, offsetRange, type YamlDoc } from './parse.js';

/** Why a text cannot be read as a Compose file. */
export type ComposeProblemId =
	'yaml' | 'empty' | 'multipleDocuments' | 'notMapping' | 'noServices' | 'serviceNotMapping';

/** Why a text cannot be applied as a Kubernetes manifest. */
export type K8sProblemId =
	'yaml' | 'empty' | 'notMapping' | 'noKind' | 'noApiVersion' | 'listItems';

const composeCache = new WeakMap<YamlDoc, { problem: Report<ComposeProblemId> | undefined }>();
const k8sCache = new WeakMap<YamlDoc, { problem: Report<K8sProblemId> | undefined }>();

/** The first reason the text cannot be read as a Compose file, if any. */
export function composeProblem(doc: YamlDoc): Report<ComposeProblemId> | undefined {
	let entry = composeCache.get(doc);
	if (!entry) {
		entry = { problem: findComposeProblem(doc) };
		composeCache.set(doc, entry);
	}
	return entry.problem;
}

/** The first reason the text cannot be applied as a Kubernetes manifest, if any. */
export function k8sProblem(doc: YamlDoc): Report<K8sProblemId> | undefined {
	let entry = k8sCache.get(doc);
	if (!entry) {
		entry = { problem: findK8sProblem(doc) };
		k8sCache.set(doc, entry);
	}
	return entry.problem;
}

/** The `---` that opens a document, or its first line when there is no marker. */
function documentStart(doc: YamlDoc, part: Document.Parsed): Range {
	const start = part.range[0];
	if (doc.text.startsWith('---', start)) return offsetRange(doc, start, start + 3);
	return part.contents ? nodeRange(doc, part.contents) : offsetRange(doc, start, start);
}

/** Finds the first reason the text cannot be read as a Compose file. */
function findComposeProblem(doc: YamlDoc): Report<ComposeProblemId> | undefined {
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

/** Finds the first reason one object (or `kind: List`) cannot be applied. */
function objectProblem(
	doc: YamlDoc,
	node: YamlNode,
	inList: boolean
): Report<K8sProblemId> | undefined {
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
function findK8sProblem(doc: YamlDoc): Report<K8sProblemId> | undefined {
	const error = doc.errors[0];
	if (error) return { messageId: 'yaml', range: error.range, data: { problem: error.message } };
	if (doc.documents.length === 0) return { messageId: 'empty', range: offsetRange(doc, 0, 0) };
	for (const part of doc.documents) {
		const problem = part.contents ? objectProblem(doc, part.contents, false) : undefined;
		if (problem) return problem;
	}
	return undefined;
}
