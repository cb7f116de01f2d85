import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main as issuer } from '../../src/cli/issuer.js';
import { loadSigner } from '../../src/cli/lib/keys.js';
import { attendanceCode } from '../../src/core/completion/attendance.js';
import { decodeBundle, parseBundleJson } from '../../src/core/completion/bundle-codec.js';
import { buildCredential, signCredential } from '../../src/core/completion/credential.js';
import { achievement, DEFAULT_ORIGIN, ISSUER } from '../../src/core/completion/issuer.js';
import { SESSION_IDS } from '../../src/core/completion/sessions.js';
import type { Progress } from '../../src/core/progress/schema.js';
import strings from '../../src/i18n/en.json';
import { DIST } from '../helpers/dist.js';
import { memoryIo, readMaster, solvedProgress, tempDir } from '../unit/cli/helpers.js';
import { axeViolations, browserAvailable, startHarness, tabTo, type Harness } from './harness.js';

const run = browserAvailable();

/** A UI string with its `{name}` placeholders filled. */
function say(key: keyof typeof strings, data: Record<string, string> = {}): string {
	return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => data[name] ?? whole);
}

/** Prints the page to PDF with 1 cm margins, as browsers do by default, and counts its pages. */
async function printedPages(page: Page, format: 'A4' | 'Letter' = 'A4'): Promise<number> {
	const margin = { top: '1cm', right: '1cm', bottom: '1cm', left: '1cm' };
	const pdf = await page.pdf({ format, margin });
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/** Saves progress in the site's localStorage (from a light page of the same origin). */
async function seed(page: Page, base: string, progress: Progress): Promise<void> {
	await page.goto(`${base}/credentials/revoked.json`);
	await page.evaluate((p) => localStorage.setItem('spinup:progress', JSON.stringify(p)), progress);
}

/** Opens a page and waits until its custom element is defined. */
async function open(page: Page, url: string, element: string): Promise<void> {
	await page.goto(url);
	await page.waitForFunction((name) => customElements.get(name), element);
}

/** Records the paths of scripts a page requests. */
function scriptLog(page: Page): string[] {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
	});
	return scripts;
}

/** Keys of the requirements the completion page lists as missing. */
function missingKeys(page: Page): Promise<string[]> {
	return page
		.locator('[data-requirement]:not([hidden])')
		.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['requirement'] ?? ''));
}

/** Presses Enter on a focused button and returns the download it starts, as text. */
async function downloadWithEnter(page: Page): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.keyboard.press('Enter'),
	]);
	const path = await download.path();
	return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe.skipIf(!run)('completion and verify pages in Chromium', () => {
	const temp = tempDir();
	const dir = temp.dir;
	let h: Harness;
	let jwks: unknown;
	let master: Uint8Array;
	let solved: Progress;
	let token: string;
	let jti: string;

	beforeAll(async () => {
		const io = memoryIo(dir);
		expect(await issuer(['keygen', '--jwks', join(dir, 'jwks.json')], io)).toBe(0);
		jwks = JSON.parse(readFileSync(join(dir, 'jwks.json'), 'utf8'));
		master = readMaster(dir);
		solved = await solvedProgress(master, 'grace');
		jti = `urn:uuid:${randomUUID()}`;
		const payload = buildCredential({
			email: 'grace@mail.test',
			salt: 'c2FsdHNhbHRzYWx0',
			jti,
			issuedAt: Math.floor(Date.now() / 1000),
			bundleDigest: 'ab'.repeat(32),
		});
		token = await signCredential(payload, loadSigner(join(dir, 'home', 'issuer-key.private.jwk')));
		h = await startHarness();
	});
	afterAll(async () => {
		await h?.close();
		temp.remove();
	});

	/** A browser context whose `/.well-known/jwks.json` is the test key set. */
	async function trusting(options: Parameters<Harness['browser']['newContext']>[0] = {}) {
		const context = await h.browser.newContext(options);
		await context.route('**/.well-known/jwks.json', (route) => route.fulfill({ json: jwks }));
		return context;
	}

	/** Verifies `text` on /verify with the keyboard, optionally with an e-mail and a name. */
	async function verifyWithKeyboard(
		page: Page,
		text: string,
		holder: { email?: string; name?: string } = {}
	): Promise<void> {
		await open(page, `${h.base}/verify/`, 'credential-verifier');
		await tabTo(page, '#token');
		await page.keyboard.insertText(text);
		if (holder.email) {
			await tabTo(page, '#holder-email');
			await page.keyboard.type(holder.email);
		}
		if (holder.name) {
			await tabTo(page, '#holder-name');
			await page.keyboard.type(holder.name);
		}
		await tabTo(page, '[data-form] button[type="submit"]');
		await page.evaluate(() => {
			const verifier = document.querySelector<HTMLElement>('credential-verifier');
			if (verifier) delete verifier.dataset['state'];
		});
		await page.keyboard.press('Enter');
		await page.locator('credential-verifier[data-state="done"]').waitFor({ state: 'attached' });
	}

	describe('/complete/', () => {
		test('with incomplete progress it lists what is missing, with links that work from the keyboard', async () => {
			const context = await h.browser.newContext();
			const page = await context.newPage();
			const progress = structuredClone(solved);
			delete progress.exercises['flask-image'];
			const capstone = progress.exercises['capstone'];
			if (capstone) capstone.passed = false;
			delete progress.attendance['s2-running-services'];
			delete progress.learner.email;
			await seed(page, h.base, progress);
			const scripts = scriptLog(page);
			await open(page, `${h.base}/complete/`, 'completion-panel');
			expect(await missingKeys(page)).toEqual([
				'learner:email',
				'attendance:s2-running-services',
				'exercise:flask-image',
				'exercise:capstone',
			]);
			const total = Object.keys(solved.exercises).length;
			await expect(page.locator('[data-summary]').textContent()).resolves.toContain(
				`Required exercises passed: ${total - 2} of ${total}`
			);
			expect(await page.locator('[data-ready]').isHidden()).toBe(true);
			expect(await page.locator('[data-locked]').isVisible()).toBe(true);
			await page.waitForLoadState('networkidle');
			expect(scripts.filter((s) => /bundle-|verify\./.test(s))).toEqual([]);

			await tabTo(page, '[data-requirement="exercise:flask-image"] a');
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/chapters\/l1-first-app\/#exercise-flask-image$/);
			expect(await page.locator('#exercise-flask-image').count()).toBe(1);
			await page.goBack();
			await page.waitForFunction(() => customElements.get('completion-panel'));
			await tabTo(page, '[data-requirement="attendance:s2-running-services"] a');
			await page.keyboard.press('Enter');
			await page.waitForURL(/#code-s2-running-services$/);
			expect(await page.locator('#code-s2-running-services').isVisible()).toBe(true);
			await context.close();
		});

		test('fields typed with the keyboard are saved; the bundle downloads and decodes with the core codec', async () => {
			const context = await h.browser.newContext({
				permissions: ['clipboard-read', 'clipboard-write'],
			});
			const page = await context.newPage();
			await seed(page, h.base, { ...structuredClone(solved), attendance: {}, learner: {} });
			const scripts = scriptLog(page);
			await open(page, `${h.base}/complete/`, 'completion-panel');
			expect(await missingKeys(page)).toHaveLength(6);
			const typed: [string, string][] = [
				['#learner-username', 'grace'],
				['#learner-email', 'grace@mail.test'],
				['#learner-name', 'Grace  Hopper'],
			];
			for (const session of SESSION_IDS) {
				const code = await attendanceCode(master, session, 'grace');
				typed.push([`#code-${session}`, `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`]);
			}
			for (const [selector, text] of typed) {
				await tabTo(page, selector);
				await page.keyboard.type(text);
			}
			expect(await missingKeys(page)).toEqual([]);
			await page.reload();
			await page.waitForFunction(() => customElements.get('completion-panel'));
			await expect(page.locator('#learner-name').inputValue()).resolves.toBe('Grace  Hopper');
			expect(await page.locator('[data-ready]').isVisible()).toBe(true);
			await expect(page.locator('[data-download]').textContent()).resolves.toBe(
				say('complete.bundle.download', { file: 'spinup-bundle-grace.json' })
			);
			expect(scripts.filter((s) => /bundle-/.test(s))).toEqual([]);

			await tabTo(page, '[data-download]');
			const file = await downloadWithEnter(page);
			expect(file.name).toBe('spinup-bundle-grace.json');
			expect(scripts.some((s) => /bundle-build/.test(s))).toBe(true);
			const fromFile = parseBundleJson(file.text);
			if (!fromFile.ok) throw new Error(fromFile.message);
			expect(fromFile.bundle.learner).toEqual({
				username: 'grace',
				email: 'grace@mail.test',
				name: 'Grace Hopper',
			});
			for (const session of SESSION_IDS) {
				expect(fromFile.bundle.attendance[session]).toBe(
					await attendanceCode(master, session, 'grace')
				);
			}
			expect(Object.keys(fromFile.bundle.exercises).sort()).toEqual(
				Object.keys(solved.exercises).sort()
			);

			await tabTo(page, '[data-copy]');
			await page.keyboard.press('Enter');
			await page.waitForFunction(
				(text) => document.querySelector('[data-bundle-status]')?.textContent === text,
				say('complete.bundle.copied')
			);
			const text = await page.locator('#bundle-text').inputValue();
			expect(text.startsWith('SPINUP1.')).toBe(true);
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
			const fromText = await decodeBundle(text);
			if (!fromText.ok) throw new Error(fromText.message);
			expect(fromText.bundle).toEqual(fromFile.bundle);
			await context.close();
		});

		test('the downloaded bundle passes the staff check, and /verify accepts the credential issued for it', async () => {
			const context = await trusting();
			const page = await context.newPage();
			await seed(page, h.base, solved);
			await open(page, `${h.base}/complete/`, 'completion-panel');
			await tabTo(page, '[data-download]');
			const file = await downloadWithEnter(page);
			const bundlePath = join(dir, file.name);
			writeFileSync(bundlePath, file.text);
			const io = memoryIo(dir);
			expect(
				await issuer(['issue', bundlePath, '--jwks', join(dir, 'jwks.json'), '--json'], io)
			).toBe(0);
			const issued = readFileSync(JSON.parse(io.stdout).token as string, 'utf8');
			await verifyWithKeyboard(page, issued, { email: 'grace@mail.test' });
			expect(await page.locator('[data-certificate]').isVisible()).toBe(true);
			await expect(page.locator('[data-result] .ok').textContent()).resolves.toMatch(/^Valid/);
			await context.close();
		}, 120_000);
	});

	describe('/verify/', () => {
		test('accepts a token signed with the test key and shows the certificate; the name never leaves the page', async () => {
			const context = await trusting();
			const page = await context.newPage();
			const requests: string[] = [];
			page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
			const scripts = scriptLog(page);
			await open(page, `${h.base}/verify/`, 'credential-verifier');
			await page.waitForLoadState('networkidle');
			expect(scripts.filter((s) => /verify\.[\w-]+\.js$|dist\./.test(s))).toEqual([]);
			await verifyWithKeyboard(page, `\n  ${token}\n`, {
				email: 'Grace@Mail.test',
				name: 'Grace Brewster Hopper',
			});
			expect(scripts.some((s) => /verify\.[\w-]+\.js$/.test(s))).toBe(true);
			await expect(page.locator('[data-result]').textContent()).resolves.toContain(
				say('verify.holderChecked')
			);
			const cert = page.locator('[data-certificate]');
			expect(await cert.isVisible()).toBe(true);
			await expect(cert.locator('[data-cert-holder]').textContent()).resolves.toBe(
				'Grace Brewster Hopper'
			);
			await expect(cert.locator('[data-cert-achievement]').textContent()).resolves.toBe(
				achievement().name
			);
			await expect(cert.locator('[data-cert-issuer]').textContent()).resolves.toBe(ISSUER.name);
			await expect(cert.locator('[data-cert-id]').textContent()).resolves.toBe(jti);
			const year = new Date().getUTCFullYear();
			await expect(cert.locator('[data-cert-until]').textContent()).resolves.toContain(
				String(year + 2)
			);
			const qr = cert.locator('[data-cert-qr]');
			await qr.locator('svg').waitFor();
			const link = `${DEFAULT_ORIGIN}/verify/#${token}`;
			expect(() => encode(link, { ecc: 'M', maxVersion: 20 })).toThrow();
			await expect(qr.getAttribute('data-qr-kind')).resolves.toBe('id');
			await expect(qr.getAttribute('data-qr-text')).resolves.toBe(
				`${DEFAULT_ORIGIN}/verify/#id=${jti}`
			);
			expect(requests.filter((r) => /Grace|Brewster|mail\.test/i.test(r))).toEqual([]);

			await tabTo(page, '[data-copy-link]');
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await page.keyboard.press('Enter');
			await page.waitForFunction(
				(text) => document.querySelector('[data-link-status]')?.textContent === text,
				say('cert.linkCopied')
			);
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
			await context.close();
		});

		test('rejects a tampered token, a wrong e-mail and a revoked credential, each in words', async () => {
			const context = await trusting();
			const page = await context.newPage();
			const [head, body, signature] = token.split('.') as [string, string, string];
			const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
			claims.validUntil = '2099-01-01T00:00:00.000Z';
			const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
			const cases: [string, { email?: string }, string][] = [
				[forged, {}, 'bad-signature'],
				[token, { email: 'someone@else.test' }, 'wrong-subject'],
				['not a credential', {}, 'malformed'],
			];
			for (const [text, holder, code] of cases) {
				await verifyWithKeyboard(page, text, holder);
				await expect(page.locator('[data-result] .bad').textContent()).resolves.toBe(
					say('verify.failed', { reason: say(`verify.code.${code}` as keyof typeof strings) })
				);
				await expect(page.locator('[data-result] .detail').textContent()).resolves.toContain(
					`(${code})`
				);
				expect(await page.locator('[data-certificate]').isHidden()).toBe(true);
			}
			await verifyWithKeyboard(page, token);
			await expect(page.locator('[data-result]').textContent()).resolves.toContain(
				say('verify.holderSkipped')
			);
			await context.route('**/credentials/revoked.json', (route) =>
				route.fulfill({ json: { revoked: [jti] } })
			);
			await verifyWithKeyboard(page, token);
			await expect(page.locator('[data-result] .bad').textContent()).resolves.toBe(
				say('verify.failed', { reason: say('verify.code.revoked') })
			);
			await context.close();
		});

		test('without the test key the token is refused: no key published, or an unknown key', async () => {
			const context = await h.browser.newContext();
			const page = await context.newPage();
			await verifyWithKeyboard(page, token);
			const published = JSON.parse(readFileSync(join(DIST, '.well-known', 'jwks.json'), 'utf8'));
			const expected =
				published.keys.length === 0
					? say('verify.noKeys')
					: say('verify.failed', { reason: say('verify.code.unknown-key') });
			await expect(page.locator('[data-result] .bad').textContent()).resolves.toBe(expected);
			expect(await page.locator('[data-no-keys]').isVisible()).toBe(published.keys.length === 0);
			await context.close();
		});

		test('a credential file can be chosen with the keyboard or dropped on the zone', async () => {
			const context = await trusting();
			const page = await context.newPage();
			await open(page, `${h.base}/verify/`, 'credential-verifier');
			await tabTo(page, '#token-file');
			await page.setInputFiles('#token-file', {
				name: 'credential.jwt',
				mimeType: 'application/jwt',
				buffer: Buffer.from(`${token}\n`),
			});
			await page.locator('[data-certificate]').waitFor();
			await open(page, `${h.base}/verify/`, 'credential-verifier');
			const transfer = await page.evaluateHandle((text) => {
				const data = new DataTransfer();
				data.items.add(new File([text], 'credential.jwt'));
				return data;
			}, token);
			await page.dispatchEvent('[data-drop]', 'drop', { dataTransfer: transfer });
			await page.locator('[data-certificate]').waitFor();
			await expect(page.locator('#token').inputValue()).resolves.toBe(token);
			await context.close();
		});

		test('a verify link checks its token on arrival; an id link names the credential to paste', async () => {
			const context = await trusting();
			const page = await context.newPage();
			await open(page, `${h.base}/verify/#${token}`, 'credential-verifier');
			await page.locator('[data-certificate]').waitFor();
			await open(page, `${h.base}/verify/#id=${jti}`, 'credential-verifier');
			await expect(page.locator('[data-link-id]').textContent()).resolves.toBe(
				say('verify.linkId', { id: jti })
			);
			await verifyWithKeyboard(page, token);
			expect(await page.locator('[data-certificate]').isVisible()).toBe(true);
			await context.close();
		});
	});

	test('both pages print to one page', async () => {
		const context = await trusting();
		const page = await context.newPage();
		await seed(page, h.base, {
			version: 1,
			chapters: {},
			exercises: {},
			attendance: {},
			learner: {},
		});
		await open(page, `${h.base}/complete/`, 'completion-panel');
		await page.emulateMedia({ media: 'print' });
		expect(await printedPages(page)).toBe(1);
		expect(await printedPages(page, 'Letter')).toBe(1);
		await page.emulateMedia({ media: 'screen' });
		await seed(page, h.base, solved);
		await open(page, `${h.base}/complete/`, 'completion-panel');
		await page.emulateMedia({ media: 'print' });
		expect(await printedPages(page)).toBe(1);
		await page.emulateMedia({ media: 'screen' });
		await verifyWithKeyboard(page, token, { name: 'Grace Hopper' });
		await page.locator('[data-cert-qr] svg').waitFor();
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('[data-form-area]').isHidden()).toBe(true);
		expect(await printedPages(page)).toBe(1);
		expect(await printedPages(page, 'Letter')).toBe(1);
		await context.close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violation on either page in ${scheme} mode`, async () => {
			const context = await trusting({ colorScheme: scheme });
			const page = await context.newPage();
			const found: string[] = [];
			const incomplete = { ...structuredClone(solved), attendance: {} };
			await seed(page, h.base, incomplete);
			await open(page, `${h.base}/complete/`, 'completion-panel');
			found.push(...(await axeViolations(page)).map((v) => `complete (missing) ${v}`));
			await seed(page, h.base, solved);
			await open(page, `${h.base}/complete/`, 'completion-panel');
			await page.locator('[data-copy]').click();
			await page.locator('#bundle-text').waitFor();
			found.push(...(await axeViolations(page)).map((v) => `complete (ready) ${v}`));
			await verifyWithKeyboard(page, 'not a credential');
			found.push(...(await axeViolations(page)).map((v) => `verify (refused) ${v}`));
			await verifyWithKeyboard(page, token, { name: 'Grace Hopper' });
			await page.locator('[data-cert-qr] svg').waitFor();
			found.push(...(await axeViolations(page)).map((v) => `verify (certificate) ${v}`));
			for (const path of ['/credentials/issuer/', `${new URL(achievement().id).pathname}`]) {
				await page.goto(`${h.base}${path}`);
				found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
			}
			expect(found).toEqual([]);
			await context.close();
		});
	}
});
