import { z } from 'zod';
import { SESSION_IDS } from './sessions.js';

/**
 * The completion bundle, version 1: what a graduate sends to course staff. It is unsigned (a
 * static site keeps no secret); staff re-check everything in it.
 *
 * {
 *   format: 'spinup-completion-bundle', version: 1,
 *   createdAt: ISO time,
 *   courseVersion: '1',
 *   validator: { version: VALIDATOR_VERSION, hash: rulesetHash(center) },
 *   learner: { username: NERSC user name, email, name: display name },
 *   attendance: { [sessionId]?: 10-character code },
 *   exercises: { [exerciseId]: { files: { [name]: text }, params: { [name]: value },
 *                                passed: the browser's result, solutionShown } },
 *   digest: SHA-256 (hex) of the canonical JSON of every other field
 * }
 *
 * Deflate-raw carries no checksum, so `digest` is what detects a copy that was damaged on its
 * way (a changed character can still inflate to valid JSON). It is not a signature: anyone can
 * recompute it, and the staff check trusts nothing it has not re-graded.
 */

/** Value of the `format` field. */
export const BUNDLE_FORMAT = 'spinup-completion-bundle';
/** Version of the bundle format. */
export const BUNDLE_VERSION = 1;
/** Largest bundle accepted, encoded or decompressed, in bytes (256 kB). */
export const BUNDLE_MAX_BYTES = 256 * 1024;

/** A user name as Unix systems write them (lower case; the course does not know NERSC's rules). */
export const USERNAME_PATTERN = /^[a-z_][a-z0-9_.-]{0,31}$/;
/** An attendance code: ten RFC 4648 base32 characters. */
export const ATTENDANCE_CODE_PATTERN = /^[A-Z2-7]{10}$/;
/** Lower-case hex SHA-256. */
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');
/** A kebab-case id, as exercise ids are written. */
const KebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

/** Who the learner is. */
export const LearnerSchema = z
	.object({
		/** NERSC user name, lower case. */
		username: z.string().regex(USERNAME_PATTERN, 'a lower-case user name'),
		/** E-mail address; the credential holds only a salted hash of it. */
		email: z.string().max(254).email(),
		/** Display name, for staff reading the bundle. */
		name: z
			.string()
			.max(100)
			.regex(/^\S(.*\S)?$/s, 'a name without surrounding spaces'),
	})
	.strict();

/** One exercise's final state. */
export const BundleExerciseSchema = z
	.object({
		/** The final text of each file, by file name. */
		files: z.record(
			z
				.string()
				.max(200)
				.regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a relative file path'),
			z.string().max(BUNDLE_MAX_BYTES)
		),
		/** Learner-specific values such as `uid` and `gid`. */
		params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), z.string().max(200)),
		/** Whether the browser's grading passed. */
		passed: z.boolean(),
		/** Whether the learner revealed the published solution. */
		solutionShown: z.boolean(),
	})
	.strict();

/** Attendance codes, by session. */
export const AttendanceSchema = z
	.object(
		Object.fromEntries(
			SESSION_IDS.map((id) => [
				id,
				z.string().regex(ATTENDANCE_CODE_PATTERN, 'ten base32 characters').optional(),
			])
		) as Record<(typeof SESSION_IDS)[number], z.ZodOptional<z.ZodString>>
	)
	.strict();

/** Fields of a bundle other than its digest. */
export const BundleBodySchema = z
	.object({
		/** Always `spinup-completion-bundle`. */
		format: z.literal(BUNDLE_FORMAT),
		/** Always 1. */
		version: z.literal(BUNDLE_VERSION),
		/** When the browser built the bundle. */
		createdAt: z.string().datetime(),
		/** The course version the learner followed. */
		courseVersion: z.string().regex(/^[0-9A-Za-z.-]{1,20}$/),
		/** The validator the browser graded with. */
		validator: z.object({ version: z.string().min(1).max(40), hash: Sha256Hex }).strict(),
		/** Who the learner is. */
		learner: LearnerSchema,
		/** Attendance codes, by session. */
		attendance: AttendanceSchema,
		/** Final solutions, by exercise id. */
		exercises: z.record(KebabId, BundleExerciseSchema),
	})
	.strict();

/** A whole bundle: its body and the body's digest. */
export const BundleSchema = BundleBodySchema.extend({
	/** SHA-256 of the canonical JSON of every other field. */
	digest: Sha256Hex,
}).strict();

/** A bundle without its digest. */
export type BundleBody = z.output<typeof BundleBodySchema>;
/** A complete, checked bundle. */
export type Bundle = z.output<typeof BundleSchema>;
/** One exercise in a bundle. */
export type BundleExercise = z.output<typeof BundleExerciseSchema>;
/** Who the learner is. */
export type BundleLearner = z.output<typeof LearnerSchema>;
