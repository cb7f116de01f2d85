import {
	isAlias,
	isMap,
	isScalar,
	isSeq,
	type Node as YamlNode,
	type YAMLMap,
	type YAMLSeq,
} from 'yaml';
import type { YamlDoc } from './parse.js';

/** One key of a mapping: the key's node and its value's node (aliases followed; null when empty). */
export interface Entry {
	key: string;
	keyNode: YamlNode;
	value: YamlNode | null;
}

/** How deep `<<` merges are followed (guards against anchors that merge into themselves). */
const MAX_MERGE_DEPTH = 8;

/** Follows aliases until a concrete node (or null for a dangling or circular alias). */
export function resolve(doc: YamlDoc, node: unknown): YamlNode | null {
	let current: unknown = node;
	for (let hops = 0; hops < 16; hops++) {
		if (!isAlias(current)) return isNodeLike(current) ? current : null;
		current = doc.aliases.get(current) ?? null;
	}
	return null;
}

/** Tells whether a value is a YAML node. */
function isNodeLike(value: unknown): value is YamlNode {
	return isScalar(value) || isMap(value) || isSeq(value);
}

/** Returns the node as a mapping, following aliases. */
export function asMap(doc: YamlDoc, node: unknown): YAMLMap | undefined {
	const resolved = resolve(doc, node);
	return isMap(resolved) ? resolved : undefined;
}

/** Returns the node as a sequence, following aliases. */
export function asSeq(doc: YamlDoc, node: unknown): YAMLSeq | undefined {
	const resolved = resolve(doc, node);
	return isSeq(resolved) ? resolved : undefined;
}

/** The items of a sequence node with aliases followed (empty for anything else). */
export function seqItems(doc: YamlDoc, node: unknown): YamlNode[] {
	const seq = asSeq(doc, node);
	if (!seq) return [];
	const out: YamlNode[] = [];
	for (const item of seq.items) {
		const resolved = resolve(doc, item);
		if (resolved) out.push(resolved);
	}
	return out;
}

/**
 * The text of a scalar as written (so `1000:50` stays `1000:50` and `0444` stays `0444`), or
 * undefined for a null, empty or non-scalar node.
 */
export function scalarText(doc: YamlDoc, node: unknown): string | undefined {
	const resolved = resolve(doc, node);
	if (!isScalar(resolved) || resolved.value === null || resolved.value === undefined)
		return undefined;
	if (resolved.type === 'PLAIN' && typeof resolved.source === 'string') return resolved.source;
	return String(resolved.value);
}

/** Tells whether a node is the boolean `true` (YAML 1.1: also `yes`, `on`). */
export function isTrue(doc: YamlDoc, node: unknown): boolean {
	const resolved = resolve(doc, node);
	return isScalar(resolved) && resolved.value === true;
}

/** Tells whether a node is the boolean `false` (YAML 1.1: also `no`, `off`). */
export function isFalse(doc: YamlDoc, node: unknown): boolean {
	const resolved = resolve(doc, node);
	return isScalar(resolved) && resolved.value === false;
}

/** Entries already read, per mapping node (nodes belong to one parsed text and never change). */
const entryCache = new WeakMap<YAMLMap, readonly Entry[]>();

/** The keys of a mapping in order, own keys first, then keys merged in with `<<`. */
export function entries(doc: YamlDoc, node: unknown): readonly Entry[] {
	const map = asMap(doc, node);
	if (!map) return [];
	const cached = entryCache.get(map);
	if (cached) return cached;
	const out: Entry[] = [];
	collectEntries(doc, map, out, new Set(), 0);
	entryCache.set(map, out);
	return out;
}

/** Adds a mapping's keys (and those of its merges) that are not yet present. */
function collectEntries(
	doc: YamlDoc,
	map: YAMLMap | undefined,
	out: Entry[],
	seen: Set<string>,
	depth: number
): void {
	if (!map || depth > MAX_MERGE_DEPTH) return;
	const merges: unknown[] = [];
	for (const pair of map.items) {
		const keyNode = pair.key;
		if (!isScalar(keyNode)) continue;
		if (keyNode.type === 'PLAIN' && keyNode.source === '<<') {
			merges.push(pair.value);
			continue;
		}
		const key = scalarText(doc, keyNode);
		if (key === undefined || seen.has(key)) continue;
		seen.add(key);
		out.push({ key, keyNode, value: resolve(doc, pair.value) });
	}
	for (const merge of merges) {
		const sources = isSeq(resolve(doc, merge)) ? seqItems(doc, merge) : [merge];
		for (const source of sources) collectEntries(doc, asMap(doc, source), out, seen, depth + 1);
	}
}

/** Finds a key of a mapping (merges included). */
export function getEntry(doc: YamlDoc, node: unknown, key: string): Entry | undefined {
	return entries(doc, node).find((entry) => entry.key === key);
}

/** The value node of a key, or undefined when the key is absent or empty. */
export function getValue(doc: YamlDoc, node: unknown, key: string): YamlNode | undefined {
	return getEntry(doc, node, key)?.value ?? undefined;
}

/** Follows a path of keys through nested mappings. */
export function getPath(
	doc: YamlDoc,
	node: unknown,
	path: readonly string[]
): YamlNode | undefined {
	let current: YamlNode | undefined = resolve(doc, node) ?? undefined;
	for (const key of path) {
		if (!current) return undefined;
		current = getValue(doc, current, key);
	}
	return current;
}

/** The text of the scalar at a key, if any. */
export function getText(doc: YamlDoc, node: unknown, key: string): string | undefined {
	return scalarText(doc, getValue(doc, node, key));
}

/**
 * The node to point at for a setting that is missing or wrong: the deepest key of `path` that
 * exists under `node`, or `fallback` when not even the first one does.
 */
export function deepestKey(
	doc: YamlDoc,
	node: unknown,
	path: readonly string[],
	fallback: YamlNode
): YamlNode {
	let found: YamlNode = fallback;
	let current: unknown = node;
	for (const key of path) {
		const entry = getEntry(doc, current, key);
		if (!entry) break;
		found = entry.keyNode;
		current = entry.value;
	}
	return found;
}

/** The items of a list, or the node itself when a single scalar stands in for a one-item list. */
export function listItems(doc: YamlDoc, node: unknown): YamlNode[] {
	const resolved = resolve(doc, node);
	if (isScalar(resolved)) return resolved.value === null ? [] : [resolved];
	return seqItems(doc, resolved);
}
