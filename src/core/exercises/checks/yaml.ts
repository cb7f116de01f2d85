import type { YamlDoc } from '../../yaml/parse.js';
import type { Check } from '../check-args.js';
import { checkComposeEnv } from './compose-env.js';
import { checkComposeField } from './compose-field.js';
import { checkComposePort } from './compose-port.js';
import { checkComposeSecret } from './compose-secret.js';
import { checkComposeService } from './compose-service.js';
import { checkComposeVolume } from './compose-volume.js';
import { checkK8sContainerPort } from './k8s-container-port.js';
import { checkK8sImage } from './k8s-image.js';
import { checkK8sIngressHost } from './k8s-ingress-host.js';
import { checkK8sObject } from './k8s-object.js';
import { checkK8sPullSecret } from './k8s-pull-secret.js';
import { checkK8sRoute } from './k8s-route.js';
import { checkK8sSecretEnv } from './k8s-secret-env.js';
import { checkK8sSecurity } from './k8s-security.js';
import { checkK8sVolume } from './k8s-volume.js';
import type { CheckEnv, CheckResult } from './types.js';

/** Runs a Compose or Kubernetes check. */
export function yamlCheck(check: Check, doc: YamlDoc, env: CheckEnv): CheckResult | null {
	switch (check.type) {
		case 'compose-service':
			return checkComposeService(check, doc);
		case 'compose-port':
			return checkComposePort(check, doc);
		case 'compose-env':
			return checkComposeEnv(check, doc);
		case 'compose-volume':
			return checkComposeVolume(check, doc, env);
		case 'compose-field':
			return checkComposeField(check, doc);
		case 'compose-secret':
			return checkComposeSecret(check, doc);
		case 'k8s-object':
			return checkK8sObject(check, doc);
		case 'k8s-image':
			return checkK8sImage(check, doc);
		case 'k8s-pull-secret':
			return checkK8sPullSecret(check, doc, env);
		case 'k8s-container-port':
			return checkK8sContainerPort(check, doc);
		case 'k8s-security':
			return checkK8sSecurity(check, doc, env);
		case 'k8s-volume':
			return checkK8sVolume(check, doc, env);
		case 'k8s-secret-env':
			return checkK8sSecretEnv(check, doc);
		case 'k8s-ingress-host':
			return checkK8sIngressHost(check, doc, env);
		case 'k8s-route':
			return checkK8sRoute(check, doc);
		default:
			return null;
	}
}
