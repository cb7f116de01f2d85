import type { Node as YamlNode } from 'yaml';
import { objectsOfKind, podContainers, podSpecs, type K8sObject } from '../../yaml/k8s.js';
import { entries, getPath, getText, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { containerPorts, k8sFallback, podLabels } from './k8s-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** An Ingress backend: a Service name and a port number or name. */
interface Backend {
	service: string | undefined;
	port: string | undefined;
	node: YamlNode;
}

/** The backends of an Ingress (`networking.k8s.io/v1` and the older `serviceName` form). */
function backends(doc: YamlDoc, ingress: K8sObject): Backend[] {
	const nodes: YamlNode[] = [];
	const fallback =
		getPath(doc, ingress.node, ['spec', 'defaultBackend']) ??
		getPath(doc, ingress.node, ['spec', 'backend']);
	if (fallback) nodes.push(fallback);
	for (const rule of seqItems(doc, getPath(doc, ingress.node, ['spec', 'rules']))) {
		for (const path of seqItems(doc, getPath(doc, rule, ['http', 'paths']))) {
			const backend = getPath(doc, path, ['backend']);
			if (backend) nodes.push(backend);
		}
	}
	return nodes.map((node) => ({
		service:
			getText(doc, getPath(doc, node, ['service']), 'name') ?? getText(doc, node, 'serviceName'),
		port:
			getText(doc, getPath(doc, node, ['service', 'port']), 'number') ??
			getText(doc, getPath(doc, node, ['service', 'port']), 'name') ??
			getText(doc, node, 'servicePort'),
		node,
	}));
}

/** Follows one backend to a container port; returns what breaks the chain, or null. */
function follow(doc: YamlDoc, ingress: K8sObject, backend: Backend): string | null {
	const service = objectsOfKind(doc, 'Service').find(
		(s) =>
			s.name === backend.service &&
			(!s.namespace || !ingress.namespace || s.namespace === ingress.namespace)
	);
	if (!service)
		return `The backend Service ${backend.service ?? '(unnamed)'} is not defined in this file.`;
	const ports = seqItems(doc, getPath(doc, service.node, ['spec', 'ports']));
	const port = ports.find(
		(p) => getText(doc, p, 'port') === backend.port || getText(doc, p, 'name') === backend.port
	);
	if (!port) return `Service ${service.name ?? ''} has no port ${backend.port ?? '(none)'}.`;
	const target = getText(doc, port, 'targetPort') ?? getText(doc, port, 'port') ?? '';
	const selector = entries(doc, getPath(doc, service.node, ['spec', 'selector']));
	if (selector.length === 0) return `Service ${service.name ?? ''} has no selector.`;
	const pods = podSpecs(doc).filter((pod) => {
		const labels = podLabels(doc, pod);
		return selector.every((e) => labels.get(e.key) === scalarText(doc, e.value));
	});
	if (pods.length === 0)
		return `The selector of Service ${service.name ?? ''} matches no pod template in this file.`;
	const reached = pods.some((pod) =>
		podContainers(doc, pod).some((c) =>
			containerPorts(doc, c).some((p) => String(p.port) === target || p.name === target)
		)
	);
	return reached
		? null
		: `Service ${service.name ?? ''} sends traffic to port ${target}, which no selected container declares.`;
}

/** Checks that every Ingress backend reaches a container port through a Service of the file. */
export function checkK8sRoute(_check: CheckOf<'k8s-route'>, doc: YamlDoc): CheckResult {
	const ingresses = objectsOfKind(doc, 'Ingress');
	if (ingresses.length === 0) return fail('The file defines no Ingress.', k8sFallback(doc));
	for (const ingress of ingresses) {
		const list = backends(doc, ingress);
		if (list.length === 0)
			return fail(
				`Ingress ${ingress.name ?? ''} has no backend.`,
				nodeRange(doc, ingress.kindNode)
			);
		for (const backend of list) {
			const why = follow(doc, ingress, backend);
			if (why) return fail(why, nodeRange(doc, backend.node));
		}
	}
	return pass();
}
