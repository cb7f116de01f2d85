import { allContainers } from '../../yaml/k8s.js';
import type { YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { containerPorts, containerRange, k8sFallback } from './k8s-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks that some container declares a port. */
export function checkK8sContainerPort(
	check: CheckOf<'k8s-container-port'>,
	doc: YamlDoc
): CheckResult {
	const containers = allContainers(doc);
	const hit = containers.find((c) => containerPorts(doc, c).some((p) => p.port === check.port));
	if (hit) return pass(containerRange(doc, hit));
	const first = containers.find((c) => !c.init) ?? containers[0];
	return fail(
		`No container declares containerPort ${check.port}.`,
		first ? containerRange(doc, first) : k8sFallback(doc)
	);
}
