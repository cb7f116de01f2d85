import { ruleHosts, tlsCovers, tlsHosts } from '../../yaml/ingress.js';
import { objectsOfKind } from '../../yaml/k8s.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { isPlaceholder } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';
import { isIngressSpinHost } from './ingress-host.js';

type MessageId = 'noTls';

export default defineRule<YamlDoc, MessageId>({
	id: 'k8s/ingress-custom-host-tls',
	kind: 'k8s',
	family: 'spin',
	severity: 'warning',
	description:
		'A custom host name beside the Spin one is listed under `tls:` with its certificate secret.',
	messages: {
		noTls:
			'The custom host `{host}` is not covered by `tls:`; browsers will not get a valid certificate for it.',
	},
	hint: 'Point a CNAME for the custom name at the Spin host, store its certificate as a `kubernetes.io/tls` secret, and list the host under `tls:` with `secretName:`.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const ingress of objectsOfKind(doc, 'Ingress')) {
			const hosts = ruleHosts(doc, ingress);
			// Without a Spin host at all, k8s/ingress-host reports the Ingress first.
			if (!hosts.some(({ host }) => isIngressSpinHost(host, ingress, center))) continue;
			const covered = tlsHosts(doc, ingress);
			for (const { host, node } of hosts) {
				if (isIngressSpinHost(host, ingress, center) || isPlaceholder(host)) continue;
				if (covered.some((entry) => tlsCovers(entry, host))) continue;
				reports.push({ messageId: 'noTls', range: nodeRange(doc, node), data: { host } });
			}
		}
		return reports;
	},
});
