import { isScalar } from 'yaml';
import { composeRoot } from '../../yaml/compose.js';
import { entries, getEntry, getText, getValue, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { composeFallback, findService, serviceEnv } from './compose-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Where a secret appears in the container: `/run/secrets/<target>`, or an absolute target. */
function secretPath(target: string): string {
	return target.startsWith('/') ? target : `/run/secrets/${target}`;
}

/** Checks that a service uses a top-level secret, and that a `*_FILE` variable points at it. */
export function checkComposeSecret(check: CheckOf<'compose-secret'>, doc: YamlDoc): CheckResult {
	const service = findService(doc, check.service);
	if (!service)
		return fail(`There is no service named \`${check.service}\`.`, composeFallback(doc));
	const defined = new Set(
		entries(doc, getValue(doc, composeRoot(doc), 'secrets')).map((e) => e.key)
	);
	const used = seqItems(doc, getValue(doc, service.node, 'secrets')).map((node) => {
		const source = isScalar(node) ? scalarText(doc, node) : getText(doc, node, 'source');
		const target = isScalar(node) ? source : (getText(doc, node, 'target') ?? source);
		return { source: source ?? '', target: target ?? '', node };
	});
	const key = getEntry(doc, service.node, 'secrets')?.keyNode ?? service.keyNode;
	if (used.length === 0) return fail(`\`${check.service}\` uses no secret.`, nodeRange(doc, key));
	const usable = used.filter(
		(s) =>
			defined.has(s.source) && (check.secret === undefined || matchPattern(check.secret, s.source))
	);
	const first = usable[0];
	if (!first) {
		return fail(
			`\`${check.service}\` names a secret that is not defined under the top-level \`secrets:\`.`,
			nodeRange(doc, used[0]?.node ?? key)
		);
	}
	if (check.env === undefined) return pass(nodeRange(doc, first.node));
	const variable = serviceEnv(doc, service).find((v) => v.name === check.env);
	if (!variable)
		return fail(`\`${check.service}\` does not set ${check.env}.`, nodeRange(doc, key));
	const hit = usable.find((s) => secretPath(s.target) === (variable.value ?? '').trim());
	return hit
		? pass(nodeRange(doc, variable.node))
		: fail(
				`${check.env} is \`${variable.value ?? ''}\`, but the secret is mounted at ${secretPath(first.target)}.`,
				nodeRange(doc, variable.node)
			);
}
