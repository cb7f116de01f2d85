import { hashString } from '../hash.js';

/**
 * Similarity of one exercise's solutions between learners, to flag copied work.
 *
 * A solution's files are joined in name order, the learner's own param values (UID, GID …) are
 * put back as `{{name}}` placeholders, comments are dropped, and the rest is cut into lower-case
 * tokens. Two solutions are *identical* when their token lists are equal, and *near-identical*
 * when the Jaccard index of their distinctive 5-token shingles is at least 0.9. Distinctive
 * shingles are those found in neither the starter nor the published solution: two learners who
 * both wrote (or revealed) the model answer share its shingles for an innocent reason, so only
 * what they wrote beyond it is compared. Solutions equal to the starter or to the published
 * solution are never paired, nor are solutions with fewer than 8 distinctive shingles (too close
 * to the model answer to tell copying from agreement), and exercises whose published solution is
 * short are skipped.
 */

/** Shingle size, in tokens. */
export const SHINGLE_SIZE = 5;
/** Jaccard index from which two solutions are near-identical. */
export const NEAR_IDENTICAL = 0.9;
/** Fewest tokens in the published solution for an exercise to be compared at all. */
export const MIN_SOLUTION_TOKENS = 40;
/** Fewest distinctive shingles on each side for two solutions to be compared. */
export const MIN_DISTINCT_SHINGLES = 8;

/** Files of one exercise by name, and the params they were written with. */
export interface Solution {
	files: Readonly<Record<string, string>>;
	params: Readonly<Record<string, string>>;
}

/** What is compared of one solution. */
export interface Fingerprint {
	/** SHA-256 of the normalised token list. */
	hash: string;
	/** Shingles found in neither the starter nor the published solution. */
	distinct: ReadonlySet<string>;
}

/** The starter's and the published solution's fingerprints of one exercise. */
export interface Reference {
	starterHash: string;
	solutionHash: string;
	shingles: ReadonlySet<string>;
	/** False when the published solution is too short to tell copying from agreement. */
	comparable: boolean;
}

/** How two solutions of one exercise relate. */
export type Likeness = 'identical' | 'near-identical' | 'different' | 'not-compared';

/** Escapes a string for use in a regular expression. */
function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits files into normalised tokens. */
export function solutionTokens(solution: Solution): string[] {
	const names = Object.keys(solution.files).sort();
	let text = names.map((name) => `\n@@file ${name}\n${solution.files[name] ?? ''}`).join('');
	const params = Object.entries(solution.params)
		.filter(([, value]) => value.length >= 2)
		.sort((a, b) => b[1].length - a[1].length);
	for (const [name, value] of params) {
		text = text.replace(new RegExp(`(?<![\\w])${escapeRegex(value)}(?![\\w])`, 'g'), `{{${name}}}`);
	}
	text = text.replace(/(^|\s)#[^\n]*/g, '$1');
	return text.toLowerCase().match(/[a-z0-9_]+|[^\sa-z0-9_]/g) ?? [];
}

/** Cuts tokens into overlapping shingles. */
export function shingles(tokens: readonly string[], size: number = SHINGLE_SIZE): Set<string> {
	const out = new Set<string>();
	if (tokens.length > 0 && tokens.length < size) out.add(tokens.join(' '));
	for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
	return out;
}

/** Computes the Jaccard index of two sets (1 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 && b.size === 0) return 1;
	let shared = 0;
	for (const item of a) if (b.has(item)) shared++;
	return shared / (a.size + b.size - shared);
}

/** Builds an exercise's reference from its starter and published solution files. */
export function reference(starter: Solution, solution: Solution): Reference {
	const starterTokens = solutionTokens(starter);
	const solutionTokenList = solutionTokens(solution);
	return {
		starterHash: hashString(starterTokens.join(' ')),
		solutionHash: hashString(solutionTokenList.join(' ')),
		shingles: new Set([...shingles(starterTokens), ...shingles(solutionTokenList)]),
		comparable: solutionTokenList.length >= MIN_SOLUTION_TOKENS,
	};
}

/** Fingerprints a learner's solution against the exercise's reference. */
export function fingerprint(solution: Solution, ref: Reference): Fingerprint {
	const tokens = solutionTokens(solution);
	const distinct = new Set([...shingles(tokens)].filter((s) => !ref.shingles.has(s)));
	return { hash: hashString(tokens.join(' ')), distinct };
}

/** True when a fingerprint is the starter or the published solution itself. */
export function isReferenceText(print: Fingerprint, ref: Reference): boolean {
	return print.hash === ref.starterHash || print.hash === ref.solutionHash;
}

/** Compares two learners' fingerprints of one exercise; returns the verdict and the index. */
export function compare(
	a: Fingerprint,
	b: Fingerprint,
	ref: Reference
): { likeness: Likeness; score: number } {
	if (!ref.comparable || isReferenceText(a, ref) || isReferenceText(b, ref)) {
		return { likeness: 'not-compared', score: 0 };
	}
	if (a.distinct.size < MIN_DISTINCT_SHINGLES || b.distinct.size < MIN_DISTINCT_SHINGLES) {
		return { likeness: 'not-compared', score: 0 };
	}
	if (a.hash === b.hash) return { likeness: 'identical', score: 1 };
	const score = jaccard(a.distinct, b.distinct);
	return { likeness: score >= NEAR_IDENTICAL ? 'near-identical' : 'different', score };
}
