import { splitInput, type KeyName } from './keys.js';
import type { Disposable, TerminalLike } from './terminal-like.js';

/**
 * A readline-style prompt over a `TerminalLike`: line editing (arrows, Home/End, Backspace,
 * Delete, Ctrl-A/E/U/K/W/L/C), history with the up and down arrows, Tab completion that lists
 * the candidates when it cannot choose, and paste. Commands run through a `LineRunner`.
 */

/** What the prompt runs commands with (the simulated shell fits). */
export interface LineRunner {
	/** Runs a line; `output` uses `\r\n` line ends. */
	run(line: string): { output: string; exitCode: number };
	/** Completes the word at the cursor. */
	complete(line: string, cursor: number): { line: string; cursor: number; candidates: string[] };
	/** Lines run so far, oldest first. */
	readonly history: readonly string[];
}

/** How the prompt looks and what it reports. */
export interface LineEditorOptions {
	/** The prompt, with ANSI colours if wanted. */
	prompt: string;
	/** Called after each command ran. */
	onRun?: (line: string, exitCode: number) => void;
}

/** Longest line accepted (a runaway paste stops here). */
export const MAX_LINE = 4096;
/** Most completion candidates listed at once. */
export const MAX_LISTED = 60;

/** Removes ANSI escape sequences, to measure the visible width of the prompt. */
function visible(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

/** Moves the cursor `n` rows up (`A`) or down (`B`). */
function rows(n: number, dir: 'A' | 'B'): string {
	return n > 0 ? `\x1b[${n}${dir}` : '';
}

/** Whether output ends by clearing the screen (nothing should follow it). */
function endsWithClear(output: string): boolean {
	return output.endsWith('\x1b[2J\x1b[3J') || output.endsWith('\x1b[2J');
}

/** The prompt and the line being edited. */
export class LineEditor {
	private text = '';
	private at = 0;
	/** Row of the cursor below the prompt's first row, as last drawn. */
	private cursorRow = 0;
	/** Position in the history while browsing it; `history.length` means the line being typed. */
	private browse = 0;
	private draft = '';
	private readonly subscription: Disposable;
	private readonly promptWidth: number;

	/** Listens to the terminal; call `start()` to draw the first prompt. */
	constructor(
		private readonly term: TerminalLike,
		private readonly runner: LineRunner,
		private readonly options: LineEditorOptions
	) {
		this.promptWidth = visible(options.prompt).length;
		this.subscription = term.onData((data) => this.handle(data));
	}

	/** The line being edited. */
	get line(): string {
		return this.text;
	}

	/** The cursor's offset in the line. */
	get cursor(): number {
		return this.at;
	}

	/** Writes an optional greeting and the first prompt. */
	start(greeting = ''): void {
		if (greeting !== '') this.term.write(`${greeting}\r\n`);
		this.newPrompt();
	}

	/** Redraws the prompt and line, e.g. after the terminal changed width. */
	refresh(): void {
		const cols = Math.max(1, this.term.cols);
		this.cursorRow = Math.min(this.cursorRow, Math.floor((this.promptWidth + this.at) / cols));
		this.render();
	}

	/** Stops listening to the terminal. */
	dispose(): void {
		this.subscription.dispose();
	}

	/** Handles one chunk of input. */
	handle(data: string): void {
		for (const key of splitInput(data)) {
			if (key.kind === 'text') this.insert(key.text);
			else this.press(key.name);
		}
	}

	/** Inserts text at the cursor. */
	private insert(text: string): void {
		const room = MAX_LINE - this.text.length;
		if (room <= 0) return;
		const piece = text.slice(0, room);
		this.text = this.text.slice(0, this.at) + piece + this.text.slice(this.at);
		this.at += piece.length;
		this.render();
	}

	/** Acts on an editing key. */
	private press(name: KeyName): void {
		const { text, at } = this;
		switch (name) {
			case 'enter':
				return this.submit();
			case 'interrupt':
				this.toEnd();
				this.term.write('^C\r\n');
				return this.newPrompt();
			case 'clear-screen':
				this.term.write('\x1b[H\x1b[2J');
				this.cursorRow = 0;
				return this.render();
			case 'tab':
				return this.completeWord();
			case 'up':
				return this.recall(-1);
			case 'down':
				return this.recall(1);
			case 'escape':
				return;
			default:
				this.edit(name, text, at);
		}
	}

	/** Applies a key that changes the line or moves the cursor, then redraws. */
	private edit(name: KeyName, text: string, at: number): void {
		const wordStart = () => {
			let i = at;
			while (i > 0 && text[i - 1] === ' ') i--;
			while (i > 0 && text[i - 1] !== ' ') i--;
			return i;
		};
		const wordEnd = () => {
			let i = at;
			while (i < text.length && text[i] === ' ') i++;
			while (i < text.length && text[i] !== ' ') i++;
			return i;
		};
		let next = text;
		let cursor = at;
		if (name === 'backspace' && at > 0)
			[next, cursor] = [text.slice(0, at - 1) + text.slice(at), at - 1];
		else if (name === 'delete') next = text.slice(0, at) + text.slice(at + 1);
		else if (name === 'left') cursor = Math.max(0, at - 1);
		else if (name === 'right') cursor = Math.min(text.length, at + 1);
		else if (name === 'home') cursor = 0;
		else if (name === 'end') cursor = text.length;
		else if (name === 'word-left') cursor = wordStart();
		else if (name === 'word-right') cursor = wordEnd();
		else if (name === 'kill-start') [next, cursor] = [text.slice(at), 0];
		else if (name === 'kill-end') next = text.slice(0, at);
		else if (name === 'kill-word') {
			const start = wordStart();
			[next, cursor] = [text.slice(0, start) + text.slice(at), start];
		}
		if (next === text && cursor === at) return;
		this.text = next;
		this.at = cursor;
		this.render();
	}

	/** Runs the line and starts a new prompt. */
	private submit(): void {
		const line = this.text;
		this.toEnd();
		this.term.write('\r\n');
		if (line.trim() !== '') {
			const result = this.runner.run(line);
			if (result.output !== '') {
				this.term.write(result.output);
				if (!endsWithClear(result.output)) this.term.write('\r\n');
			}
			this.options.onRun?.(line, result.exitCode);
		}
		this.newPrompt();
	}

	/** Completes the word at the cursor, or lists the candidates when it cannot go further. */
	private completeWord(): void {
		const done = this.runner.complete(this.text, this.at);
		if (done.line !== this.text || done.cursor !== this.at) {
			this.text = done.line.slice(0, MAX_LINE);
			this.at = Math.min(done.cursor, this.text.length);
			return this.render();
		}
		if (done.candidates.length < 2) return;
		this.toEnd();
		this.term.write(`\r\n${this.columns(done.candidates)}\r\n`);
		this.cursorRow = 0;
		this.render();
	}

	/** Lays candidates out in columns that fit the terminal. */
	private columns(candidates: readonly string[]): string {
		const shown = candidates.slice(0, MAX_LISTED);
		const width = Math.max(...shown.map((c) => c.length)) + 2;
		const perRow = Math.max(1, Math.floor(Math.max(1, this.term.cols) / width));
		const lines: string[] = [];
		for (let i = 0; i < shown.length; i += perRow)
			lines.push(
				shown
					.slice(i, i + perRow)
					.map((c) => c.padEnd(width))
					.join('')
					.trimEnd()
			);
		if (candidates.length > shown.length)
			lines.push(`… and ${candidates.length - shown.length} more`);
		return lines.join('\r\n');
	}

	/** Moves through the history: -1 is older, 1 is newer. */
	private recall(step: -1 | 1): void {
		const history = this.runner.history;
		const target = Math.min(history.length, Math.max(0, this.browse + step));
		if (target === this.browse) return;
		if (this.browse === history.length) this.draft = this.text;
		this.browse = target;
		this.text = target === history.length ? this.draft : (history[target] ?? '');
		this.at = this.text.length;
		this.render();
	}

	/** Starts an empty line under a fresh prompt. */
	private newPrompt(): void {
		this.text = '';
		this.at = 0;
		this.draft = '';
		this.browse = this.runner.history.length;
		this.cursorRow = 0;
		this.render();
	}

	/** Moves the cursor after the last character of the line. */
	private toEnd(): void {
		const cols = Math.max(1, this.term.cols);
		const total = this.promptWidth + this.text.length;
		const endRow = Math.floor(total / cols);
		const out =
			rows(endRow - this.cursorRow, 'B') + '\r' + (total % cols > 0 ? `\x1b[${total % cols}C` : '');
		this.term.write(out);
		this.cursorRow = endRow;
	}

	/** Draws the prompt and line from the prompt's first row and puts the cursor in place. */
	private render(): void {
		const cols = Math.max(1, this.term.cols);
		const total = this.promptWidth + this.text.length;
		const endRow = Math.floor(total / cols);
		const position = this.promptWidth + this.at;
		const row = Math.floor(position / cols);
		const col = position % cols;
		let out = `${rows(this.cursorRow, 'A')}\r\x1b[J${this.options.prompt}${this.text}`;
		// A line that fills its last row leaves the cursor waiting to wrap: move it down for real.
		if (total > 0 && total % cols === 0) out += '\r\n';
		out += `${rows(endRow - row, 'A')}\r${col > 0 ? `\x1b[${col}C` : ''}`;
		this.cursorRow = row;
		this.term.write(out);
	}
}
