import { getEntry } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { composeFallback, findService, servicePorts } from './compose-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks that a service publishes a container port (on a given host port, when asked). */
export function checkComposePort(check: CheckOf<'compose-port'>, doc: YamlDoc): CheckResult {
	const service = findService(doc, check.service);
	if (!service)
		return fail(`There is no service named \`${check.service}\`.`, composeFallback(doc));
	const ports = servicePorts(doc, service);
	const hit = ports.find(
		(p) => p.container === check.container && (check.host === undefined || p.host === check.host)
	);
	if (hit) return pass(nodeRange(doc, hit.node));
	const key = getEntry(doc, service.node, 'ports')?.keyNode ?? service.keyNode;
	const host = check.host === undefined ? '' : ` on host port ${check.host}`;
	return fail(
		`\`${check.service}\` does not publish container port ${check.container}${host}.`,
		nodeRange(doc, key)
	);
}
