import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { Check } from '../check-args.js';
import { checkBaseImage } from './base-image.js';
import { checkCommand } from './command.js';
import { checkCopy } from './copy.js';
import { checkExpose } from './expose.js';
import { checkImageFile } from './image-file.js';
import { checkInstructionCount } from './instruction-count.js';
import { checkPipefail } from './pipefail.js';
import { checkRunCommand } from './run-command.js';
import { checkUser } from './user.js';
import { checkWorkdir } from './workdir.js';
import type { CheckEnv, CheckResult } from './types.js';

/** Runs a Dockerfile check. */
export function dockerfileCheck(
	check: Check,
	doc: DockerfileDoc,
	env: CheckEnv
): CheckResult | null {
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
