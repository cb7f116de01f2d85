import { composeServices, type ComposeService } from '../../yaml/compose.js';
import { getEntry, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { Range } from '../../types.js';
import type { CheckOf } from '../check-args.js';
import { composeFallback, findService } from './compose-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Explains why one service fails the field check, or returns null. */
function problem(
	check: CheckOf<'compose-field'>,
	doc: YamlDoc,
	service: ComposeService
): [string, Range] | null {
	const entry = getEntry(doc, service.node, check.field);
	const where = nodeRange(doc, entry?.value ?? entry?.keyNode ?? service.keyNode);
	const name = `\`${service.name}\``;
	if (check.absent) return entry ? [`${name} sets ${check.field}; remove it.`, where] : null;
	if (!entry?.value) return [`${name} does not set ${check.field}.`, where];
	if (check.equals !== undefined) {
		const value = scalarText(doc, entry.value);
		if (value !== String(check.equals)) {
			return [
				`${name} has ${check.field}: ${value ?? '(not a single value)'}; expected ${String(check.equals)}.`,
				where,
			];
		}
	}
	if (check.contains !== undefined) {
		const items = seqItems(doc, entry.value).map((node) => scalarText(doc, node));
		if (!items.includes(check.contains))
			return [`${name}'s ${check.field} does not list ${check.contains}.`, where];
	}
	return null;
}

/** Checks a key of one service, or of every service with `service: '*'`. */
export function checkComposeField(check: CheckOf<'compose-field'>, doc: YamlDoc): CheckResult {
	const services = check.service === '*' ? composeServices(doc) : [findService(doc, check.service)];
	if (services.length === 0 || services.some((s) => s === undefined)) {
		return fail(
			check.service === '*'
				? 'The file defines no services.'
				: `There is no service named \`${check.service}\`.`,
			composeFallback(doc)
		);
	}
	for (const service of services) {
		const found = service && problem(check, doc, service);
		if (found) return fail(found[0], found[1]);
	}
	const only = services.length === 1 ? services[0] : undefined;
	const entry = only ? getEntry(doc, only.node, check.field) : undefined;
	return pass(entry ? nodeRange(doc, entry.value ?? entry.keyNode) : undefined);
}
