import type { Progress } from '../progress/schema.js';
import {
	BUNDLE_FORMAT,
	BUNDLE_VERSION,
	BundleBodySchema,
	type Bundle,
	type BundleExercise,
} from './bundle-schema.js';
import { sealBundle } from './bundle-codec.js';
import { COURSE_VERSION } from './issuer.js';
import { SESSION_IDS } from './sessions.js';

/** What a bundle records besides the progress itself. */
export interface BuildBundleOptions {
	/** When the bundle is made (ISO time from the caller's clock). */
	createdAt: string;
	/** `VALIDATOR_VERSION` of the code that graded in the browser. */
	validatorVersion: string;
	/** `rulesetHash(center)` of the code that graded in the browser. */
	validatorHash: string;
	/** The course version; defaults to `COURSE_VERSION`. */
	courseVersion?: string;
	/** Only these exercises (default: every exercise with saved files). */
	exerciseIds?: readonly string[];
}

/** The bundle, or the first field the learner still has to fix. */
export type BuildBundleResult =
	{ ok: true; bundle: Bundle } | { ok: false; path: string; message: string };

/** Normalises a typed attendance code: upper case, no spaces or dashes. */
export function normalizeAttendanceCode(code: string): string {
	return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** Collects the attendance codes of the instructional sessions. */
function attendanceOf(progress: Progress): Record<string, string> {
	const out: Record<string, string> = {};
	for (const id of SESSION_IDS) {
		const code = normalizeAttendanceCode(progress.attendance[id] ?? '');
		if (code !== '') out[id] = code;
	}
	return out;
}

/** Collects the exercises that have saved files. */
function exercisesOf(
	progress: Progress,
	only: readonly string[] | undefined
): Record<string, BundleExercise> {
	const out: Record<string, BundleExercise> = {};
	const ids = Object.keys(progress.exercises).sort();
	for (const id of ids) {
		const saved = progress.exercises[id];
		if (!saved || Object.keys(saved.files).length === 0) continue;
		if (only && !only.includes(id)) continue;
		out[id] = {
			files: { ...saved.files },
			params: Object.fromEntries(Object.entries(saved.params).map(([k, v]) => [k, v.trim()])),
			passed: saved.passed,
			solutionShown: saved.solutionShown,
		};
	}
	return out;
}

/** Builds a sealed completion bundle from saved progress; never throws. */
export function buildBundle(progress: Progress, options: BuildBundleOptions): BuildBundleResult {
	const body = {
		format: BUNDLE_FORMAT,
		version: BUNDLE_VERSION,
		createdAt: options.createdAt,
		courseVersion: options.courseVersion ?? COURSE_VERSION,
		validator: { version: options.validatorVersion, hash: options.validatorHash },
		learner: {
			username: (progress.learner.username ?? '').trim().toLowerCase(),
			email: (progress.learner.email ?? '').trim(),
			name: (progress.learner.name ?? '').trim().replace(/\s+/g, ' '),
		},
		attendance: attendanceOf(progress),
		exercises: exercisesOf(progress, options.exerciseIds),
	};
	const parsed = BundleBodySchema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return {
			ok: false,
			path: issue ? issue.path.join('.') : '',
			message: issue?.message ?? 'invalid bundle',
		};
	}
	return { ok: true, bundle: sealBundle(parsed.data) };
}
