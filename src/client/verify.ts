/**
 * The verify page: reads a credential (pasted, dropped, chosen as a file or carried in the URL
 * fragment), checks it in the browser with `verifyCredential` against the site's published key
 * set and revocation list, and fills in a printable certificate with a QR code. `jose`, zod and
 * `uqr` load on first use. Nothing typed here leaves the browser.
 *
 * Verify links: `/verify/#<token>` opens the page and checks the token (a fragment is never sent
 * to the server); `/verify/#id=<credential id>` names the credential a printed certificate
 * shows, for when the token is too long for a QR code.
 */

/** The largest QR version drawn for the full verify link; longer links get the id link. */
export const QR_MAX_VERSION = 20;
/** The largest credential file read, in bytes. */
const MAX_FILE_BYTES = 1_000_000;

/** The UI strings the page passes in `data-strings`; `{name}` marks a placeholder. */
export interface VerifyStrings {
	empty: string;
	checking: string;
	loadFailed: string;
	fileFailed: string;
	noKeys: string;
	ok: string;
	failed: string;
	detail: string;
	holderChecked: string;
	holderSkipped: string;
	linkId: string;
	linkMismatch: string;
	verified: string;
	qrId: string;
	qrToken: string;
	linkCopied: string;
	linkCopyFailed: string;
	/** Each verification outcome in words, by `VerifyCode`. */
	codes: Record<string, string>;
}

/** Fills `{name}` placeholders of a UI string. */
function fill(template: string | undefined, data: Record<string, string | number>): string {
	return (template ?? '').replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in data ? String(data[name]) : whole
	);
}

/** Extracts a compact token from pasted text: a bare token, or a verify link holding one. */
export function tokenFrom(text: string): string {
	const compact = text.replace(/\s+/g, '');
	const hash = compact.lastIndexOf('#');
	return hash >= 0 ? compact.slice(hash + 1) : compact;
}

/** Reads a string at a path of nested objects; '' when absent. */
function pick(value: unknown, ...path: string[]): string {
	let at: unknown = value;
	for (const key of path) {
		if (typeof at !== 'object' || at === null) return '';
		at = (at as Record<string, unknown>)[key];
	}
	return typeof at === 'string' ? at : '';
}

/** Formats an ISO time as a long English date in UTC. */
function longDate(iso: string): string {
	const time = Date.parse(iso);
	if (Number.isNaN(time)) return iso;
	return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(time);
}

/** Fetches a JSON document of this site, bypassing stale caches. */
async function fetchJson(path: string): Promise<unknown> {
	const response = await fetch(path, { cache: 'no-cache' });
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return response.json();
}

/** Reads the published key set and revocation list; throws when either is unusable. */
async function published(): Promise<{ jwks: { keys: unknown[] }; revoked: string[] }> {
	const [jwks, list] = await Promise.all([
		fetchJson('/.well-known/jwks.json'),
		fetchJson('/credentials/revoked.json'),
	]);
	const keys = (jwks as { keys?: unknown }).keys;
	const revoked = (list as { revoked?: unknown }).revoked;
	if (!Array.isArray(keys)) throw new Error('the key set has no keys list');
	if (!Array.isArray(revoked) || revoked.some((id) => typeof id !== 'string'))
		throw new Error('the revocation list is malformed');
	return { jwks: { keys }, revoked: revoked as string[] };
}

/** Draws a QR code as an SVG element, dark modules on white. */
function qrSvg(data: boolean[][], label: string): SVGSVGElement {
	const ns = 'http://www.w3.org/2000/svg';
	const svg = document.createElementNS(ns, 'svg');
	const size = data.length;
	svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', label);
	svg.setAttribute('shape-rendering', 'crispEdges');
	const background = document.createElementNS(ns, 'rect');
	background.setAttribute('width', String(size));
	background.setAttribute('height', String(size));
	background.setAttribute('fill', '#fff');
	const path = document.createElementNS(ns, 'path');
	let d = '';
	data.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) d += `M${x} ${y}h1v1h-1z`;
		})
	);
	path.setAttribute('d', d);
	path.setAttribute('fill', '#000');
	svg.append(background, path);
	return svg;
}

/** `<credential-verifier>`: the form, the verdict and the certificate. */
export class CredentialVerifier extends HTMLElement {
	#link = '';
	#expectedId = '';
	#text = {} as VerifyStrings;

	/** Returns the element matching a selector inside the verifier; throws when the page lacks it. */
	#one<T extends Element = HTMLElement>(selector: string): T {
		const found = this.querySelector<T>(selector);
		if (!found) throw new Error(`credential-verifier: missing ${selector}`);
		return found;
	}

	connectedCallback(): void {
		this.#text = JSON.parse(this.dataset['strings'] ?? '{}') as VerifyStrings;
		const form = this.#one<HTMLFormElement>('[data-form]');
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#verify();
		});
		this.#one<HTMLInputElement>('[data-file]').addEventListener('change', (event) => {
			const file = (event.target as HTMLInputElement).files?.[0];
			if (file) void this.#readFile(file);
		});
		const drop = this.#one('[data-drop]');
		drop.addEventListener('dragover', (event) => {
			event.preventDefault();
			drop.dataset['over'] = '';
		});
		drop.addEventListener('dragleave', () => delete drop.dataset['over']);
		drop.addEventListener('drop', (event) => {
			event.preventDefault();
			delete drop.dataset['over'];
			const file = event.dataTransfer?.files[0];
			if (file) void this.#readFile(file);
		});
		this.#one<HTMLInputElement>('#holder-name').addEventListener('input', () => this.#holder());
		this.#one('[data-print]').addEventListener('click', () => window.print());
		this.#one('[data-copy-link]').addEventListener('click', () => void this.#copyLink());
		window.addEventListener('hashchange', () => this.#fromFragment());
		this.#fromFragment();
	}

	/** Handles `#<token>` (verify it now) and `#id=<credential id>` (say which one to paste). */
	#fromFragment(): void {
		const fragment = decodeURIComponent(location.hash.slice(1));
		const notice = this.#one('[data-link-id]');
		this.#expectedId = fragment.startsWith('id=') ? fragment.slice(3) : '';
		notice.textContent = fill(this.#text.linkId, { id: this.#expectedId });
		notice.hidden = this.#expectedId === '';
		if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(fragment)) {
			this.#one<HTMLTextAreaElement>('[data-token]').value = fragment;
			void this.#verify();
		}
	}

	/** Reads a dropped or chosen file into the text box and verifies it. */
	async #readFile(file: File): Promise<void> {
		try {
			if (file.size > MAX_FILE_BYTES) throw new Error('too large');
			this.#one<HTMLTextAreaElement>('[data-token]').value = (await file.text()).trim();
		} catch {
			this.#show([[this.#text.fileFailed, 'bad']]);
			return;
		}
		await this.#verify();
	}

	/** Replaces the verdict with paragraphs of text, each with a class. */
	#show(lines: [string, string][], focus = false): void {
		const box = this.#one('[data-result]');
		box.replaceChildren(
			...lines.map(([text, className]) => {
				const p = document.createElement('p');
				p.textContent = text;
				if (className) p.className = className;
				return p;
			})
		);
		if (focus) box.focus();
	}

	/** Hides the certificate and forgets the verified token. */
	#clear(): void {
		this.#one('[data-certificate]').hidden = true;
		delete this.dataset['verified'];
		this.#link = '';
	}

	/** Verifies the credential in the text box and shows the verdict and certificate. */
	async #verify(): Promise<void> {
		this.dataset['state'] = 'checking';
		try {
			await this.#check();
		} finally {
			this.dataset['state'] = 'done';
		}
	}

	/** Runs the checks and shows the outcome. */
	async #check(): Promise<void> {
		this.#clear();
		const token = tokenFrom(this.#one<HTMLTextAreaElement>('[data-token]').value);
		if (token === '') return this.#show([[this.#text.empty, 'bad']], true);
		this.#show([[this.#text.checking, '']]);
		let trusted: Awaited<ReturnType<typeof published>>;
		try {
			trusted = await published();
		} catch {
			return this.#show([[this.#text.loadFailed, 'bad']], true);
		}
		this.#one('[data-no-keys]').hidden = trusted.jwks.keys.length > 0;
		if (trusted.jwks.keys.length === 0) {
			return this.#show([[this.#text.noKeys, 'bad']], true);
		}
		const { verifyCredential } = await import('../core/completion/verify.js');
		const email = this.#one<HTMLInputElement>('#holder-email').value.trim();
		const result = await verifyCredential(token, {
			jwks: trusted.jwks,
			email,
			revoked: trusted.revoked,
			now: Date.now(),
			acceptedAchievements: [this.dataset['achievement'] ?? ''],
			issuer: this.dataset['issuer'] ?? '',
		});
		const skipped = email === '' && result.code === 'wrong-subject';
		if (!result.ok && !skipped) {
			return this.#show(
				[
					[
						fill(this.#text.failed, { reason: this.#text.codes[result.code] ?? result.code }),
						'bad',
					],
					[fill(this.#text.detail, { code: result.code, reason: result.reason }), 'detail'],
				],
				true
			);
		}
		const claims = result.claims ?? {};
		const lines: [string, string][] = [
			[fill(this.#text.ok, { until: longDate(pick(claims, 'validUntil')) }), 'ok'],
			[skipped ? this.#text.holderSkipped : this.#text.holderChecked, ''],
		];
		const id = pick(claims, 'id');
		if (this.#expectedId && this.#expectedId !== id) {
			lines.push([fill(this.#text.linkMismatch, { id: this.#expectedId }), 'bad']);
		}
		this.#link = `${this.dataset['site']}/verify/#${token}`;
		await this.#certificate(claims, skipped);
		this.#show(lines, true);
	}

	/** Fills in the certificate from verified claims and draws its QR code. */
	async #certificate(claims: Record<string, unknown>, skipped: boolean): Promise<void> {
		const set = (selector: string, text: string): void => {
			this.#one(selector).textContent = text;
		};
		set('[data-cert-issuer-name]', pick(claims, 'issuer', 'name'));
		set('[data-cert-issuer]', pick(claims, 'issuer', 'name'));
		set('[data-cert-achievement]', pick(claims, 'credentialSubject', 'achievement', 'name'));
		set('[data-cert-description]', pick(claims, 'credentialSubject', 'achievement', 'description'));
		set('[data-cert-id]', pick(claims, 'id'));
		for (const [selector, field] of [
			['[data-cert-from]', 'validFrom'],
			['[data-cert-until]', 'validUntil'],
		] as const) {
			const time = this.#one<HTMLTimeElement>(selector);
			time.dateTime = pick(claims, field);
			time.textContent = longDate(pick(claims, field));
		}
		set('[data-cert-holder-check]', skipped ? this.#text.holderSkipped : this.#text.holderChecked);
		set(
			'[data-cert-verified]',
			fill(this.#text.verified, { date: longDate(new Date().toISOString()) })
		);
		this.#holder();
		await this.#qr(pick(claims, 'id'));
		this.#one('[data-certificate]').hidden = false;
		this.dataset['verified'] = '';
	}

	/** Shows the name typed for the certificate, or a neutral phrase when there is none. */
	#holder(): void {
		const name = this.#one<HTMLInputElement>('#holder-name').value.trim();
		const holder = this.#one('[data-cert-holder]');
		holder.textContent = name || (holder.dataset['empty'] ?? '');
	}

	/** Draws the QR code: the full verify link when it fits, else the link naming the id. */
	async #qr(id: string): Promise<void> {
		const { encode } = await import('uqr');
		const short = `${this.dataset['site']}/verify/#id=${id}`;
		let text = this.#link;
		let kind: 'token' | 'id' = 'token';
		let qr: ReturnType<typeof encode>;
		try {
			qr = encode(text, { ecc: 'M', maxVersion: QR_MAX_VERSION, border: 4 });
		} catch {
			text = short;
			kind = 'id';
			qr = encode(text, { ecc: 'M', border: 4 });
		}
		const caption = fill(kind === 'id' ? this.#text.qrId : this.#text.qrToken, { id, link: text });
		const figure = this.#one('[data-cert-qr]');
		figure.replaceChildren(qrSvg(qr.data, caption));
		figure.dataset['qrKind'] = kind;
		figure.dataset['qrText'] = text;
		this.#one('[data-cert-qr-caption]').textContent = caption;
	}

	/** Copies the verify link (`/verify/#<token>`) of the verified credential. */
	async #copyLink(): Promise<void> {
		const status = this.#one('[data-link-status]');
		try {
			await navigator.clipboard.writeText(this.#link);
			status.textContent = this.#text.linkCopied;
		} catch {
			status.textContent = fill(this.#text.linkCopyFailed, { link: this.#link });
		}
	}
}
