import { hashString } from '../hash.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { BUNDLE_MAX_BYTES, BundleSchema, type Bundle, type BundleBody } from './bundle-schema.js';
import { canonicalJson } from './canonical-json.js';
import { deflateRaw, inflateRaw } from './deflate.js';

/**
 * The copyable form of a bundle: `SPINUP1.` + base64url(deflate-raw(JSON)), and the file form:
 * the same JSON, indented. Reading either never throws; it returns a result with a stable code.
 */

/** Prefix of the copyable form. */
export const BUNDLE_PREFIX = 'SPINUP1.';

/** Why a bundle could not be read, one code per kind of problem. */
export const BUNDLE_ERROR_CODES = [
	'bad-prefix',
	'too-large',
	'bad-base64',
	'bad-compression',
	'bad-json',
	'schema',
	'bad-digest',
	'unsupported',
] as const;

/** One reason a bundle could not be read. */
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

/** A bundle, or the reason there is none (`path` locates a schema error, e.g. `learner.email`). */
export type BundleResult =
	| { ok: true; bundle: Bundle }
	| { ok: false; code: BundleErrorCode; message: string; path?: string };

/** The copyable text, or why it could not be made. */
export type EncodeResult =
	{ ok: true; text: string } | { ok: false; code: 'too-large' | 'unsupported'; message: string };

const LIMIT_KB = BUNDLE_MAX_BYTES / 1024;

/** Builds a failed result. */
function fail(code: BundleErrorCode, message: string, path?: string): BundleResult {
	return path === undefined ? { ok: false, code, message } : { ok: false, code, message, path };
}

/** Computes a bundle body's digest: SHA-256 of its canonical JSON. */
export function bundleDigest(body: BundleBody): string {
	const { format, version, createdAt, courseVersion, validator, learner, attendance, exercises } =
		body;
	return hashString(
		canonicalJson({
			format,
			version,
			createdAt,
			courseVersion,
			validator,
			learner,
			attendance,
			exercises,
		})
	);
}

/** Adds the digest to a bundle body. */
export function sealBundle(body: BundleBody): Bundle {
	return { ...body, digest: bundleDigest(body) };
}

/** Checks parsed JSON against the bundle schema and its digest. */
export function validateBundle(value: unknown): BundleResult {
	const parsed = BundleSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue ? issue.path.join('.') : '';
		const where = path === '' ? 'bundle' : path;
		return fail(
			'schema',
			`The bundle does not fit the format at ${where}: ${issue?.message ?? 'invalid'}.`,
			where
		);
	}
	if (bundleDigest(parsed.data) !== parsed.data.digest) {
		return fail(
			'bad-digest',
			'The bundle was changed after it was made: its digest does not match.'
		);
	}
	return { ok: true, bundle: parsed.data };
}

/** Parses JSON text into a bundle. */
function fromJsonText(text: string): BundleResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return fail('bad-json', 'The bundle is not valid JSON.');
	}
	return validateBundle(value);
}

/** Reads the file form (indented JSON). */
export function parseBundleJson(text: unknown): BundleResult {
	if (typeof text !== 'string') return fail('bad-json', 'Expected the text of a bundle file.');
	if (new TextEncoder().encode(text).length > BUNDLE_MAX_BYTES) {
		return fail('too-large', `The bundle is larger than ${LIMIT_KB} kB.`);
	}
	return fromJsonText(text);
}

/** Decodes the copyable form; surrounding white space is ignored. */
export async function decodeBundle(text: unknown): Promise<BundleResult> {
	try {
		if (typeof text !== 'string') return fail('bad-prefix', 'Expected text starting with SPINUP1.');
		const trimmed = text.trim();
		if (trimmed.length > BUNDLE_MAX_BYTES) {
			return fail('too-large', `The bundle text is longer than ${LIMIT_KB} kB.`);
		}
		if (!trimmed.startsWith(BUNDLE_PREFIX)) {
			return fail('bad-prefix', 'This is not a SpinUp bundle: it must start with SPINUP1.');
		}
		const packed = decodeBase64Url(trimmed.slice(BUNDLE_PREFIX.length));
		if (!packed || packed.length === 0) {
			return fail('bad-base64', 'The bundle text is damaged: it is not valid base64url.');
		}
		const inflated = await inflateRaw(packed, BUNDLE_MAX_BYTES);
		if (!inflated.ok) {
			if (inflated.reason === 'too-large') {
				return fail('too-large', `The bundle unpacks to more than ${LIMIT_KB} kB.`);
			}
			if (inflated.reason === 'unsupported') {
				return fail('unsupported', 'This browser cannot unpack bundles (no DecompressionStream).');
			}
			return fail('bad-compression', 'The bundle text is damaged: it does not unpack.');
		}
		let json: string;
		try {
			json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
		} catch {
			return fail('bad-json', 'The bundle unpacks to something that is not UTF-8 text.');
		}
		return fromJsonText(json);
	} catch (error) {
		return fail('bad-compression', `The bundle could not be unpacked (${String(error)}).`);
	}
}

/** Reads either form: the `SPINUP1.` text or the JSON file. */
export async function readBundleText(text: unknown): Promise<BundleResult> {
	if (typeof text === 'string' && text.trimStart().startsWith('{')) return parseBundleJson(text);
	return decodeBundle(text);
}

/** Encodes a bundle in its copyable form; never throws. */
export async function encodeBundle(bundle: Bundle): Promise<EncodeResult> {
	try {
		const json = new TextEncoder().encode(JSON.stringify(bundle));
		if (json.length > BUNDLE_MAX_BYTES) {
			return { ok: false, code: 'too-large', message: `The bundle is larger than ${LIMIT_KB} kB.` };
		}
		const packed = await deflateRaw(json);
		if (!packed) {
			return { ok: false, code: 'unsupported', message: 'This browser cannot pack bundles.' };
		}
		const text = BUNDLE_PREFIX + encodeBase64Url(packed);
		if (text.length > BUNDLE_MAX_BYTES) {
			return {
				ok: false,
				code: 'too-large',
				message: `The bundle text is longer than ${LIMIT_KB} kB.`,
			};
		}
		return { ok: true, text };
	} catch (error) {
		return {
			ok: false,
			code: 'unsupported',
			message: `The bundle could not be packed (${String(error)}).`,
		};
	}
}

/** Writes the file form: indented JSON with a final newline. */
export function bundleToJson(bundle: Bundle): string {
	return `${JSON.stringify(bundle, null, '\t')}\n`;
}
