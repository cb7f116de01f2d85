import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { exerciseIds } from '../../src/lib/exercises.js';
import { buildCredential, CREDENTIAL_CONTEXT } from '../../src/core/completion/credential.js';
import {
	achievement,
	achievementId,
	issuerId,
	issuerProfile,
} from '../../src/core/completion/issuer.js';
import { SESSION_IDS } from '../../src/core/completion/sessions.js';
import { DIST, ROOT } from '../helpers/dist.js';

/** Reads a built file as text. */
function built(path: string): string {
	return readFileSync(join(DIST, path), 'utf8');
}

/** Returns the dist file that serves a URL (`…/` → `…/index.html`). */
function fileFor(url: string): string {
	const path = new URL(url).pathname;
	return join(DIST, path.endsWith('/') ? `${path}index.html` : path);
}

/** Reads the JSON-LD embedded in a built page. */
function jsonLd(url: string): unknown {
	const doc = parse(readFileSync(fileFor(url), 'utf8'));
	const script = doc.querySelector('script[type="application/ld+json"]');
	return JSON.parse(script?.text ?? 'null');
}

/** A credential as the staff tool makes it by default. */
const credential = buildCredential({
	email: 'holder@mail.test',
	salt: 'salt',
	jti: 'urn:uuid:00000000-0000-4000-8000-000000000000',
	issuedAt: 1_740_830_400,
	bundleDigest: '0'.repeat(64),
});

describe('published credential files', () => {
	test('/.well-known/jwks.json and /credentials/revoked.json are the files in keys/', () => {
		for (const [path, source] of [
			['.well-known/jwks.json', 'keys/jwks.json'],
			['credentials/revoked.json', 'keys/revoked.json'],
		] as const) {
			expect(JSON.parse(built(path)), path).toEqual(
				JSON.parse(readFileSync(join(ROOT, source), 'utf8'))
			);
		}
		expect(built('.well-known/jwks.json')).not.toMatch(/"d"\s*:/);
	});

	test('the issuer and achievement ids a credential carries resolve to pages in the build', () => {
		const ids = [credential.issuer.id, credential.iss, credential.credentialSubject.achievement.id];
		expect(ids).toEqual([issuerId(), issuerId(), achievementId()]);
		for (const id of ids) expect(existsSync(fileFor(id)), id).toBe(true);
	});

	test('the issuer page and issuer.json hold the profile of issuer.ts', () => {
		const expected = { '@context': [...CREDENTIAL_CONTEXT], ...issuerProfile() };
		expect(jsonLd(issuerId())).toEqual(expected);
		expect(JSON.parse(built('credentials/issuer.json'))).toEqual(expected);
		const doc = parse(readFileSync(fileFor(issuerId()), 'utf8'));
		expect(doc.querySelector('h1')?.text).toBe(issuerProfile().name);
		expect(doc.querySelector('link[rel="alternate"]')?.getAttribute('href')).toBe(
			'/credentials/issuer.json'
		);
	});

	test('the achievement page and its JSON hold the achievement of issuer.ts', () => {
		const expected = { '@context': [...CREDENTIAL_CONTEXT], ...achievement() };
		expect(jsonLd(achievementId())).toEqual(expected);
		const json = `${new URL(achievementId()).pathname.replace(/\/$/, '')}.json`;
		expect(JSON.parse(built(json))).toEqual(expected);
		expect(credential.credentialSubject.achievement).toEqual(achievement());
		const doc = parse(readFileSync(fileFor(achievementId()), 'utf8'));
		expect(doc.querySelector('h1')?.text).toBe(achievement().name);
		expect(doc.text).toContain(achievement().criteria.narrative);
	});

	test('the issuer page says whether a signing key is published', () => {
		const keys = (JSON.parse(built('.well-known/jwks.json')) as { keys: { kid: string }[] }).keys;
		const doc = parse(readFileSync(fileFor(issuerId()), 'utf8'));
		expect(doc.querySelector('[data-no-keys]') !== null).toBe(keys.length === 0);
		for (const key of keys) expect(doc.text).toContain(key.kid);
	});
});

describe('/verify/ and /complete/', () => {
	test('/verify/ trusts the issuer and achievement of the site and flags a missing key', () => {
		const doc = parse(built('verify/index.html'));
		const verifier = doc.querySelector('credential-verifier');
		expect(verifier?.getAttribute('data-issuer')).toBe(issuerId());
		expect(verifier?.getAttribute('data-achievement')).toBe(achievementId());
		const keys = (JSON.parse(built('.well-known/jwks.json')) as { keys: unknown[] }).keys;
		expect(doc.querySelector('[data-no-keys]')?.hasAttribute('hidden')).toBe(keys.length > 0);
	});

	test('/complete/ requires every exercise and session, each linked to where it is done', () => {
		const doc = parse(built('complete/index.html'));
		const panel = doc.querySelector('completion-panel');
		expect(JSON.parse(panel?.getAttribute('data-exercises') ?? '[]').sort()).toEqual(exerciseIds());
		expect(JSON.parse(panel?.getAttribute('data-sessions') ?? '[]')).toEqual([...SESSION_IDS]);
		for (const id of exerciseIds()) {
			const href = doc.querySelector(`[data-requirement="exercise:${id}"] a`)?.getAttribute('href');
			expect(href, id).toMatch(new RegExp(`^/chapters/[a-z0-9-]+/(#exercise-${id})?$`));
			const [path = '', anchor] = (href ?? '').split('#');
			const chapter = parse(built(`${path.slice(1)}index.html`));
			if (anchor !== undefined) expect(chapter.getElementById(anchor), href).not.toBeNull();
			else expect(chapter.getElementById(`exercise-${id}`), href).toBeNull();
		}
		for (const session of SESSION_IDS) {
			expect(doc.getElementById(`code-${session}`)?.tagName).toBe('INPUT');
		}
	});
});
