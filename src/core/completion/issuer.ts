/**
 * Who issues the completion credential and what it attests, as data. The site renders the issuer
 * profile and achievement pages from the same values, and the credential embeds them.
 *
 * Identifiers are page URLs under the site origin (the `site` of `astro.config.mjs`):
 *   issuer       <origin>/credentials/issuer/
 *   achievement  <origin>/credentials/spinup-v<course version>/
 */

/** The site origin used when none is given (`site` in `astro.config.mjs`). */
export const DEFAULT_ORIGIN = 'https://spinup.example.org';

/**
 * Version of the course's completion requirements. Bump it when the required exercises or
 * sessions change; the achievement id changes with it, and gates choose which ones they accept.
 */
export const COURSE_VERSION = '1';

/** Name and description of the issuer. */
export const ISSUER = {
	name: 'SpinUp course',
	description:
		'The SpinUp course for users of Spin, the container service platform at NERSC. Course staff ' +
		're-check each completion bundle and sign the credential.',
} as const;

/** What the credential attests, for one course version. */
export const ACHIEVEMENT = {
	name: 'SpinUp course completion',
	description:
		'Completed the SpinUp course: attended the three instructional sessions and solved every ' +
		'required exercise on images, Compose stacks and Kubernetes workloads for Spin.',
	criteria:
		'Attendance codes for the sessions Meet Spin, Running services in Spin, and Storage, secrets ' +
		'and troubleshooting; and every required exercise of the course passing the course ' +
		'validators when re-checked by course staff from the submitted completion bundle.',
	achievementType: 'CertificateOfCompletion',
} as const;

/** An Open Badges 3.0 issuer profile. */
export interface IssuerProfile {
	id: string;
	type: ['Profile'];
	name: string;
	url: string;
	description: string;
}

/** An Open Badges 3.0 achievement. */
export interface Achievement {
	id: string;
	type: ['Achievement'];
	name: string;
	description: string;
	criteria: { narrative: string };
	achievementType: string;
}

/** Returns an origin without its trailing slashes. */
export function normalizeOrigin(origin: string): string {
	return origin.replace(/\/+$/, '');
}

/** Returns the issuer id for a site origin. */
export function issuerId(origin: string = DEFAULT_ORIGIN): string {
	return `${normalizeOrigin(origin)}/credentials/issuer/`;
}

/** Returns the achievement id for a site origin and course version. */
export function achievementId(
	origin: string = DEFAULT_ORIGIN,
	courseVersion: string = COURSE_VERSION
): string {
	return `${normalizeOrigin(origin)}/credentials/spinup-v${courseVersion}/`;
}

/** Builds the issuer profile for a site origin. */
export function issuerProfile(origin: string = DEFAULT_ORIGIN): IssuerProfile {
	return {
		id: issuerId(origin),
		type: ['Profile'],
		name: ISSUER.name,
		url: `${normalizeOrigin(origin)}/`,
		description: ISSUER.description,
	};
}

/** Builds the achievement for a site origin and course version. */
export function achievement(
	origin: string = DEFAULT_ORIGIN,
	courseVersion: string = COURSE_VERSION
): Achievement {
	return {
		id: achievementId(origin, courseVersion),
		type: ['Achievement'],
		name: ACHIEVEMENT.name,
		description: ACHIEVEMENT.description,
		criteria: { narrative: ACHIEVEMENT.criteria },
		achievementType: ACHIEVEMENT.achievementType,
	};
}
