import type { CheckOutcome } from '../../core/exercises/grade.js';
import type { TerminalCheck } from '../../core/sim/tasks.js';
import { announceProgress, progressStore } from '../progress.js';
import type { LineEditor } from './line-editor.js';
import type { TerminalSession } from './sim-session.js';
import type { XtermView } from './xterm-view.js';

/**
 * `<terminal-panel>`: static until the learner opens it; then the simulated shell and xterm.js
 * load, and a prompt appears. For a terminal task, Check grades the engine's state, lists what
 * passed and what is missing, and records the attempt with the typed commands in the progress
 * store. Everything heavy is loaded with dynamic `import()`.
 */

/** The JSON a panel embeds. */
interface PanelData {
	files: Record<string, string>;
	setup: string[];
	checks: TerminalCheck[];
}

/** An ancestor that knows the editor's current texts (a file exercise). */
interface FileSource extends Element {
	currentFiles(): Record<string, string>;
}

/** Name of the performance measure from the click on Open to the first prompt. */
export const OPEN_MEASURE = 'spinup:terminal-open';

/** The commands file of a terminal exercise. */
const COMMANDS = 'commands.txt';

/** Whether an element offers `currentFiles()`. */
function isFileSource(el: Element | null): el is FileSource {
	return el !== null && typeof (el as Partial<FileSource>).currentFiles === 'function';
}

/** The custom element. */
export class TerminalPanel extends HTMLElement {
	private data: PanelData = { files: {}, setup: [], checks: [] };
	private session: Promise<TerminalSession> | undefined;
	private view: XtermView | undefined;
	private editor: LineEditor | undefined;
	private wired = false;

	connectedCallback(): void {
		const node = this.querySelector('script[data-terminal-data]');
		try {
			this.data = { ...this.data, ...(JSON.parse(node?.textContent ?? '{}') as PanelData) };
		} catch {
			this.data = { files: {}, setup: [], checks: [] };
		}
		if (this.wired) return;
		this.wired = true;
		this.button('open')?.addEventListener('click', () => void this.open());
		this.button('check')?.addEventListener('click', () => void this.check());
		this.button('reset')?.addEventListener('click', () => void this.reset());
		if (this.data.checks.length > 0 && progressStore().exercise(this.terminalId()).passed)
			this.status(this.label('passedBefore'));
	}

	disconnectedCallback(): void {
		this.close();
	}

	/** Loads the terminal and shows a prompt; focus moves into it. */
	async open(): Promise<void> {
		if (this.view) return this.view.focus();
		performance.mark(`${OPEN_MEASURE}:click`);
		const opener = this.button('open');
		if (opener) opener.disabled = true;
		this.status(this.label('loading'));
		try {
			const [session, { openXterm }, { LineEditor }] = await Promise.all([
				this.loadSession(),
				import('./xterm-view.js'),
				import('./line-editor.js'),
			]);
			const screen = this.querySelector<HTMLElement>('[data-screen]');
			if (!screen || !this.isConnected) return;
			screen.hidden = false;
			const view = await openXterm(screen);
			this.view = view;
			view.input?.setAttribute('aria-describedby', `${this.base()}-keys`);
			const user = this.user();
			const editor = new LineEditor(view, session, {
				prompt: `\x1b[32m${user}@spinup\x1b[0m:\x1b[34m~/workspace\x1b[0m$ `,
			});
			this.editor = editor;
			view.onResize(() => editor.refresh());
			const restored =
				session.restored > 0
					? `\r\n${this.label('restored').replace('{count}', String(session.restored))}`
					: '';
			editor.start(`\x1b[2m${this.label('greeting')}${restored}\x1b[0m`);
			if (opener) opener.hidden = true;
			this.status('');
			view.focus();
			performance.mark(`${OPEN_MEASURE}:prompt`);
			const measure = performance.measure(
				OPEN_MEASURE,
				`${OPEN_MEASURE}:click`,
				`${OPEN_MEASURE}:prompt`
			);
			this.dataset['openMs'] = String(Math.round(measure.duration));
		} catch {
			if (opener) opener.disabled = false;
			this.status(this.label('loadFailed'));
		}
	}

	/** Grades the task, shows the outcome and records the attempt. */
	async check(): Promise<void> {
		if (this.data.checks.length === 0) return;
		this.status(this.label('checking'));
		try {
			const session = await this.loadSession();
			const outcomes = session.grade();
			this.showOutcomes(outcomes);
			const passed = outcomes.every((o) => o.passed);
			const count = outcomes.filter((o) => o.passed).length;
			this.status(
				passed
					? this.label('passed')
					: this.label('notYet')
							.replace('{passed}', String(count))
							.replace('{total}', String(outcomes.length))
			);
			this.record(passed, session.script());
		} catch {
			this.status(this.label('checkFailed'));
		}
	}

	/** Starts the terminal again from the beginning, after asking. */
	async reset(): Promise<void> {
		if (!window.confirm(this.label('resetConfirm'))) return;
		const session = await this.loadSession();
		session.reset();
		if (this.view && this.editor) {
			this.view.write('\x1b[H\x1b[2J\x1b[3J');
			this.editor.start(`\x1b[2m${this.label('greeting')}\x1b[0m`);
			this.view.focus();
		}
		this.querySelectorAll<HTMLElement>('[data-check]').forEach((li) => {
			delete li.dataset['state'];
			li.querySelector('.why')?.remove();
			const state = li.querySelector('[data-check-state]');
			if (state) state.textContent = this.label('checkNotRun');
		});
		this.status('');
	}

	/** Releases the terminal (the session and its saved state stay). */
	private close(): void {
		this.editor?.dispose();
		this.view?.dispose();
		this.editor = undefined;
		this.view = undefined;
	}

	/** Loads the simulated shell once, restoring this tab's state or the last checked commands. */
	private loadSession(): Promise<TerminalSession> {
		this.session ??= import('./sim-session.js').then(({ TerminalSession }) => {
			let storage: Storage | null = null;
			try {
				storage = window.sessionStorage;
			} catch {
				storage = null;
			}
			const saved =
				this.data.checks.length > 0 ? progressStore().exercise(this.terminalId()) : null;
			const source = this.closest('exercise-workspace');
			return new TerminalSession({
				id: this.terminalId(),
				files: this.data.files,
				setup: this.data.setup,
				checks: this.data.checks,
				user: this.user(),
				storage,
				...(saved?.files[COMMANDS] !== undefined ? { savedScript: saved.files[COMMANDS] } : {}),
				...(isFileSource(source) ? { liveFiles: () => source.currentFiles() } : {}),
			});
		});
		this.session.catch(() => (this.session = undefined));
		return this.session;
	}

	/** Marks each check as passed or missing, with what is missing. */
	private showOutcomes(outcomes: readonly CheckOutcome[]): void {
		for (const outcome of outcomes) {
			const li = this.querySelector<HTMLElement>(`[data-check="${CSS.escape(outcome.id)}"]`);
			if (!li) continue;
			li.dataset['state'] = outcome.passed ? 'passed' : 'missing';
			const state = li.querySelector('[data-check-state]');
			if (state) state.textContent = this.label(outcome.passed ? 'checkPassed' : 'checkMissing');
			li.querySelector('.why')?.remove();
			if (!outcome.passed && outcome.message) {
				const why = document.createElement('span');
				why.className = 'why';
				why.textContent = outcome.message;
				li.append(why);
			}
		}
	}

	/** Saves the attempt: the commands typed, the attempt count and the result. */
	private record(passed: boolean, script: string): void {
		const id = this.terminalId();
		const now = new Date().toISOString();
		progressStore().update((draft) => {
			const entry = draft.exercises[id] ?? {
				files: {},
				attempts: 0,
				passed: false,
				hintsUsed: 0,
				solutionShown: false,
				params: {},
			};
			entry.files = { ...entry.files, [COMMANDS]: script };
			entry.attempts += 1;
			entry.passed = passed;
			if (passed) entry.firstPassedAt ??= now;
			draft.exercises[id] = entry;
		});
		announceProgress();
	}

	/** The terminal's id. */
	private terminalId(): string {
		return this.dataset['id'] ?? 'terminal';
	}

	/** The prefix of the panel's element ids. */
	private base(): string {
		return `terminal-${this.terminalId()}`;
	}

	/** The learner's NERSC user name if known, else `learner`. */
	private user(): string {
		const name = progressStore().state.learner.username ?? '';
		return /^[a-z][a-z0-9_-]{0,31}$/.test(name) ? name : 'learner';
	}

	/** A button of the panel by its action. */
	private button(action: string): HTMLButtonElement | null {
		return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
	}

	/** A UI string passed in a `data-label-*` attribute. */
	private label(name: string): string {
		return this.dataset[`label${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`] ?? '';
	}

	/** Shows a status line (announced politely). */
	private status(text: string): void {
		const node = this.querySelector('[data-status]');
		if (node) node.textContent = text;
	}
}
