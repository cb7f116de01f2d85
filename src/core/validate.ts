import { hashString } from './hash.js';
import { composeRules } from './rules/compose/index.js';
import { dockerfileRules } from './rules/dockerfile/index.js';
import { k8sRules } from './rules/k8s/index.js';
import type { Diagnostic, Rule, SourceKind } from './types.js';
import type { Center } from './center.js';
import { validateDockerfile } from './validate-dockerfile.js';
import { VALIDATOR_VERSION, type ValidateOptions } from './validate-run.js';
import { validateYaml } from './validate-yaml.js';

/**
 * The combined validator for Node, tests and the command line. Browsers load one kind's
 * validator (`validate-dockerfile.ts` or `validate-yaml.ts`), which gives the same diagnostics.
 */

export { VALIDATOR_VERSION, type ValidateOptions };

/** Every rule, by kind. */
export const RULES = {
	dockerfile: dockerfileRules,
	compose: composeRules,
	k8s: k8sRules,
} as const satisfies Record<SourceKind, readonly Rule<never>[]>;

/** Every rule of every kind, in a stable order. */
export function allRules(): readonly Rule<never>[] {
	return [...RULES.dockerfile, ...RULES.compose, ...RULES.k8s];
}

/** Content hash of the rule set's metadata and the center data, recorded in bundles. */
export function rulesetHash(center: Center): string {
	const meta = allRules().map(({ id, kind, family, severity, messages }) => ({
		id,
		kind,
		family,
		severity,
		messages,
	}));
	return hashString(JSON.stringify({ version: VALIDATOR_VERSION, meta, center }));
}

/** Validates a text of the given kind; never throws, returns diagnostics sorted by position. */
export function validate(kind: SourceKind, text: string, options: ValidateOptions): Diagnostic[] {
	return kind === 'dockerfile'
		? validateDockerfile(text, options)
		: validateYaml(kind, text, options);
}
