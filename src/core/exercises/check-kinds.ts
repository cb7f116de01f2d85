import type { Check, CheckType } from './check-args.js';
import type { ExerciseFile } from './schema.js';

/** Which file each check reads; kept apart from the schemas so that grading needs no zod. */

/** The kind of a terminal exercise's command script (`commands.txt`, one command per line). */
export const SCRIPT_KIND = 'commands';

/** The kind of file each check type reads. */
export const CHECK_FILE_KIND = {
	'base-image': 'dockerfile',
	expose: 'dockerfile',
	user: 'dockerfile',
	workdir: 'dockerfile',
	copy: 'dockerfile',
	command: 'dockerfile',
	'run-command': 'dockerfile',
	'instruction-count': 'dockerfile',
	'image-file': 'dockerfile',
	pipefail: 'dockerfile',
	'compose-service': 'compose',
	'compose-port': 'compose',
	'compose-env': 'compose',
	'compose-volume': 'compose',
	'compose-field': 'compose',
	'compose-secret': 'compose',
	'k8s-object': 'k8s',
	'k8s-image': 'k8s',
	'k8s-pull-secret': 'k8s',
	'k8s-container-port': 'k8s',
	'k8s-security': 'k8s',
	'k8s-volume': 'k8s',
	'k8s-secret-env': 'k8s',
	'k8s-ingress-host': 'k8s',
	'k8s-route': 'k8s',
} as const satisfies Record<CheckType, 'dockerfile' | 'compose' | 'k8s'>;

/** Returns the file a check reads (its `file`, or the only file of its kind). */
export function checkFile(check: Check, files: readonly ExerciseFile[]): ExerciseFile | undefined {
	const kind = CHECK_FILE_KIND[check.type];
	return check.file !== undefined
		? files.find((f) => f.name === check.file)
		: files.find((f) => f.kind === kind);
}
