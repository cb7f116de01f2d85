import type { Progress } from '../core/progress/schema.js';
import type { Recovery } from '../core/progress/store.js';
import { summarize } from '../core/progress/summary.js';
import {
	exportFileName,
	exportProgress,
	importProgress,
	parseImport,
	type ExportDocument,
	type ImportMode,
} from '../core/progress/transfer.js';
import { announceProgress, progressStore, PROGRESS_EVENT } from './progress.js';

/** Fills `{name}` placeholders of a UI string. */
function fill(template: string, data: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in data ? String(data[name]) : whole
	);
}

/** Returns a local date as `YYYY-MM-DD`, for file names. */
function localDate(d: Date): string {
	const pad = (n: number): string => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Formats an ISO time for the reader; falls back to the text itself. */
function when(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** Offers text as a file download. */
function download(name: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Creates an element with text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.textContent = text;
	return node;
}

/**
 * The "My progress" page: a summary of saved progress, export, import (merge or replace),
 * reset with a confirmation, and the problems found when loading with their recovered copies.
 */
class ProgressPage extends HTMLElement {
	#strings: Record<string, string> = {};
	/** The checked file waiting for the learner to choose merge or replace. */
	#pending: ExportDocument | null = null;

	connectedCallback(): void {
		this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Record<string, string>;
		const input = this.#find<HTMLInputElement>('#import-file');
		const dialog = this.#find<HTMLDialogElement>('dialog');
		const opener = this.#find<HTMLButtonElement>('[data-action="reset"]');
		input.addEventListener('change', () => void this.#readFile(input));
		this.#on('export', () => this.#export('export'));
		this.#on('merge', () => this.#import('merge'));
		this.#on('replace', () => this.#import('replace'));
		this.#on('cancel-import', () => {
			this.#closePreview();
			this.#status('import', this.#t('progress.importCancelled'));
		});
		this.#on('reset', () => {
			this.#list(this.#find('[data-loses]'), this.#contents(progressStore().state));
			this.#status('reset-export', '');
			dialog.showModal();
		});
		this.#on('reset-export', () => this.#export('reset-export'));
		this.#on('reset-cancel', () => dialog.close());
		this.#on('reset-confirm', () => {
			const store = progressStore();
			const ok = store.reset();
			dialog.close();
			this.#status(
				'reset',
				ok ? this.#t('progress.resetDone') : (store.issues.at(-1)?.message ?? '')
			);
			announceProgress();
		});
		dialog.addEventListener('close', () => opener.focus());
		document.addEventListener(PROGRESS_EVENT, () => this.render());
		this.render();
	}

	/** Returns the element matching `selector`; the page markup always has it. */
	#find<T extends Element = HTMLElement>(selector: string): T {
		const found = this.querySelector<T>(selector);
		if (!found) throw new Error(`progress page: missing ${selector}`);
		return found;
	}

	/** Runs `fn` when the button with `data-action=name` is pressed. */
	#on(name: string, fn: () => void): void {
		this.#find(`[data-action="${name}"]`).addEventListener('click', fn);
	}

	/** Looks up a UI string passed from the server. */
	#t(key: string, data: Record<string, string | number> = {}): string {
		return fill(this.#strings[key] ?? key, data);
	}

	/** Shows a message in the status line named `name`. */
	#status(name: string, text: string): void {
		this.#find(`[data-status="${name}"]`).textContent = text;
	}

	/** Replaces a list's items with the given texts. */
	#list(list: HTMLElement, items: string[]): void {
		list.replaceChildren(...items.map((text) => el('li', text)));
	}

	/** Describes what a progress document holds, one line per kind of progress. */
	#contents(progress: Progress): string[] {
		const s = summarize(progress);
		const lines: [number, string][] = [
			[s.chaptersDone, this.#t('progress.sumChapters', { n: s.chaptersDone })],
			[s.sectionsRead, this.#t('progress.sumSections', { n: s.sectionsRead })],
			[
				s.exercisesStarted + s.exercisesPassed,
				this.#t('progress.sumExercises', { n: s.exercisesStarted, passed: s.exercisesPassed }),
			],
			[s.hintsUsed, this.#t('progress.sumHints', { n: s.hintsUsed })],
			[s.solutionsShown, this.#t('progress.sumSolutions', { n: s.solutionsShown })],
			[s.attendanceCodes, this.#t('progress.sumAttendance', { n: s.attendanceCodes })],
			[s.learnerFields, this.#t('progress.sumLearner')],
		];
		const found = lines.filter(([n]) => n > 0).map(([, text]) => text);
		return found.length ? found : [this.#t('progress.sumNothing')];
	}

	/** Redraws the summary and the problems from the store. */
	render(): void {
		this.#renderSummary();
		this.#renderProblems();
	}

	/** Shows chapter and exercise states and the totals. */
	#renderSummary(): void {
		const state = progressStore().state;
		const totals = { chapters: 0, passed: 0, hints: 0, solutions: 0 };
		for (const li of this.querySelectorAll<HTMLElement>('li[data-chapter]')) {
			const done = state.chapters[li.dataset['chapter'] ?? '']?.done ?? false;
			totals.chapters += Number(done);
			li.toggleAttribute('data-done', done);
			const label = done ? 'chapter.done' : 'chapter.notDone';
			li.querySelector(':scope > [data-state]')?.replaceChildren(this.#t(label));
		}
		for (const li of this.querySelectorAll<HTMLElement>('li[data-exercise]')) {
			const e = state.exercises[li.dataset['exercise'] ?? ''];
			const started = e !== undefined && (e.attempts > 0 || Object.keys(e.files).length > 0);
			const parts = [
				this.#t(
					e?.passed ? 'progress.exPassed' : started ? 'progress.exTrying' : 'progress.exNotStarted'
				),
			];
			if (e) {
				totals.passed += Number(e.passed);
				totals.hints += e.hintsUsed;
				totals.solutions += Number(e.solutionShown);
				if (e.attempts === 1) parts.push(this.#t('progress.attempt'));
				if (e.attempts > 1) parts.push(this.#t('progress.attempts', { n: e.attempts }));
				if (e.hintsUsed > 0) {
					const total = li.dataset['hints'] ?? '';
					parts.push(this.#t('progress.hints', { n: e.hintsUsed, total }));
				}
				if (e.solutionShown) parts.push(this.#t('progress.solutionShown'));
			}
			li.toggleAttribute('data-passed', e?.passed ?? false);
			li.querySelector('[data-state]')?.replaceChildren(parts.join(' · '));
		}
		for (const dd of this.querySelectorAll<HTMLElement>('[data-total]')) {
			const n = totals[dd.dataset['total'] as keyof typeof totals];
			const of = dd.dataset['of'];
			dd.textContent = of ? this.#t('progress.ofTotal', { done: n, total: of }) : String(n);
		}
	}

	/** Lists this visit's issues and the recovered copies in storage. */
	#renderProblems(): void {
		const store = progressStore();
		const issues = this.#find('[data-issues]');
		const recoveries = this.#find('[data-recoveries]');
		const kept = store.recoveries();
		this.#list(
			issues.querySelector('ul') ?? issues,
			store.issues.map((i) => i.message)
		);
		issues.hidden = store.issues.length === 0;
		recoveries.querySelector('ul')?.replaceChildren(...kept.map((r) => this.#recoveryItem(r)));
		recoveries.hidden = kept.length === 0;
		this.#find('[data-no-problems]').hidden = store.issues.length > 0 || kept.length > 0;
	}

	/** Builds one recovered copy's line with its buttons. */
	#recoveryItem(recovery: Recovery): HTMLLIElement {
		const date = when(recovery.savedAt);
		const result = parseImport(recovery.text);
		const li = el('li');
		const kb = Math.max(0.1, recovery.text.length / 1024).toFixed(1);
		li.append(
			el(
				'span',
				this.#t('progress.recoveryItem', {
					date,
					size: this.#t('progress.size', { kb }),
					state: this.#t(result.ok ? 'progress.readable' : 'progress.unreadable'),
				})
			),
			el('br')
		);
		const button = (label: string, name: string, fn: () => void): void => {
			const b = el('button', this.#t(label));
			b.type = 'button';
			b.setAttribute('aria-label', this.#t(name, { date }));
			b.addEventListener('click', fn);
			li.append(b);
		};
		button('progress.download', 'progress.downloadCopy', () => {
			const stamp = recovery.savedAt.replace(/[:.]/g, '-');
			const ext = result.ok ? 'json' : 'txt';
			download(`spinup-progress-recovered-${stamp}.${ext}`, recovery.text, 'text/plain');
		});
		if (result.ok) {
			button('progress.restore', 'progress.restoreCopy', () => this.#showPreview(result.doc, date));
		}
		button('progress.discard', 'progress.discardCopy', () => {
			progressStore().discardRecovery(recovery.key);
			this.render();
			this.#status('problems', this.#t('progress.discarded', { date }));
			this.#find('#problems').focus();
		});
		return li;
	}

	/** Downloads the current progress as a file and says so in the status line `where`. */
	#export(where: string): void {
		const now = new Date();
		const name = exportFileName(localDate(now));
		const doc = exportProgress(progressStore().state, now.toISOString());
		download(name, `${JSON.stringify(doc, null, '\t')}\n`, 'application/json');
		this.#status(where, this.#t('progress.exported', { file: name }));
	}

	/** Reads and checks a chosen file, then shows what it holds or why it was refused. */
	async #readFile(input: HTMLInputElement): Promise<void> {
		const file = input.files?.[0];
		this.#status('import', '');
		if (!file) return;
		const result = parseImport(await file.text());
		if (!result.ok) {
			this.#hidePreview();
			input.setAttribute('aria-invalid', 'true');
			this.#status('import-error', `${this.#t('progress.importRefused')} ${result.error.message}`);
			return;
		}
		input.removeAttribute('aria-invalid');
		this.#status('import-error', '');
		this.#showPreview(result.doc, file.name);
	}

	/** Shows what a checked document holds and asks merge or replace. */
	#showPreview(doc: ExportDocument, name: string): void {
		this.#pending = doc;
		this.#find('[data-holds]').textContent = this.#t('progress.importHolds', { name });
		this.#list(this.#find('[data-contents]'), this.#contents(doc.progress));
		this.#find('[data-date]').textContent = doc.exportedAt
			? this.#t('progress.importDate', { date: when(doc.exportedAt) })
			: this.#t('progress.importNoDate');
		const preview = this.#find('[data-preview]');
		preview.hidden = false;
		this.#find('[data-holds]').focus();
	}

	/** Hides the preview and forgets the pending file. */
	#hidePreview(): void {
		this.#pending = null;
		this.#find('[data-preview]').hidden = true;
	}

	/** Hides the preview, clears the file input and puts the focus back on it. */
	#closePreview(): void {
		this.#hidePreview();
		const input = this.#find<HTMLInputElement>('#import-file');
		input.value = '';
		input.focus();
	}

	/** Imports the pending document and reports the outcome. */
	#import(mode: ImportMode): void {
		const doc = this.#pending;
		if (!doc) return;
		const store = progressStore();
		const ok = importProgress(store, doc, mode);
		this.#closePreview();
		const done = mode === 'merge' ? 'progress.merged' : 'progress.replaced';
		this.#status('import', ok ? this.#t(done) : (store.issues.at(-1)?.message ?? ''));
		announceProgress();
	}
}

customElements.define('progress-page', ProgressPage);
