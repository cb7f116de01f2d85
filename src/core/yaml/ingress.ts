import type { Node as YamlNode } from 'yaml';
import type { K8sObject } from './k8s.js';
import { getPath, scalarText, seqItems } from './nodes.js';
import type { YamlDoc } from './parse.js';
import { isPlaceholder } from './values.js';

/** One DNS label. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * Tells whether a host name fits Spin's ingress pattern from the center data
 * (`{name}.{namespace}.{cluster}.svc.spin.nersc.org`), label by label: `{cluster}` is one of
 * the clusters, `{namespace}` the object's namespace when it is set, any other placeholder one
 * DNS label. A label written as a placeholder (`<namespace>`, `${NS}`) fits its slot.
 */
export function isSpinHost(
	host: string,
	template: string,
	clusters: readonly string[],
	namespace?: string
): boolean {
	const want = template.toLowerCase().split('.');
	const have = host.trim().toLowerCase().split('.');
	if (want.length !== have.length) return false;
	return want.every((slot, index) => {
		const label = have[index] ?? '';
		const placeholder = /^\{(\w+)\}$/.exec(slot)?.[1];
		if (placeholder === undefined) return label === slot;
		if (isPlaceholder(label)) return true;
		if (placeholder === 'cluster')
			return clusters.some((cluster) => cluster.toLowerCase() === label);
		if (placeholder === 'namespace' && namespace !== undefined)
			return label === namespace.toLowerCase();
		return LABEL.test(label);
	});
}

/** Fills the host pattern for a message, e.g. `web.myproject.<cluster>.svc.spin.nersc.org`. */
export function exampleHost(template: string, values: Record<string, string | undefined>): string {
	return template.replace(/\{(\w+)\}/g, (_whole, name: string) => values[name] ?? `<${name}>`);
}

/** The `host:` values of an Ingress's rules, with their nodes. */
export function ruleHosts(doc: YamlDoc, ingress: K8sObject): { host: string; node: YamlNode }[] {
	const out: { host: string; node: YamlNode }[] = [];
	for (const rule of seqItems(doc, getPath(doc, ingress.node, ['spec', 'rules']))) {
		const node = getPath(doc, rule, ['host']);
		const host = scalarText(doc, node);
		if (node && host !== undefined) out.push({ host: host.trim(), node });
	}
	return out;
}

/** The host names listed under an Ingress's `tls:` entries. */
export function tlsHosts(doc: YamlDoc, ingress: K8sObject): string[] {
	return seqItems(doc, getPath(doc, ingress.node, ['spec', 'tls']))
		.flatMap((entry) => seqItems(doc, getPath(doc, entry, ['hosts'])))
		.map((node) => scalarText(doc, node)?.trim().toLowerCase())
		.filter((host): host is string => host !== undefined);
}

/** Tells whether a TLS host entry (possibly `*.example.org`) covers a host name. */
export function tlsCovers(entry: string, host: string): boolean {
	const name = host.toLowerCase();
	if (entry.startsWith('*.')) {
		const suffix = entry.slice(1);
		return name.endsWith(suffix) && !name.slice(0, -suffix.length).includes('.');
	}
	return entry === name;
}
