import { exampleHost, isSpinHost, ruleHosts } from '../../yaml/ingress.js';
import { objectsOfKind } from '../../yaml/k8s.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { k8sFallback } from './k8s-util.js';
import { fail, pass, type CheckEnv, type CheckResult } from './types.js';

/** Checks that every Ingress has a host of Spin's form whose first label is the Ingress's name. */
export function checkK8sIngressHost(
	_check: CheckOf<'k8s-ingress-host'>,
	doc: YamlDoc,
	env: CheckEnv
): CheckResult {
	const ingresses = objectsOfKind(doc, 'Ingress');
	if (ingresses.length === 0) return fail('The file defines no Ingress.', k8sFallback(doc));
	const { ingress: template } = env.center.dns;
	for (const ingress of ingresses) {
		const hosts = ruleHosts(doc, ingress);
		const spin = hosts.find(
			({ host }) =>
				isSpinHost(host, template, env.center.clusters, ingress.namespace) &&
				(ingress.name === undefined ||
					host.toLowerCase().startsWith(`${ingress.name.toLowerCase()}.`))
		);
		if (spin) continue;
		const expected = exampleHost(template, { name: ingress.name, namespace: ingress.namespace });
		return fail(
			`Ingress ${ingress.name ?? ''} has no host of the form ${expected}.`,
			nodeRange(doc, hosts[0]?.node ?? ingress.kindNode)
		);
	}
	return pass();
}
