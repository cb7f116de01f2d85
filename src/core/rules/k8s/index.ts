import type { Rule } from '../../types.js';
import type { YamlDoc } from '../../yaml/parse.js';
import capAddAllowed from './cap-add-allowed.js';
import capDropAll from './cap-drop-all.js';
import globalHostpathCaps from './global-hostpath-caps.js';
import globalHostpathDirectory from './global-hostpath-directory.js';
import globalHostpathReadOnly from './global-hostpath-read-only.js';
import globalHostpathSecurity from './global-hostpath-security.js';
import imageTag from './image-tag.js';
import ingressCustomHostTls from './ingress-custom-host-tls.js';
import ingressHost from './ingress-host.js';
import namespace from './namespace.js';
import noPlaintextSecrets from './no-plaintext-secrets.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import noPrivileged from './no-privileged.js';
import pvcStorageClassMissing from './pvc-storage-class-missing.js';
import pvcStorageClass from './pvc-storage-class.js';
import registryPullSecret from './registry-pull-secret.js';
import syntax from './syntax.js';

/** The Kubernetes rules in the order they run and are listed. */
export const k8sRules: readonly Rule<YamlDoc>[] = [
	syntax,
	capDropAll,
	capAddAllowed,
	globalHostpathSecurity,
	globalHostpathCaps,
	globalHostpathDirectory,
	globalHostpathReadOnly,
	noPrivileged,
	noPrivilegeEscalation,
	pvcStorageClass,
	pvcStorageClassMissing,
	ingressHost,
	ingressCustomHostTls,
	registryPullSecret,
	namespace,
	noPlaintextSecrets,
	imageTag,
];
