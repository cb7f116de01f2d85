import { isPinned } from '../../dockerfile/image.js';
import { finalLineage } from '../../dockerfile/queries.js';
import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { fallbackRange } from './dockerfile-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Checks the image the final stage is built on: name, registry, pinned tag, tag pattern. */
export function checkBaseImage(check: CheckOf<'base-image'>, doc: DockerfileDoc): CheckResult {
	const root = finalLineage(doc).pop();
	if (!root) return fail('The Dockerfile has no FROM instruction.', fallbackRange(doc));
	const range = root.baseWord?.range ?? root.from.range;
	if (root.base.kind !== 'image')
		return fail('The final stage does not start from a named image.', range);
	const image = root.base.image;
	const path = image.path.replace(/^library\//, '');
	const names = check.image === undefined ? [] : [check.image].flat();
	if (names.length > 0 && !names.includes(path)) {
		return fail(
			`The base image is \`${path}\`; expected ${names.map((n) => `\`${n}\``).join(' or ')}.`,
			range
		);
	}
	if (check.registry !== undefined && image.host !== check.registry.toLowerCase()) {
		return fail(`The base image comes from ${image.host}, not from ${check.registry}.`, range);
	}
	if (check.pinned && !isPinned(image)) {
		return fail(`\`${image.text}\` has no fixed version: name a tag other than latest.`, range);
	}
	if (check.tag !== undefined && !matchPattern(check.tag, image.tag ?? '')) {
		return fail(
			`The tag \`${image.tag ?? '(none)'}\` is not the kind of tag this task asks for.`,
			range
		);
	}
	return pass(range);
}
