import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildBundle } from '../../../../src/core/completion/bundle-build.js';
import {
	bundleDigest,
	bundleToJson,
	decodeBundle,
	encodeBundle,
	parseBundleJson,
	readBundleText,
	sealBundle,
} from '../../../../src/core/completion/bundle-codec.js';
import { BUNDLE_MAX_BYTES, type Bundle } from '../../../../src/core/completion/bundle-schema.js';
import { sampleProgress, TEST_VALIDATOR_HASH } from './fixtures.js';

const OPTIONS = {
	createdAt: '2025-03-01T12:00:00.000Z',
	validatorVersion: '1.0.0',
	validatorHash: TEST_VALIDATOR_HASH,
};

/** Builds the sample bundle or fails the test. */
function sampleBundle(): Bundle {
	const built = buildBundle(sampleProgress(), OPTIONS);
	if (!built.ok) throw new Error(`${built.path}: ${built.message}`);
	return built.bundle;
}

/** Packs a string (or bytes) as Node's zlib would, with the SPINUP1 prefix. */
function pack(data: string | Uint8Array): string {
	return `SPINUP1.${deflateRawSync(data).toString('base64url')}`;
}

describe('buildBundle', () => {
	test('records the learner, sessions and exercises with saved files, normalised', () => {
		const bundle = sampleBundle();
		expect(bundle.learner).toEqual({
			username: 'alice',
			email: 'alice@example.org',
			name: 'Alice Example',
		});
		expect(bundle.attendance).toEqual({ 's1-meet-spin': '5RGE3GMTDA' });
		expect(Object.keys(bundle.exercises)).toEqual(['capstone', 'flask-image']);
		expect(bundle.exercises['capstone']).toEqual({
			files: { Dockerfile: 'FROM python:3.12-slim\n', 'deploy.yaml': 'kind: Deployment\n' },
			params: { uid: '54321', gid: '60123' },
			passed: false,
			solutionShown: true,
		});
		expect(bundle).toMatchObject({
			format: 'spinup-completion-bundle',
			version: 1,
			courseVersion: '1',
			createdAt: OPTIONS.createdAt,
			validator: { version: '1.0.0', hash: TEST_VALIDATOR_HASH },
		});
		expect(bundle.digest).toBe(bundleDigest(bundle));
	});

	test('keeps only the listed exercises', () => {
		const built = buildBundle(sampleProgress(), { ...OPTIONS, exerciseIds: ['flask-image'] });
		expect(built.ok && Object.keys(built.bundle.exercises)).toEqual(['flask-image']);
	});

	test('names the field to fix when the learner is incomplete', () => {
		const progress = sampleProgress();
		progress.learner.email = 'not-an-address';
		expect(buildBundle(progress, OPTIONS)).toMatchObject({ ok: false, path: 'learner.email' });
		delete progress.learner.username;
		expect(buildBundle(progress, OPTIONS)).toMatchObject({ ok: false, path: 'learner.username' });
	});

	test('refuses a mistyped attendance code with its session', () => {
		const progress = sampleProgress();
		progress.attendance['s3-storage-secrets'] = 'ABC';
		expect(buildBundle(progress, OPTIONS)).toMatchObject({
			ok: false,
			path: 'attendance.s3-storage-secrets',
		});
	});
});

describe('encodeBundle and decodeBundle', () => {
	test('round-trip a bundle through the SPINUP1 text', async () => {
		const bundle = sampleBundle();
		const encoded = await encodeBundle(bundle);
		if (!encoded.ok) throw new Error(encoded.message);
		expect(encoded.text).toMatch(/^SPINUP1\.[A-Za-z0-9_-]+$/);
		expect(await decodeBundle(encoded.text)).toEqual({ ok: true, bundle });
		expect(await decodeBundle(`\n  ${encoded.text}\n`)).toEqual({ ok: true, bundle });
	});

	test('read text compressed by another DEFLATE implementation', async () => {
		const bundle = sampleBundle();
		expect(await decodeBundle(pack(JSON.stringify(bundle)))).toEqual({ ok: true, bundle });
	});

	test('round-trip the file form, and readBundleText takes either form', async () => {
		const bundle = sampleBundle();
		const file = bundleToJson(bundle);
		expect(parseBundleJson(file)).toEqual({ ok: true, bundle });
		expect(await readBundleText(file)).toEqual({ ok: true, bundle });
		expect(await readBundleText(pack(JSON.stringify(bundle)))).toEqual({ ok: true, bundle });
	});

	test('refuse to encode a bundle over 256 kB', async () => {
		const bundle = sampleBundle();
		const big = sealBundle({
			...bundle,
			exercises: {
				...bundle.exercises,
				'flask-image': {
					files: { Dockerfile: 'x'.repeat(BUNDLE_MAX_BYTES) },
					params: {},
					passed: true,
					solutionShown: false,
				},
			},
		});
		expect(await encodeBundle(big)).toMatchObject({ ok: false, code: 'too-large' });
	});
});

describe('decodeBundle errors', () => {
	test.each([
		['non-text input', 42, 'bad-prefix'],
		['a wrong prefix', 'SPINUP2.AAAA', 'bad-prefix'],
		['a lower-case prefix', 'spinup1.AAAA', 'bad-prefix'],
		['an empty body', 'SPINUP1.', 'bad-base64'],
		['characters outside base64url', 'SPINUP1.ab+/', 'bad-base64'],
		['white space inside', 'SPINUP1.abc def', 'bad-base64'],
		['an impossible length', 'SPINUP1.abcde', 'bad-base64'],
		[
			'an invalid DEFLATE block type',
			`SPINUP1.${Buffer.from([0xff, 0xff, 0xff]).toString('base64url')}`,
			'bad-compression',
		],
		[
			'a truncated DEFLATE stream',
			pack('{"format":"spinup-completion-bundle"}').slice(0, 20),
			'bad-compression',
		],
		['text over 256 kB', `SPINUP1.${'A'.repeat(BUNDLE_MAX_BYTES)}`, 'too-large'],
		['a small bomb that unpacks past 256 kB', pack(' '.repeat(BUNDLE_MAX_BYTES + 1)), 'too-large'],
		['non-JSON content', pack('hello'), 'bad-json'],
		['non-UTF-8 content', pack(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'bad-json'],
	])('reports %s', async (_name, input, code) => {
		const result = await decodeBundle(input);
		expect(result).toMatchObject({ ok: false, code });
		expect(!result.ok && result.message.length).toBeGreaterThan(10);
	});

	test('report a schema error with its path', async () => {
		const bundle = sampleBundle();
		const wrong = { ...bundle, learner: { ...bundle.learner, email: 'nobody' } };
		const result = await decodeBundle(pack(JSON.stringify(wrong)));
		expect(result).toMatchObject({ ok: false, code: 'schema', path: 'learner.email' });
		expect(!result.ok && result.message).toContain('learner.email');
		const extra = await decodeBundle(pack(JSON.stringify({ ...bundle, extra: 1 })));
		expect(extra).toMatchObject({ ok: false, code: 'schema', path: 'bundle' });
	});

	test('report a bundle changed after it was sealed', async () => {
		const bundle = sampleBundle();
		const changed = { ...bundle, learner: { ...bundle.learner, name: 'Mallory' } };
		expect(await decodeBundle(pack(JSON.stringify(changed)))).toMatchObject({
			ok: false,
			code: 'bad-digest',
		});
	});
});

describe('parseBundleJson errors', () => {
	test('reports non-JSON, oversized and wrongly shaped files', () => {
		expect(parseBundleJson('{')).toMatchObject({ ok: false, code: 'bad-json' });
		expect(parseBundleJson(null)).toMatchObject({ ok: false, code: 'bad-json' });
		expect(parseBundleJson(`"${'x'.repeat(BUNDLE_MAX_BYTES)}"`)).toMatchObject({
			ok: false,
			code: 'too-large',
		});
		expect(parseBundleJson('{"version":2}')).toMatchObject({ ok: false, code: 'schema' });
	});
});
