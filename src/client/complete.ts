import type { Bundle } from '../core/completion/bundle-schema.js';
import type { Learner, Progress } from '../core/progress/schema.js';
import { announceProgress, PROGRESS_EVENT, progressStore } from './progress.js';

/**
 * The completion page: learner and attendance fields saved to progress, what is still missing,
 * and the bundle as a file and as a `SPINUP1.` string. The bundle code (`src/core/completion`,
 * with zod) loads on the first click, never with the page.
 */

/** Learner fields, as named in saved progress. */
type LearnerField = keyof Learner;

/** What a completion needs, as the page states it in data attributes. */
export interface Requirements {
	/** Required exercise ids. */
	exercises: readonly string[];
	/** Session ids whose attendance code is needed. */
	sessions: readonly string[];
	/** `USERNAME_PATTERN` of the bundle schema. */
	username: RegExp;
	/** `ATTENDANCE_CODE_PATTERN` of the bundle schema. */
	code: RegExp;
}

/** A made bundle, kept while progress stays the same. */
interface Made {
	key: string;
	bundle: Bundle;
	text: string;
}

/** Fills `{name}` placeholders of a UI string. */
function fill(template: string | undefined, data: Record<string, string | number>): string {
	return (template ?? '').replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in data ? String(data[name]) : whole
	);
}

/** Normalises a typed code the way the bundle does (`normalizeAttendanceCode`). */
function normalizeCode(code: string): string {
	return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** Lists the requirement keys saved progress does not meet yet, in page order. */
export function missingRequirements(
	progress: Progress,
	req: Requirements,
	emailValid: boolean
): string[] {
	const out: string[] = [];
	const { username = '', email = '', name = '' } = progress.learner;
	if (!req.username.test(username.trim().toLowerCase())) out.push('learner:username');
	if (email.trim() === '' || !emailValid) out.push('learner:email');
	if (name.trim() === '') out.push('learner:name');
	for (const session of req.sessions) {
		if (!req.code.test(normalizeCode(progress.attendance[session] ?? '')))
			out.push(`attendance:${session}`);
	}
	for (const id of req.exercises) {
		const saved = progress.exercises[id];
		if (!saved?.passed || Object.keys(saved.files).length === 0) out.push(`exercise:${id}`);
	}
	return out;
}

/** `<completion-panel>`: the requirements, the fields and the bundle export. */
export class CompletionPanel extends HTMLElement {
	#req: Requirements = { exercises: [], sessions: [], username: /^$/, code: /^$/ };
	#made: Made | null = null;
	#problem = '';

	/** Returns the element matching a selector inside the panel; throws when the page lacks it. */
	#one<T extends HTMLElement>(selector: string): T {
		const found = this.querySelector<T>(selector);
		if (!found) throw new Error(`completion-panel: missing ${selector}`);
		return found;
	}

	connectedCallback(): void {
		const data = this.dataset;
		this.#req = {
			exercises: JSON.parse(data['exercises'] ?? '[]') as string[],
			sessions: JSON.parse(data['sessions'] ?? '[]') as string[],
			username: new RegExp(data['usernamePattern'] ?? '^$'),
			code: new RegExp(data['codePattern'] ?? '^$'),
		};
		const state = progressStore().state;
		for (const input of this.querySelectorAll<HTMLInputElement>('input[data-learner]')) {
			const field = input.dataset['learner'] as LearnerField;
			input.value = state.learner[field] ?? '';
			input.addEventListener('input', () =>
				this.#save((d) => setField(d.learner, field, input.value))
			);
		}
		for (const input of this.querySelectorAll<HTMLInputElement>('input[data-session]')) {
			const session = input.dataset['session'] ?? '';
			input.value = state.attendance[session] ?? '';
			input.addEventListener('input', () =>
				this.#save((d) => setField(d.attendance, session, input.value))
			);
		}
		this.#one('[data-download]').addEventListener('click', () => void this.#download());
		this.#one('[data-copy]').addEventListener('click', () => void this.#copy());
		document.addEventListener(PROGRESS_EVENT, () => this.#render());
		this.#render();
	}

	/** Saves a change to progress and shows what is missing now. */
	#save(change: (draft: Progress) => void): void {
		const store = progressStore();
		this.#problem = store.update(change) ? '' : (store.issues.at(-1)?.message ?? '');
		announceProgress();
	}

	/** Shows what is missing, marks invalid fields and unlocks the bundle when nothing is. */
	#render(): void {
		const email = this.#one<HTMLInputElement>('input[data-learner="email"]');
		const missing = new Set(
			missingRequirements(progressStore().state, this.#req, email.validity.valid)
		);
		for (const li of this.querySelectorAll<HTMLElement>('[data-requirement]')) {
			li.hidden = !missing.has(li.dataset['requirement'] ?? '');
		}
		for (const input of this.querySelectorAll<HTMLInputElement>(
			'input[data-learner], input[data-session]'
		)) {
			const key = input.dataset['learner']
				? `learner:${input.dataset['learner']}`
				: `attendance:${input.dataset['session']}`;
			if (missing.has(key) && input.value.trim() !== '') input.setAttribute('aria-invalid', 'true');
			else input.removeAttribute('aria-invalid');
		}
		const passed = this.#req.exercises.filter((id) => !missing.has(`exercise:${id}`)).length;
		const total = this.#req.exercises.length;
		const summary =
			missing.size === 0
				? fill(this.dataset['done'], { total })
				: fill(this.dataset['count'], { missing: missing.size, passed, total });
		this.#one('[data-summary]').textContent = this.#problem
			? `${this.#problem} ${summary}`
			: summary;
		this.#one('[data-locked]').hidden = missing.size === 0;
		this.#one('[data-ready]').hidden = missing.size > 0;
		const username = (progressStore().state.learner.username ?? '').trim().toLowerCase();
		this.#one('[data-download]').textContent = fill(
			this.#one('[data-bundle]').dataset['downloadLabel'],
			{
				file: bundleFileName(username),
			}
		);
	}

	/** Builds and encodes the bundle with the core code, loaded on first use; null on failure. */
	async #make(): Promise<Made | null> {
		const progress = progressStore().state;
		const key = JSON.stringify(progress);
		if (this.#made?.key === key) return this.#made;
		const box = this.#one('[data-bundle]');
		const status = this.#one('[data-bundle-status]');
		status.textContent = box.dataset['working'] ?? '';
		const [{ buildBundle }, { encodeBundle }] = await Promise.all([
			import('../core/completion/bundle-build.js'),
			import('../core/completion/bundle-codec.js'),
		]);
		const built = buildBundle(progress, {
			createdAt: new Date().toISOString(),
			validatorVersion: this.dataset['validatorVersion'] ?? '',
			validatorHash: this.dataset['validatorHash'] ?? '',
			exerciseIds: this.#req.exercises,
		});
		if (!built.ok) {
			const message = built.path ? `${built.message} (${built.path})` : built.message;
			status.textContent = fill(box.dataset['failed'], { message });
			return null;
		}
		const encoded = await encodeBundle(built.bundle);
		if (!encoded.ok) {
			status.textContent = fill(box.dataset['failed'], { message: encoded.message });
			return null;
		}
		this.#one<HTMLTextAreaElement>('#bundle-text').value = encoded.text;
		this.#one('[data-text]').hidden = false;
		this.#made = { key, bundle: built.bundle, text: encoded.text };
		return this.#made;
	}

	/** Downloads the bundle as `spinup-bundle-<username>.json`. */
	async #download(): Promise<void> {
		const made = await this.#make();
		if (!made) return;
		const { bundleToJson } = await import('../core/completion/bundle-codec.js');
		const file = bundleFileName(made.bundle.learner.username);
		const url = URL.createObjectURL(
			new Blob([bundleToJson(made.bundle)], { type: 'application/json' })
		);
		const link = document.createElement('a');
		link.href = url;
		link.download = file;
		link.hidden = true;
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
		const box = this.#one('[data-bundle]');
		this.#one('[data-bundle-status]').textContent = fill(box.dataset['made'], { file });
	}

	/** Copies the `SPINUP1.` string; on failure selects it in the text box for a manual copy. */
	async #copy(): Promise<void> {
		const made = await this.#make();
		if (!made) return;
		const box = this.#one('[data-bundle]');
		const status = this.#one('[data-bundle-status]');
		try {
			await navigator.clipboard.writeText(made.text);
			status.textContent = box.dataset['copied'] ?? '';
		} catch {
			status.textContent = box.dataset['copyFailed'] ?? '';
			const text = this.#one<HTMLTextAreaElement>('#bundle-text');
			text.focus();
			text.select();
		}
	}
}

/** Names the bundle file after the learner's user name. */
export function bundleFileName(username: string): string {
	return `spinup-bundle-${username}.json`;
}

/** Sets a trimmed string field, or removes it when empty. */
function setField<K extends string>(
	record: Partial<Record<K, string>>,
	key: K,
	value: string
): void {
	const trimmed = value.trim();
	if (trimmed) record[key] = trimmed;
	else delete record[key];
}
