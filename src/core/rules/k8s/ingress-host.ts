import { exampleHost, isSpinHost, ruleHosts } from '../../yaml/ingress.js';
import { objectsOfKind, type K8sObject } from '../../yaml/k8s.js';
import { deepestKey } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { isPlaceholder } from '../../yaml/values.js';
import type { Center } from '../../center.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'noSpinHost';

/** The namespace a Spin host must name, when the object fixes it. */
function fixedNamespace(ingress: K8sObject): string | undefined {
	const namespace = ingress.namespace;
	return namespace === undefined || isPlaceholder(namespace) ? undefined : namespace;
}

/** Tells whether a host is the one Spin gives this Ingress. */
export function isIngressSpinHost(host: string, ingress: K8sObject, center: Center): boolean {
	return isSpinHost(host, center.dns.ingress, center.clusters, fixedNamespace(ingress));
}

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/ingress-host',
	kind: 'k8s',
	family: 'spin',
	severity: 'error',
	description:
		"An Ingress has at least one rule whose host is Spin's name for it, `<name>.<namespace>.<cluster>.svc.spin.nersc.org`.",
	messages: {
		noSpinHost:
			'No rule host of this Ingress has the form `{example}` ({cluster} is one of {clusters}); Spin routes only those names.',
	},
	hint: 'Add a rule whose `host:` is `<ingress name>.<namespace>.<cluster>.svc.spin.nersc.org`; a custom name can stay beside it as a CNAME to that host.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const ingress of objectsOfKind(doc, 'Ingress')) {
			const hosts = ruleHosts(doc, ingress);
			if (hosts.some(({ host }) => isIngressSpinHost(host, ingress, center))) continue;
			const anchor =
				hosts[0]?.node ?? deepestKey(doc, ingress.node, ['spec', 'rules'], ingress.kindNode);
			const example = exampleHost(center.dns.ingress, {
				name: ingress.name,
				namespace: fixedNamespace(ingress),
			});
			reports.push({
				messageId: 'noSpinHost',
				range: nodeRange(doc, anchor),
				data: { example, cluster: '<cluster>', clusters: center.clusters.join(', ') },
			});
		}
		return reports;
	},
});
