import type { FileDiagnostic } from '../../core/exercises/grade.js';
import { substituteParams } from '../../core/exercises/params.js';
import type { SourceKind } from '../../core/types.js';
import { validationClient } from '../editor/validation-client.js';
import { announceProgress, progressStore } from '../progress.js';
import { readExerciseData, toRecord, type ExerciseData } from './data.js';
import { renderChecks, renderFindings, type FindingLabels } from './findings.js';

type Monaco = import('../editor/monaco.js').Monaco;
type Editor = ReturnType<Monaco['editor']['create']>;

/** One editable file: its host element, kind and, once Monaco is loaded, its editor. */
interface EditableFile {
	name: string;
	kind: SourceKind;
	/** Holds the static code, then the editor. */
	host: HTMLElement;
	/** The "Edit <file>" button that opens the editor from the keyboard. */
	edit: HTMLButtonElement | null;
	editor?: Editor;
}

/** Milliseconds between the last keystroke and validation. */
const DEBOUNCE_MS = 120;

/**
 * An exercise: static HTML first (task, files, checks); the editor loads on first focus or click,
 * validation runs in a worker while the learner types, Check grades the task, hints unlock one at a
 * time and the solution comes last. Every change is saved in the progress store.
 */
export class ExerciseWorkspace extends HTMLElement {
	private _data: ExerciseData | null = null;
	private _files: EditableFile[] = [];
	private _texts: Record<string, string> = {};
	private _diagnostics = new Map<string, FileDiagnostic[]>();
	private _monaco: Promise<Monaco> | undefined;
	private _timers = new Map<string, number>();

	connectedCallback(): void {
		this._data = readExerciseData(this);
		if (!this._data) return;
		const saved = progressStore().exercise(this._data.exercise.id);
		const starter = toRecord(this._data.starter);
		this._texts = { ...starter, ...saved.files };
		this._files = [...this.querySelectorAll<HTMLElement>('[data-editor-host]')].map((host) => ({
			name: host.dataset['file'] ?? '',
			kind: (host.dataset['kind'] ?? 'dockerfile') as SourceKind,
			host,
			edit: host.parentElement?.querySelector<HTMLButtonElement>('[data-edit]') ?? null,
		}));
		for (const file of this._files) {
			if (saved.files[file.name] !== undefined && saved.files[file.name] !== starter[file.name]) {
				this._showPlain(file, saved.files[file.name] ?? '');
			}
			const start = (): void => void this._startEditor(file);
			// Focus only preloads: a learner tabbing past is not pulled into the editor.
			file.edit?.addEventListener('focus', () => void this._preload().catch(() => undefined), {
				once: true,
			});
			file.edit?.addEventListener('click', start);
			file.host.addEventListener('pointerdown', () => {
				if (!file.editor) start();
			});
		}
		addEventListener('pagehide', () => this._flush());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'hidden') this._flush();
		});
		this._wireTabs();
		this._wireParams(saved.params);
		this._act('check', () => void this.check());
		this._act('reset', () => this._reset());
		this._act('hint', () => this._hint());
		this._act('solution', () => this._solution());
		this._act('shortcuts', (button) => this._toggleShortcuts(button));
		this._restoreHints(saved.hintsUsed, saved.solutionShown);
		if (saved.attempts > 0) this._setStatus(saved.passed ? this._label('passedBefore') : '');
	}

	/** Returns the learner's current text of every editable file. */
	currentFiles(): Record<string, string> {
		for (const f of this._files) if (f.editor) this._texts[f.name] = f.editor.getValue();
		return Object.fromEntries(this._files.map((f) => [f.name, this._texts[f.name] ?? '']));
	}

	/** Saves text still waiting for its pause: before a check and when the page is left. */
	private _flush(): void {
		if (this._timers.size === 0) return;
		const pending = this._files.filter((f) => this._timers.has(f.name));
		for (const timer of this._timers.values()) window.clearTimeout(timer);
		this._timers.clear();
		const files = this.currentFiles();
		this._save((draft) => {
			draft.files = { ...draft.files, ...files };
		});
		for (const file of pending) void this._validate(file);
	}

	/** Grades the task and shows which checks pass; records the attempt. */
	async check(): Promise<void> {
		const data = this._data;
		if (!data) return;
		this._flush();
		this._setStatus(this._label('checking'));
		try {
			const result = await validationClient().grade(
				data.exercise,
				this.currentFiles(),
				this._params(),
				toRecord(data.context)
			);
			const list = this.querySelector<HTMLElement>('[data-checks]');
			if (list)
				renderChecks(list, result.checks, this._label('checkPassed'), this._label('checkMissing'));
			this._diagnostics = new Map(
				this._files.map((f) => [f.name, result.diagnostics.filter((d) => d.file === f.name)])
			);
			this._showFindings();
			const passedCount = result.checks.filter((c) => c.passed).length;
			this._setStatus(
				result.passed
					? this._label('passed')
					: this._label('notYet')
							.replace('{passed}', String(passedCount))
							.replace('{total}', String(result.checks.length))
							.replace('{errors}', String(result.errors))
			);
			this._save((draft) => {
				draft.attempts += 1;
				if (result.passed) {
					draft.passed = true;
					draft.firstPassedAt ??= new Date().toISOString();
				}
			});
		} catch {
			this._setStatus(this._label('checkFailed'));
		}
	}

	/** Starts loading Monaco in the background; a failed load is forgotten, so it can be retried. */
	private _preload(): Promise<Monaco> {
		this._monaco ??= import('../editor/monaco.js')
			.then((m) => m.loadMonaco())
			.catch((error: unknown) => {
				this._monaco = undefined;
				throw error;
			});
		return this._monaco;
	}

	/** Loads Monaco (once) and turns a file's static view into an editor. */
	private async _startEditor(file: EditableFile): Promise<void> {
		if (file.editor) return;
		file.host.setAttribute('aria-busy', 'true');
		let monaco: Monaco;
		try {
			monaco = await this._preload();
		} catch {
			file.host.removeAttribute('aria-busy');
			this._setStatus(this._label('editorFailed'));
			return;
		}
		if (this.querySelector('[data-status]')?.textContent === this._label('editorFailed')) {
			this._setStatus('');
		}
		if (file.editor) return;
		const dark = document.documentElement.dataset['theme'] === 'dark';
		const text = this._texts[file.name] ?? '';
		file.host.replaceChildren();
		file.host.classList.add('live');
		if (file.edit) file.edit.hidden = true;
		const editor = monaco.editor.create(file.host, {
			value: text,
			language: file.kind === 'dockerfile' ? 'dockerfile' : 'yaml',
			theme: dark ? 'vs-dark' : 'vs',
			minimap: { enabled: false },
			scrollBeyondLastLine: false,
			fontSize: 14,
			lineNumbersMinChars: 3,
			tabSize: file.kind === 'dockerfile' ? 4 : 2,
			insertSpaces: file.kind !== 'dockerfile',
			wordWrap: 'on',
			automaticLayout: true,
			accessibilitySupport: 'auto',
			ariaLabel: this._label('editorLabel').replace('{file}', file.name),
			fixedOverflowWidgets: true,
		});
		file.editor = editor;
		file.host.removeAttribute('aria-busy');
		this._fitHeight(file);
		editor.onDidChangeModelContent(() => {
			this._texts[file.name] = editor.getValue();
			this._fitHeight(file);
			this._schedule(file);
		});
		this._wireEditorKeys(monaco, file);
		new MutationObserver(() => {
			monaco.editor.setTheme(
				document.documentElement.dataset['theme'] === 'dark' ? 'vs-dark' : 'vs'
			);
		}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
		editor.focus();
		this.dispatchEvent(new CustomEvent('spinup:editor-ready', { bubbles: true }));
		void this._validate(file);
	}

	/** Esc then Tab leaves the editor; Ctrl+Enter checks; Alt+F1 opens the keyboard help. */
	private _wireEditorKeys(monaco: Monaco, file: EditableFile): void {
		const editor = file.editor;
		if (!editor) return;
		let escaped = false;
		editor.onKeyDown((e) => {
			if (e.keyCode === monaco.KeyCode.Escape) {
				escaped = true;
				return;
			}
			if (e.keyCode === monaco.KeyCode.Tab && escaped) {
				e.preventDefault();
				e.stopPropagation();
				this._leaveEditor(file, e.shiftKey);
			}
			escaped = false;
		});
		editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void this.check());
		editor.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.F1, () => {
			const button = this.querySelector<HTMLButtonElement>('[data-action="shortcuts"]');
			if (button) this._toggleShortcuts(button, true);
		});
	}

	/** Moves focus out of the editor, forwards to the Check button or back to the file tabs. */
	private _leaveEditor(file: EditableFile, back: boolean): void {
		const target = back
			? this.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
			: this.querySelector<HTMLElement>('[data-action="check"]');
		(target ?? file.host).focus();
	}

	/** Grows the editor with its text, between 8 and 30 lines. */
	private _fitHeight(file: EditableFile): void {
		const lines = file.editor?.getModel()?.getLineCount() ?? 10;
		file.host.style.height = `${Math.min(30, Math.max(8, lines + 1)) * 19 + 12}px`;
	}

	/** Validates a file shortly after the last keystroke and saves the text. */
	private _schedule(file: EditableFile): void {
		window.clearTimeout(this._timers.get(file.name));
		this._timers.set(
			file.name,
			window.setTimeout(() => {
				this._timers.delete(file.name);
				void this._validate(file);
				this._save((draft) => {
					draft.files = { ...draft.files, [file.name]: this._texts[file.name] ?? '' };
				});
			}, DEBOUNCE_MS)
		);
	}

	/** Runs the validator over one file and shows markers and findings. */
	private async _validate(file: EditableFile): Promise<void> {
		const text = this._texts[file.name] ?? '';
		const diagnostics = await validationClient().validate(file.kind, text);
		if ((this._texts[file.name] ?? '') !== text) return;
		this._diagnostics.set(
			file.name,
			diagnostics.map((d) => ({ ...d, file: file.name }))
		);
		const monaco = await this._monaco;
		const model = file.editor?.getModel();
		if (monaco && model) {
			const severity = {
				error: monaco.MarkerSeverity.Error,
				warning: monaco.MarkerSeverity.Warning,
				info: monaco.MarkerSeverity.Info,
			};
			monaco.editor.setModelMarkers(
				model,
				'spinup',
				diagnostics.map((d) => ({
					severity: severity[d.severity],
					message: `${d.message}\n${d.hint}`,
					source: d.ruleId,
					startLineNumber: d.range.start.line,
					startColumn: d.range.start.column,
					endLineNumber: d.range.end.line,
					endColumn: Math.max(d.range.end.column, d.range.start.column + 1),
				}))
			);
		}
		this._showFindings();
		this.dispatchEvent(new CustomEvent('spinup:validated', { bubbles: true }));
	}

	/** Shows every file's findings under the editor. */
	private _showFindings(): void {
		const box = this.querySelector<HTMLElement>('[data-findings]');
		const list = box?.querySelector<HTMLElement>('ul');
		if (!box || !list) return;
		box.hidden = false;
		const all = [...this._diagnostics.values()].flat();
		const labels: FindingLabels = {
			line: this._label('line'),
			docs: this._label('docs'),
			none: this._label('noFindings'),
			severity: {
				error: this._label('error'),
				warning: this._label('warning'),
				info: this._label('info'),
			},
		};
		renderFindings(list, all, labels, this._files.length > 1, (d) => void this._reveal(d));
	}

	/** Puts the cursor on a finding, starting the editor if needed. */
	private async _reveal(d: FileDiagnostic): Promise<void> {
		const file = this._files.find((f) => f.name === d.file) ?? this._files[0];
		if (!file) return;
		this._selectTab(file.name);
		await this._startEditor(file);
		const editor = file.editor;
		if (!editor) return;
		editor.setSelection({
			startLineNumber: d.range.start.line,
			startColumn: d.range.start.column,
			endLineNumber: d.range.end.line,
			endColumn: d.range.end.column,
		});
		editor.revealLineInCenter(d.range.start.line);
		editor.focus();
	}

	/** Shows a saved text in the static view before the editor loads. */
	private _showPlain(file: EditableFile, text: string): void {
		const pre = document.createElement('pre');
		pre.textContent = text;
		file.host.replaceChildren(pre);
	}

	/** Arrow keys move between file tabs; Enter or click shows a file. */
	private _wireTabs(): void {
		const tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
		tabs.forEach((tab, i) => {
			tab.addEventListener('click', () => this._selectTab(tab.dataset['file'] ?? ''));
			tab.addEventListener('keydown', (e) => {
				const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
				if (!step) return;
				e.preventDefault();
				const next = tabs[(i + step + tabs.length) % tabs.length];
				if (next) {
					this._selectTab(next.dataset['file'] ?? '');
					next.focus();
				}
			});
		});
	}

	/** Shows one file's panel. */
	private _selectTab(name: string): void {
		this.querySelectorAll<HTMLButtonElement>('[role="tab"]').forEach((tab) => {
			const on = tab.dataset['file'] === name;
			tab.setAttribute('aria-selected', String(on));
			tab.tabIndex = on ? 0 : -1;
			const panel = this.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls') ?? ''}`);
			if (panel) panel.hidden = !on;
		});
	}

	/** Restores and saves the learner's own values (UID, GID …). */
	private _wireParams(saved: Record<string, string>): void {
		this.querySelectorAll<HTMLInputElement>('input[data-param]').forEach((input) => {
			const name = input.dataset['param'] ?? '';
			if (saved[name]) input.value = saved[name];
			input.addEventListener('change', () => {
				this._save((draft) => {
					draft.params = { ...draft.params, [name]: input.value.trim() };
				});
			});
		});
	}

	/** The learner's values, as typed. */
	private _params(): Record<string, string> {
		const out: Record<string, string> = {};
		this.querySelectorAll<HTMLInputElement>('input[data-param]').forEach((input) => {
			if (input.value.trim()) out[input.dataset['param'] ?? ''] = input.value.trim();
		});
		return out;
	}

	/** Puts the starter back, after a confirmation. */
	private _reset(): void {
		if (!this._data || !window.confirm(this._label('resetConfirm'))) return;
		const starter = toRecord(this._data.starter);
		for (const file of this._files) {
			this._texts[file.name] = starter[file.name] ?? '';
			if (file.editor) file.editor.setValue(this._texts[file.name] ?? '');
			else this._showPlain(file, this._texts[file.name] ?? '');
		}
		this._save((draft) => {
			draft.files = {};
		});
	}

	/** Unlocks the next hint. */
	private _hint(): void {
		const hints = [...this.querySelectorAll<HTMLElement>('[data-hint]')];
		const next = hints.find((h) => h.hidden);
		if (!next) return;
		next.hidden = false;
		const used = hints.filter((h) => !h.hidden).length;
		this._save((draft) => {
			draft.hintsUsed = Math.max(draft.hintsUsed, used);
		});
		this._updateHintButton(used, hints.length);
		next.focus();
	}

	/** Shows the hints already used and the solution if it was shown before. */
	private _restoreHints(used: number, solutionShown: boolean): void {
		const hints = [...this.querySelectorAll<HTMLElement>('[data-hint]')];
		hints.forEach((h, i) => (h.hidden = i >= used));
		this._updateHintButton(Math.min(used, hints.length), hints.length);
		if (solutionShown) this._renderSolution();
	}

	/** Updates the hint button's label, or hides it when every hint is shown. */
	private _updateHintButton(used: number, total: number): void {
		const button = this.querySelector<HTMLButtonElement>('[data-action="hint"]');
		if (!button) return;
		button.hidden = used >= total;
		button.textContent = this._label('hintButton')
			.replace('{n}', String(used + 1))
			.replace('{total}', String(total));
		const solution = this.querySelector<HTMLButtonElement>('[data-action="solution"]');
		if (solution) solution.hidden = used < total;
	}

	/** Shows the solution after a confirmation, and records that it was shown. */
	private _solution(): void {
		if (!window.confirm(this._label('solutionConfirm'))) return;
		this._renderSolution();
		this._save((draft) => {
			draft.solutionShown = true;
		});
		this.querySelector<HTMLElement>('[data-solution]')?.focus();
	}

	/** Writes the solution files, with the learner's values filled in. */
	private _renderSolution(): void {
		const box = this.querySelector<HTMLElement>('[data-solution]');
		if (!box || !this._data) return;
		const params = {
			...Object.fromEntries(
				Object.entries(this._data.exercise.params).map(([k, p]) => [k, p.example])
			),
			...this._params(),
		};
		box.querySelectorAll('figure').forEach((f) => f.remove());
		for (const file of this._data.solution) {
			const figure = document.createElement('figure');
			const caption = document.createElement('figcaption');
			caption.textContent = file.name;
			const pre = document.createElement('pre');
			pre.tabIndex = 0;
			pre.textContent = substituteParams(file.text, params);
			figure.append(caption, pre);
			box.append(figure);
		}
		box.hidden = false;
		const button = this.querySelector<HTMLButtonElement>('[data-action="solution"]');
		if (button) button.hidden = true;
	}

	/** Shows or hides the keyboard help. */
	private _toggleShortcuts(button: HTMLButtonElement, open?: boolean): void {
		const panel = this.querySelector<HTMLElement>('[data-shortcuts]');
		if (!panel) return;
		const show = open ?? panel.hidden;
		panel.hidden = !show;
		button.setAttribute('aria-expanded', String(show));
		if (show) panel.focus();
	}

	/** Saves a change to this exercise's progress and tells the page. */
	private _save(
		change: (draft: import('../../core/progress/schema.js').ExerciseProgress) => void
	): void {
		const id = this._data?.exercise.id;
		if (!id) return;
		const store = progressStore();
		const ok = store.update((progress) => {
			const entry = { ...store.exercise(id), ...(progress.exercises[id] ?? {}) };
			change(entry);
			progress.exercises[id] = entry;
		});
		if (!ok) this._setStatus(store.issues.at(-1)?.message ?? '');
		announceProgress();
	}

	/** Calls `fn` when the button with `data-action=name` is pressed. */
	private _act(name: string, fn: (button: HTMLButtonElement) => void): void {
		const button = this.querySelector<HTMLButtonElement>(`[data-action="${name}"]`);
		button?.addEventListener('click', () => fn(button));
	}

	/** Shows a status message. */
	private _setStatus(text: string): void {
		const status = this.querySelector('[data-status]');
		if (status) status.textContent = text;
	}

	/** A UI string passed from the server as `data-label-*`. */
	private _label(name: string): string {
		return this.dataset[`label${name[0]?.toUpperCase()}${name.slice(1)}`] ?? '';
	}
}
