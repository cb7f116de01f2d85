import type { Center } from '../center.js';
import type { Diagnostic, Range, SourceKind } from '../types.js';
import type { Check } from './check-args.js';
import { checkFile, SCRIPT_KIND } from './check-kinds.js';
import type { CheckEnv, CheckResult } from './checks/types.js';
import type { ParsedFile } from './checks/run.js';
import { substituteParams } from './params.js';
import type { Exercise } from './schema.js';

/**
 * Grading shared by every kind of exercise: params, checks and verdict. It imports no parser,
 * validator or simulator; a `FileGrader` brings those for the kinds of files it knows, so a
 * browser grading a Dockerfile exercise loads the Dockerfile code alone.
 */

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

/** What grading needs for some kinds of files: their parser, validator and checks. */
export interface FileGrader {
	/** The kinds of files this grader reads. */
	kinds: readonly SourceKind[];
	parse(kind: SourceKind, text: string): ParsedFile;
	validate(kind: SourceKind, text: string, options: { center: Center }): Diagnostic[];
	/** Runs one check over its parsed file; never throws. */
	check(check: Check, file: ParsedFile, env: CheckEnv): CheckResult;
}

/** Replaces placeholders in every string of a JSON-like value. */
export function substituteDeep<T>(value: T, params: Readonly<Record<string, string>>): T {
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

/** Failed checks for the params whose given value does not have the expected form. */
export function paramOutcomes(
	exercise: Pick<Exercise, 'params'>,
	invalid: string[]
): CheckOutcome[] {
	return invalid.map((name) => ({
		id: `param-${name}`,
		description: `A valid value for: ${exercise.params[name]?.label ?? name}.`,
		passed: false,
		message: `The value given for ${name} does not have the expected form.`,
	}));
}

/** The file kinds (commands scripts aside) an exercise's files use, in order of first use. */
export function fileKinds(exercise: Pick<Exercise, 'files'>): SourceKind[] {
	const kinds: SourceKind[] = [];
	for (const { kind } of exercise.files) {
		if (kind !== SCRIPT_KIND && !kinds.includes(kind)) kinds.push(kind);
	}
	return kinds;
}

/** Grades a file exercise: its checks plus the validator's rules over each file. */
export function gradeFiles(
	exercise: Exercise,
	files: Readonly<Record<string, string>>,
	options: GradeOptions,
	grader: FileGrader
): GradeResult {
	const missing = fileKinds(exercise).filter((kind) => !grader.kinds.includes(kind));
	if (missing.length > 0) throw new Error(`This grader cannot read ${missing.join(', ')} files.`);
	const { values, invalid } = resolveParams(exercise, options.params);
	const env = { center: options.center, context: options.context ?? {} };
	const parsed = new Map<string, ParsedFile>();
	const diagnostics: FileDiagnostic[] = [];
	for (const file of exercise.files) {
		const kind = file.kind;
		if (kind === SCRIPT_KIND) continue;
		const text = files[file.name] ?? '';
		parsed.set(file.name, grader.parse(kind, text));
		for (const d of grader.validate(kind, text, { center: options.center })) {
			diagnostics.push({ ...d, file: file.name });
		}
	}
	const checks: CheckOutcome[] = paramOutcomes(exercise, invalid);
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
		const result = grader.check(check, doc, env);
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
