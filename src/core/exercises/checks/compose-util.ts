import { isScalar, type Node as YamlNode } from 'yaml';
import {
	composeRoot,
	composeServices,
	serviceMounts,
	type ComposeService,
} from '../../yaml/compose.js';
import { entries, getText, getValue, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { splitOutsideBraces, withDefaults } from '../../yaml/values.js';
import type { Range } from '../../types.js';

/** Helpers shared by the Compose checks: services, environment, ports and mounts. */

/** Where a failing Compose check points when nothing closer exists. */
export function composeFallback(doc: YamlDoc, service?: ComposeService): Range {
	if (service) return nodeRange(doc, service.keyNode);
	const root = composeRoot(doc);
	const services = root?.items.find((pair) => isScalar(pair.key) && pair.key.value === 'services');
	const key = services?.key;
	return key && isScalar(key)
		? nodeRange(doc, key)
		: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** The service of that name, if the file is usable and has it. */
export function findService(doc: YamlDoc, name: string): ComposeService | undefined {
	return composeServices(doc).find((service) => service.name === name);
}

/** One environment variable of a service, in list (`NAME=value`) or map (`NAME: value`) form. */
export interface EnvVar {
	name: string;
	value: string | undefined;
	node: YamlNode;
}

/** The environment variables of a service. */
export function serviceEnv(doc: YamlDoc, service: ComposeService): EnvVar[] {
	const env = getValue(doc, service.node, 'environment');
	const items = seqItems(doc, env);
	if (items.length > 0) {
		return items.map((node) => {
			const text = scalarText(doc, node) ?? '';
			const eq = text.indexOf('=');
			return eq < 0
				? { name: text.trim(), value: undefined, node }
				: { name: text.slice(0, eq).trim(), value: text.slice(eq + 1), node };
		});
	}
	return entries(doc, env).map((entry) => ({
		name: entry.key,
		value: scalarText(doc, entry.value),
		node: entry.keyNode,
	}));
}

/** One published port: the container port (or range start) and the host port when given. */
export interface PortMapping {
	container: number | undefined;
	host: number | undefined;
	node: YamlNode;
}

/** Reads a port or the first port of a range such as `8080-8081`. */
function portNumber(text: string | undefined): number | undefined {
	const m = /^(\d+)(?:-\d+)?$/.exec((text ?? '').trim());
	return m ? Number(m[1]) : undefined;
}

/** The `ports:` of a service, in short (`"HOST:CONTAINER/proto"`) or long form. */
export function servicePorts(doc: YamlDoc, service: ComposeService): PortMapping[] {
	return seqItems(doc, getValue(doc, service.node, 'ports')).map((node) => {
		if (isScalar(node)) {
			const text = withDefaults(scalarText(doc, node) ?? '').replace(/\/\w+$/, '');
			const parts = splitOutsideBraces(text, ':');
			const container = portNumber(parts[parts.length - 1]);
			const host = parts.length > 1 ? portNumber(parts[parts.length - 2]) : undefined;
			return { container, host, node };
		}
		return {
			container: portNumber(getText(doc, node, 'target')),
			host: portNumber(getText(doc, node, 'published')),
			node,
		};
	});
}

/** One `volumes:` entry with its container path. */
export interface MountEntry {
	source: string | undefined;
	target: string | undefined;
	readOnly: boolean;
	node: YamlNode;
}

/** The volume entries of a service with their targets (entries and mounts pair up in order). */
export function serviceVolumes(
	doc: YamlDoc,
	service: ComposeService,
	prefix: string
): MountEntry[] {
	const items = seqItems(doc, getValue(doc, service.node, 'volumes'));
	const mounts = serviceMounts(doc, service, prefix);
	return items.map((node, index) => {
		const mount = mounts[index];
		let target: string | undefined;
		if (isScalar(node)) {
			const parts = splitOutsideBraces(scalarText(doc, node) ?? '', ':');
			target = parts.length > 1 ? parts[1] : parts[0];
		} else {
			target = getText(doc, node, 'target');
		}
		return {
			source: mount?.source,
			target: target?.trim(),
			readOnly: mount?.readOnly ?? false,
			node,
		};
	});
}
