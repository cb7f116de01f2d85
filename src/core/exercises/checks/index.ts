import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { YamlDoc } from '../../yaml/parse.js';
import type { Check } from '../check-args.js';
import { checkBaseImage } from './base-image.js';
import { checkCommand } from './command.js';
import { checkComposeEnv } from './compose-env.js';
import { checkComposeField } from './compose-field.js';
import { checkComposePort } from './compose-port.js';
import { checkComposeSecret } from './compose-secret.js';
import { checkComposeService } from './compose-service.js';
import { checkComposeVolume } from './compose-volume.js';
import { checkCopy } from './copy.js';
import { checkExpose } from './expose.js';
import { checkImageFile } from './image-file.js';
import { checkInstructionCount } from './instruction-count.js';
import { checkK8sContainerPort } from './k8s-container-port.js';
import { checkK8sImage } from './k8s-image.js';
import { checkK8sIngressHost } from './k8s-ingress-host.js';
import { checkK8sObject } from './k8s-object.js';
import { checkK8sPullSecret } from './k8s-pull-secret.js';
import { checkK8sRoute } from './k8s-route.js';
import { checkK8sSecretEnv } from './k8s-secret-env.js';
import { checkK8sSecurity } from './k8s-security.js';
import { checkK8sVolume } from './k8s-volume.js';
import { checkPipefail } from './pipefail.js';
import { checkRunCommand } from './run-command.js';
import { fail, type CheckEnv, type CheckResult } from './types.js';
import { checkUser } from './user.js';
import { checkWorkdir } from './workdir.js';

export type { CheckEnv, CheckResult } from './types.js';

/** A parsed exercise file, tagged with how it was parsed. */
export type ParsedFile =
	{ kind: 'dockerfile'; doc: DockerfileDoc } | { kind: 'compose' | 'k8s'; doc: YamlDoc };

/** Runs a Dockerfile check. */
function dockerfileCheck(check: Check, doc: DockerfileDoc, env: CheckEnv): CheckResult | null {
	switch (check.type) {
		case 'base-image':
			return checkBaseImage(check, doc);
		case 'expose':
			return checkExpose(check, doc);
		case 'user':
			return checkUser(check, doc);
		case 'workdir':
			return checkWorkdir(check, doc);
		case 'copy':
			return checkCopy(check, doc, env);
		case 'command':
			return checkCommand(check, doc);
		case 'run-command':
			return checkRunCommand(check, doc);
		case 'instruction-count':
			return checkInstructionCount(check, doc);
		case 'image-file':
			return checkImageFile(check, doc, env);
		case 'pipefail':
			return checkPipefail(check, doc);
		default:
			return null;
	}
}

/** Runs a Compose or Kubernetes check. */
function yamlCheck(check: Check, doc: YamlDoc, env: CheckEnv): CheckResult | null {
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

const START = { line: 1, column: 1 };

/** Runs one check over its parsed file; never throws (a crash is a failed check). */
export function runCheck(check: Check, file: ParsedFile, env: CheckEnv): CheckResult {
	try {
		if (file.kind === 'dockerfile' && file.doc.failure !== null) {
			return fail('The Dockerfile could not be read.', { start: START, end: START });
		}
		if (file.kind !== 'dockerfile' && file.doc.errors.length > 0) {
			return fail('The file is not valid YAML yet.', file.doc.errors[0]?.range);
		}
		const result =
			file.kind === 'dockerfile'
				? dockerfileCheck(check, file.doc, env)
				: yamlCheck(check, file.doc, env);
		return result ?? fail(`The check ${check.id} does not apply to a ${file.kind} file.`);
	} catch (error) {
		return fail(`The check could not run on this text (${String(error)}).`);
	}
}
