import { z } from 'zod';
import { CHECK_FILE_KIND, CheckSchema, type Check } from './check-args.js';
import { isValidRegex } from './pattern.js';
import { COMMANDS_FILE, TerminalTaskSchema } from './terminal.js';

/** Slugs of the six chapters, in course order. */
export const CHAPTER_SLUGS = [
	's1-meet-spin',
	'l1-first-app',
	's2-running-services',
	'l2-run-in-spin',
	's3-storage-secrets',
	'l3-managing-services',
] as const;

/** Exercise kinds: the main file a learner edits, or a simulated terminal task. */
export const EXERCISE_KINDS = ['dockerfile', 'compose', 'k8s', 'terminal'] as const;

/** Kinds of editable files. */
export const FILE_KINDS = ['dockerfile', 'compose', 'k8s'] as const;

export { checkFile, SCRIPT_KIND } from './check-kinds.js';
import { SCRIPT_KIND } from './check-kinds.js';

export { PLACEHOLDER } from './params.js';
import { PLACEHOLDER } from './params.js';

/** One file the learner edits. */
export const ExerciseFileSchema = z
	.object({
		/** Path relative to `starter/` and `solution/`, e.g. `Dockerfile` or `deploy.yaml`. */
		name: z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a relative file path'),
		/** How the file is parsed and validated; a `commands` script is replayed in the terminal. */
		kind: z.enum([...FILE_KINDS, SCRIPT_KIND]),
	})
	.strict();

/** A learner-specific value such as a UID, substituted for `{{name}}`. */
export const ExerciseParamSchema = z
	.object({
		/** Label of the input field, e.g. "Your NERSC UID (id -u)". */
		label: z.string().min(3),
		/** Regular expression the whole value must match. */
		pattern: z.string().min(1).refine(isValidRegex, 'the pattern must compile'),
		/** A value that matches `pattern`, used in examples and when none is given. */
		example: z.string().min(1),
	})
	.strict()
	.refine((p) => new RegExp(`^(?:${p.pattern})$`).test(p.example), {
		message: 'the example must match the pattern',
		path: ['example'],
	});

/** `exercises/<id>/exercise.yaml`: one exercise; its files live beside it in folders. */
export const ExerciseSchema = z
	.object({
		/** Kebab-case id, equal to the folder name. */
		id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
		/** Short title shown above the editor. */
		title: z.string().min(3).max(80),
		/** Slug of the chapter the exercise belongs to. */
		chapter: z.enum(CHAPTER_SLUGS),
		/** The exercise's main kind. */
		kind: z.enum(EXERCISE_KINDS),
		/** The task in Markdown, in the learner's terms; may use `{{param}}` placeholders. */
		task: z.string().min(40),
		/** The files the learner edits (the starter and the solution hold one of each). */
		files: z.array(ExerciseFileSchema).default([]),
		/** Learner-specific values, by placeholder name. */
		params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), ExerciseParamSchema).default({}),
		/** The checks that define success, in the order they are shown (none for a terminal exercise). */
		checks: z.array(CheckSchema).default([]),
		/** A terminal exercise's setup commands and checks on the simulated engine's state. */
		terminal: TerminalTaskSchema.optional(),
		/** Hints that unlock one at a time, from gentle to specific. */
		hints: z.array(z.string().min(10)).min(3),
	})
	.strict()
	.superRefine((exercise, ctx) => {
		for (const issue of exerciseIssues(exercise)) ctx.addIssue({ code: 'custom', ...issue });
	});

/** A parsed exercise. */
export type Exercise = z.output<typeof ExerciseSchema>;
/** An exercise as written in YAML. */
export type ExerciseInput = z.input<typeof ExerciseSchema>;
/** One editable file of an exercise. */
export type ExerciseFile = z.output<typeof ExerciseFileSchema>;
/** One parameter of an exercise. */
export type ExerciseParam = z.output<typeof ExerciseParamSchema>;

/** A cross-field problem found in an exercise. */
interface Issue {
	message: string;
	path: (string | number)[];
}

/** Exercise fields that the refinement reads. */
type ExerciseShape = Pick<Exercise, 'kind' | 'task' | 'files' | 'params' | 'checks' | 'hints'> &
	Partial<Pick<Exercise, 'terminal'>>;

/** Lists the cross-field problems of an exercise: files, check targets, ids and placeholders. */
export function exerciseIssues(exercise: ExerciseShape): Issue[] {
	const issues: Issue[] = [];
	const names = exercise.files.map((f) => f.name);
	names.forEach((name, i) => {
		if (names.indexOf(name) !== i)
			issues.push({ message: `file ${name} is listed twice`, path: ['files', i] });
	});
	if (exercise.kind !== 'terminal' && !exercise.files.some((f) => f.kind === exercise.kind)) {
		issues.push({
			message: `a ${exercise.kind} exercise needs a ${exercise.kind} file`,
			path: ['files'],
		});
	}
	issues.push(...terminalIssues(exercise));
	const ids = new Set<string>();
	exercise.checks.forEach((check, i) => {
		if (ids.has(check.id))
			issues.push({ message: `check id ${check.id} is used twice`, path: ['checks', i, 'id'] });
		ids.add(check.id);
		const problem = checkFileProblem(check, exercise.files);
		if (problem) issues.push({ message: problem, path: ['checks', i, 'file'] });
	});
	const declared = new Set(Object.keys(exercise.params));
	const text = JSON.stringify([exercise.task, exercise.checks, exercise.hints, exercise.terminal]);
	for (const m of text.matchAll(PLACEHOLDER)) {
		const name = m[1] ?? '';
		if (!declared.has(name))
			issues.push({ message: `placeholder {{${name}}} is not a declared param`, path: ['params'] });
	}
	return issues;
}

/** Lists the problems of the terminal parts: a terminal exercise has its block and script only. */
function terminalIssues(exercise: ExerciseShape): Issue[] {
	const issues: Issue[] = [];
	const scripts = exercise.files.filter((f) => f.kind === SCRIPT_KIND);
	if (exercise.kind !== 'terminal') {
		if (exercise.checks.length === 0)
			issues.push({ message: `a ${exercise.kind} exercise needs checks`, path: ['checks'] });
		if (exercise.terminal)
			issues.push({ message: 'only a terminal exercise has a terminal block', path: ['terminal'] });
		if (scripts.length > 0)
			issues.push({ message: 'only a terminal exercise has a commands file', path: ['files'] });
		return issues;
	}
	if (!exercise.terminal)
		issues.push({ message: 'a terminal exercise needs a terminal block', path: ['terminal'] });
	if (exercise.checks.length > 0)
		issues.push({
			message: 'a terminal exercise is checked by its terminal checks only',
			path: ['checks'],
		});
	if (exercise.files.length !== 1 || scripts[0]?.name !== COMMANDS_FILE)
		issues.push({
			message: `a terminal exercise has one file, ${COMMANDS_FILE}, of kind ${SCRIPT_KIND}`,
			path: ['files'],
		});
	return issues;
}

/** Explains why a check has no single file of its kind to read, or returns null. */
function checkFileProblem(check: Check, files: readonly ExerciseFile[]): string | null {
	const kind = CHECK_FILE_KIND[check.type];
	if (check.file !== undefined) {
		const file = files.find((f) => f.name === check.file);
		if (!file) return `check ${check.id} reads ${check.file}, which is not an exercise file`;
		return file.kind === kind
			? null
			: `check ${check.id} needs a ${kind} file, ${file.name} is ${file.kind}`;
	}
	const candidates = files.filter((f) => f.kind === kind);
	if (candidates.length === 1) return null;
	return candidates.length === 0
		? `check ${check.id} needs a ${kind} file`
		: `check ${check.id} must name its file: several ${kind} files exist`;
}
