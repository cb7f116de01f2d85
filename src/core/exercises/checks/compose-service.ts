import { getEntry, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { composeFallback, findService } from './compose-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks that a service exists and, optionally, that its image matches a pattern. */
export function checkComposeService(check: CheckOf<'compose-service'>, doc: YamlDoc): CheckResult {
	const service = findService(doc, check.service);
	if (!service)
		return fail(`There is no service named \`${check.service}\`.`, composeFallback(doc));
	if (check.image === undefined) return pass(nodeRange(doc, service.keyNode));
	const entry = getEntry(doc, service.node, 'image');
	const image = scalarText(doc, entry?.value);
	if (!entry || image === undefined) {
		return fail(`Service \`${check.service}\` has no image.`, nodeRange(doc, service.keyNode));
	}
	const range = nodeRange(doc, entry.value ?? entry.keyNode);
	return matchPattern(check.image, image)
		? pass(range)
		: fail(
				`Service \`${check.service}\` runs \`${image}\`, not the image this task asks for.`,
				range
			);
}
