import { podSpecs, pullSecretNames } from '../../yaml/k8s.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { k8sFallback } from './k8s-util.js';
import { fail, pass, type CheckEnv, type CheckResult } from './types.js';

/** Checks that every pod template lists the image pull secret. */
export function checkK8sPullSecret(
	check: CheckOf<'k8s-pull-secret'>,
	doc: YamlDoc,
	env: CheckEnv
): CheckResult {
	const name = check.name ?? env.center.registries.pullSecret;
	const pods = podSpecs(doc);
	if (pods.length === 0) return fail('The file has no workload.', k8sFallback(doc));
	const missing = pods.find((pod) => !pullSecretNames(doc, pod).includes(name));
	return missing
		? fail(
				`The pod template of ${missing.owner.kind} ${missing.owner.name ?? ''} does not list imagePullSecrets: [{name: ${name}}].`,
				nodeRange(doc, missing.specKey)
			)
		: pass();
}
