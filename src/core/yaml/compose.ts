import { isScalar, type Node as YamlNode, type YAMLMap } from 'yaml';
import { asMap, entries, getText, getValue, isTrue, scalarText, seqItems } from './nodes.js';
import type { YamlDoc } from './parse.js';
import { composeProblem } from './shape.js';
import { isGlobalPath, splitOutsideBraces, withDefaults } from './values.js';

/** One service of a Compose file: its name, the name's key node and its mapping. */
export interface ComposeService {
	name: string;
	keyNode: YamlNode;
	node: YAMLMap;
}

/**
 * One entry of a service's `volumes:`. `node` is the entry (its `source:` value in the long form)
 * for diagnostics to point at. `source` is the host path or volume name with
 * `${VAR:-default}` defaults filled in; `bind` tells a host path from a named volume; `global`
 * tells a bind mount of the global file systems; `readOnly` is `:ro` or `read_only: true`.
 */
export interface ComposeMount {
	node: YamlNode;
	source: string | undefined;
	bind: boolean;
	global: boolean;
	readOnly: boolean;
}

/** The top-level mapping of a Compose file, when the file is usable. */
export function composeRoot(doc: YamlDoc): YAMLMap | undefined {
	if (composeProblem(doc)) return undefined;
	return asMap(doc, doc.documents[0]?.contents);
}

/** The services of a usable Compose file, in file order. */
export function composeServices(doc: YamlDoc): ComposeService[] {
	const services = asMap(doc, getValue(doc, composeRoot(doc), 'services'));
	const out: ComposeService[] = [];
	for (const entry of entries(doc, services)) {
		const node = asMap(doc, entry.value);
		if (node) out.push({ name: entry.key, keyNode: entry.keyNode, node });
	}
	return out;
}

/** Tells whether a host path is a bind mount source rather than a named volume. */
function isHostPath(source: string): boolean {
	return /^(?:\/|\.|~)/.test(source);
}

/** Reads one `volumes:` entry in short (`src:dst:ro`) or long (`type: bind`) form. */
function readMount(doc: YamlDoc, node: YamlNode, prefix: string): ComposeMount {
	if (isScalar(node)) {
		const parts = splitOutsideBraces(scalarText(doc, node) ?? '', ':');
		const source = parts.length > 1 ? withDefaults(parts[0] ?? '') : undefined;
		const options = (parts[2] ?? '').split(',').map((option) => option.trim());
		return mount(node, source, options.includes('ro'), prefix);
	}
	const rawSource = getText(doc, node, 'source');
	const source = rawSource === undefined ? undefined : withDefaults(rawSource);
	const type = getText(doc, node, 'type');
	const anchor = getValue(doc, node, 'source') ?? node;
	const result = mount(anchor, source, isTrue(doc, getValue(doc, node, 'read_only')), prefix);
	if (type !== undefined && type !== 'bind') {
		result.bind = false;
		result.global = false;
	}
	return result;
}

/** Builds a mount record from its source and read-only flag. */
function mount(
	node: YamlNode,
	source: string | undefined,
	readOnly: boolean,
	prefix: string
): ComposeMount {
	const bind = source !== undefined && isHostPath(source);
	return { node, source, bind, global: bind && isGlobalPath(source, prefix), readOnly };
}

/** The volume entries of a service. */
export function serviceMounts(
	doc: YamlDoc,
	service: ComposeService,
	prefix: string
): ComposeMount[] {
	return seqItems(doc, getValue(doc, service.node, 'volumes')).map((item) =>
		readMount(doc, item, prefix)
	);
}

/** The bind mounts of a service that lie on the global file systems. */
export function globalMounts(
	doc: YamlDoc,
	service: ComposeService,
	prefix: string
): ComposeMount[] {
	return serviceMounts(doc, service, prefix).filter((entry) => entry.global);
}
