import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import { CheckSchema, type CheckInput } from '../../../../src/core/exercises/check-args.js';
import {
	runCheck,
	type CheckResult,
	type ParsedFile,
} from '../../../../src/core/exercises/checks/index.js';
import { parseYamlText } from '../../../../src/core/yaml/parse.js';
import { loadCenter } from '../../helpers/center.js';

/** A check as written in exercise.yaml, without id and description; the schema validates it. */
export type CheckSpec = { readonly type: CheckInput['type'] } & Readonly<Record<string, unknown>>;

/** Runs one check, written as in exercise.yaml (without id and description), over a text. */
export function runOn(
	kind: ParsedFile['kind'],
	check: CheckSpec,
	text: string,
	context: Record<string, string> = {}
): CheckResult {
	const parsedCheck = CheckSchema.parse({
		id: 'under-test',
		description: 'The check under test.',
		...check,
	});
	const file: ParsedFile =
		kind === 'dockerfile'
			? { kind, doc: parseDockerfile(text) }
			: { kind, doc: parseYamlText(text) };
	return runCheck(parsedCheck, file, { center: loadCenter(), context });
}

/** Joins lines into a file text. */
export function lines(...rows: string[]): string {
	return rows.join('\n') + '\n';
}
