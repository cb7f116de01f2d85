import type { Center } from '../center.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import type { Diagnostic, Range } from '../types.js';
import { validate } from '../validate.js';
import { parseYamlText } from '../yaml/parse.js';
import type { Check } from './check-args.js';
import { substituteParams } from './params.js';
import { runCheck, type ParsedFile } from './checks/index.js';
import { checkFile, SCRIPT_KIND, type Exercise } from './schema.js';
import { COMMANDS_FILE, gradeScript } from './terminal.js';

export { substituteParams };

/** Options of one grading run. */
export interface GradeOptions {
	/** Spin's facts (`content/center.yaml`, parsed with `CenterSchema`). */
	center: Center;
	/** The learner's values for the exercise's params; an example stands in for a missing one. */
	params?: Readonly<Record<string, string>>;
	/** The exercise's read-only context files by relative path, for checks that follow COPY. */
	context?: Readonly<Record<string, string>>;
}

/** The outcome of one check, as the learner sees it. */
export interface CheckOutcome {
	id: string;
	/** The check's description with params filled in. */
	description: string;
	passed: boolean;
	/** The file the check read. */
	file?: string;
	/** Where to look (1-based, end exclusive), when the check can tell. */
	range?: Range;
	/** Why the check failed. */
	message?: string;
}

/** A validator finding with the file it belongs to. */
export type FileDiagnostic = Diagnostic & { file: string };

/** The result of grading: the checks, the validator findings per file, and the verdict. */
export interface GradeResult {
	/** Every check passed and no file has a finding of severity `error`. */
	passed: boolean;
	checks: CheckOutcome[];
	diagnostics: FileDiagnostic[];
	/** Number of findings of severity `error`. */
	errors: number;
}

/** Replaces placeholders in every string of a JSON-like value. */
function substituteDeep<T>(value: T, params: Readonly<Record<string, string>>): T {
	if (typeof value === 'string') return substituteParams(value, params) as T;
	if (Array.isArray(value)) return value.map((item: unknown) => substituteDeep(item, params)) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) out[key] = substituteDeep(item, params);
		return out as T;
	}
	return value;
}

/** The values to grade with: the learner's where valid, and the names of the invalid ones. */
export function resolveParams(
	exercise: Pick<Exercise, 'params'>,
	given: Readonly<Record<string, string>> = {}
): { values: Record<string, string>; invalid: string[] } {
	const values: Record<string, string> = {};
	const invalid: string[] = [];
	for (const [name, param] of Object.entries(exercise.params)) {
		const value = given[name]?.trim();
		if (value === undefined || value === '') values[name] = param.example;
		else if (new RegExp(`^(?:${param.pattern})$`).test(value)) values[name] = value;
		else {
			values[name] = param.example;
			invalid.push(name);
		}
	}
	return { values, invalid };
}

/** Parses one exercise file according to its kind. */
function parseFile(kind: ParsedFile['kind'], text: string): ParsedFile {
	return kind === 'dockerfile'
		? { kind: 'dockerfile', doc: parseDockerfile(text) }
		: { kind, doc: parseYamlText(text) };
}

/**
 * Grades a learner's files against an exercise: its checks plus the validator's rules. A terminal
 * exercise's `commands.txt` is replayed in the simulated terminal over the context files instead.
 */
export function gradeExercise(
	exercise: Exercise,
	files: Readonly<Record<string, string>>,
	options: GradeOptions
): GradeResult {
	const { values, invalid } = resolveParams(exercise, options.params);
	const env = { center: options.center, context: options.context ?? {} };
	const parsed = new Map<string, ParsedFile>();
	const diagnostics: FileDiagnostic[] = [];
	const paramChecks: CheckOutcome[] = invalid.map((name) => ({
		id: `param-${name}`,
		description: `A valid value for: ${exercise.params[name]?.label ?? name}.`,
		passed: false,
		message: `The value given for ${name} does not have the expected form.`,
	}));
	if (exercise.terminal) {
		const task = substituteDeep(exercise.terminal, values);
		const replay = { center: options.center, files: env.context, params: values };
		const checks = [...paramChecks, ...gradeScript(task, files[COMMANDS_FILE] ?? '', replay)];
		return { passed: checks.every((c) => c.passed), checks, diagnostics, errors: 0 };
	}
	for (const file of exercise.files) {
		const kind = file.kind;
		if (kind === SCRIPT_KIND) continue;
		const text = files[file.name] ?? '';
		parsed.set(file.name, parseFile(kind, text));
		for (const d of validate(kind, text, { center: options.center })) {
			diagnostics.push({ ...d, file: file.name });
		}
	}
	const checks: CheckOutcome[] = [...paramChecks];
	for (const raw of exercise.checks) {
		const check: Check = substituteDeep(raw, values);
		const file = checkFile(check, exercise.files);
		const doc = file ? parsed.get(file.name) : undefined;
		const outcome: CheckOutcome = { id: check.id, description: check.description, passed: false };
		if (!file || !doc) {
			checks.push({
				...outcome,
				message: 'The file this check reads is not part of the exercise.',
			});
			continue;
		}
		const result = runCheck(check, doc, env);
		checks.push({
			...outcome,
			passed: result.passed,
			file: file.name,
			...(result.range ? { range: result.range } : {}),
			...(result.message !== undefined && !result.passed ? { message: result.message } : {}),
		});
	}
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	return { passed: errors === 0 && checks.every((c) => c.passed), checks, diagnostics, errors };
}
