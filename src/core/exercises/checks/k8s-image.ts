import { allContainers } from '../../yaml/k8s.js';
import { getValue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { parseImage } from '../../yaml/values.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { containerRange, k8sFallback } from './k8s-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks that every container image comes from a registry and matches a pattern. */
export function checkK8sImage(check: CheckOf<'k8s-image'>, doc: YamlDoc): CheckResult {
	const containers = allContainers(doc);
	if (containers.length === 0)
		return fail('The file has no workload with containers.', k8sFallback(doc));
	for (const container of containers) {
		const node = getValue(doc, container.node, 'image');
		const image = scalarText(doc, node);
		const where = node ? nodeRange(doc, node) : containerRange(doc, container);
		if (image === undefined) return fail('A container has no image.', where);
		const registry = parseImage(image).registry?.toLowerCase() ?? 'docker.io';
		if (check.registry !== undefined && registry !== check.registry.toLowerCase()) {
			return fail(`\`${image}\` comes from ${registry}, not from ${check.registry}.`, where);
		}
		if (check.pattern !== undefined && !matchPattern(check.pattern, image)) {
			return fail(`\`${image}\` is not the image this task asks for.`, where);
		}
	}
	return pass();
}
