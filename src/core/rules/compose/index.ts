import type { Rule } from '../../types.js';
import type { YamlDoc } from '../../yaml/parse.js';
import capAddAllowed from './cap-add-allowed.js';
import capDropAll from './cap-drop-all.js';
import globalMountCaps from './global-mount-caps.js';
import globalMountReadOnly from './global-mount-read-only.js';
import globalMountUser from './global-mount-user.js';
import imageTag from './image-tag.js';
import noDevices from './no-devices.js';
import noHostNamespaces from './no-host-namespaces.js';
import noPlaintextSecrets from './no-plaintext-secrets.js';
import noPrivileged from './no-privileged.js';
import noSecurityOpt from './no-security-opt.js';
import syntax from './syntax.js';

/** The Compose rules in the order they run and are listed. */
export const composeRules: readonly Rule<YamlDoc>[] = [
	syntax,
	capDropAll,
	capAddAllowed,
	globalMountUser,
	globalMountCaps,
	globalMountReadOnly,
	noPrivileged,
	noHostNamespaces,
	noDevices,
	noSecurityOpt,
	noPlaintextSecrets,
	imageTag,
];
