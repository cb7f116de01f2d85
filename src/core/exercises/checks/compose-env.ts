import { getEntry } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { composeFallback, findService, serviceEnv } from './compose-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks an environment variable of a service: set (to a matching value), or absent. */
export function checkComposeEnv(check: CheckOf<'compose-env'>, doc: YamlDoc): CheckResult {
	const service = findService(doc, check.service);
	if (!service)
		return fail(`There is no service named \`${check.service}\`.`, composeFallback(doc));
	const found = serviceEnv(doc, service).find((v) => v.name === check.name);
	const section = getEntry(doc, service.node, 'environment')?.keyNode ?? service.keyNode;
	if (check.absent) {
		return found
			? fail(`\`${check.service}\` still sets ${check.name}.`, nodeRange(doc, found.node))
			: pass(nodeRange(doc, section));
	}
	if (!found)
		return fail(`\`${check.service}\` does not set ${check.name}.`, nodeRange(doc, section));
	if (check.value !== undefined && !matchPattern(check.value, found.value ?? '')) {
		return fail(
			`${check.name} is set to \`${found.value ?? ''}\`, not the value this task asks for.`,
			nodeRange(doc, found.node)
		);
	}
	return pass(nodeRange(doc, found.node));
}
