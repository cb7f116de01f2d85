import { getEntry } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { composeFallback, findService, serviceVolumes } from './compose-util.js';
import { normalizePath } from './dockerfile-util.js';
import { fail, pass, type CheckEnv, type CheckResult } from './types.js';

/** Checks that a service mounts a source at a container path, read-only when asked. */
export function checkComposeVolume(
	check: CheckOf<'compose-volume'>,
	doc: YamlDoc,
	env: CheckEnv
): CheckResult {
	const service = findService(doc, check.service);
	if (!service)
		return fail(`There is no service named \`${check.service}\`.`, composeFallback(doc));
	const target = normalizePath(check.target);
	const mounts = serviceVolumes(doc, service, env.center.globalPathPrefix).filter(
		(m) => m.target !== undefined && normalizePath(m.target) === target
	);
	const key = getEntry(doc, service.node, 'volumes')?.keyNode ?? service.keyNode;
	if (mounts.length === 0)
		return fail(`\`${check.service}\` mounts nothing at ${target}.`, nodeRange(doc, key));
	const sourced = mounts.filter(
		(m) => check.source === undefined || matchPattern(check.source, m.source ?? '')
	);
	const first = sourced[0] ?? mounts[0];
	if (!first || sourced.length === 0) {
		return fail(
			`The mount at ${target} does not come from the source this task asks for.`,
			nodeRange(doc, mounts[0]?.node ?? key)
		);
	}
	const good = sourced.find((m) => check.readOnly === undefined || m.readOnly === check.readOnly);
	if (!good) {
		return fail(
			check.readOnly
				? `The mount at ${target} is writable: add \`:ro\`.`
				: `The mount at ${target} must be writable.`,
			nodeRange(doc, first.node)
		);
	}
	return pass(nodeRange(doc, good.node));
}
