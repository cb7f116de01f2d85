import { composeRules } from './rules/compose/index.js';
import { k8sRules } from './rules/k8s/index.js';
import type { Diagnostic } from './types.js';
import { validateWith, type ValidateOptions } from './validate-run.js';
import { parseYamlText } from './yaml/parse.js';

export { VALIDATOR_VERSION, type ValidateOptions } from './validate-run.js';

/** The YAML kinds: a Compose file or a Kubernetes manifest. */
export type YamlKind = 'compose' | 'k8s';

/** Validates a Compose file or a Kubernetes manifest; never throws, sorts by position. */
export function validateYaml(kind: YamlKind, text: string, options: ValidateOptions): Diagnostic[] {
	const rules = kind === 'compose' ? composeRules : k8sRules;
	return validateWith(kind, parseYamlText, rules, text, options);
}
