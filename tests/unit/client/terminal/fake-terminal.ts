import type { Disposable, TerminalLike } from '../../../../src/client/terminal/terminal-like.js';

/**
 * A tiny terminal screen for tests: enough of VT100 for what the line editor writes (text with
 * wrapping and the pending-wrap state, CR, LF, cursor up/down/right, erase below, clear, SGR
 * colours ignored). `screen()` returns the visible lines, `cursor` the cursor position.
 */
export class FakeTerminal implements TerminalLike {
	lines: string[] = [''];
	row = 0;
	col = 0;
	/** Set after a character was written in the last column: the next one wraps. */
	private pendingWrap = false;
	private listeners: ((data: string) => void)[] = [];
	written = '';
	disposed = false;

	constructor(public cols = 40) {}

	/** Types or pastes a chunk of input. */
	type(data: string): void {
		for (const listener of this.listeners) listener(data);
	}

	onData(listener: (data: string) => void): Disposable {
		this.listeners.push(listener);
		return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
	}

	dispose(): void {
		this.disposed = true;
	}

	/** The screen's lines without trailing blanks, and without trailing empty lines. */
	screen(): string[] {
		const out = this.lines.map((l) => l.replace(/\s+$/, ''));
		while (out.length > 0 && out[out.length - 1] === '') out.pop();
		return out;
	}

	/** The cursor as [row, column]. */
	get cursor(): [number, number] {
		return [this.row, this.col];
	}

	write(data: string): void {
		this.written += data;
		let i = 0;
		while (i < data.length) {
			const c = data[i] ?? '';
			if (c === '\x1b') {
				const m = /^\x1b\[([0-9;?]*)([A-Za-z@])/.exec(data.slice(i));
				if (!m) throw new Error(`unexpected escape at ${JSON.stringify(data.slice(i, i + 8))}`);
				this.csi(m[1] ?? '', m[2] ?? '');
				i += m[0].length;
				continue;
			}
			if (c === '\r') {
				this.col = 0;
				this.pendingWrap = false;
			} else if (c === '\n') {
				this.down();
				this.pendingWrap = false;
			} else this.put(c);
			i++;
		}
	}

	private down(): void {
		this.row++;
		while (this.lines.length <= this.row) this.lines.push('');
	}

	private put(c: string): void {
		if (this.pendingWrap) {
			this.down();
			this.col = 0;
			this.pendingWrap = false;
		}
		const line = (this.lines[this.row] ?? '').padEnd(this.col, ' ');
		this.lines[this.row] = line.slice(0, this.col) + c + line.slice(this.col + 1);
		if (this.col === this.cols - 1) this.pendingWrap = true;
		else this.col++;
	}

	private csi(params: string, final: string): void {
		const n = Number(params.split(';')[0] || '1');
		this.pendingWrap = false;
		if (final === 'A') this.row = Math.max(0, this.row - n);
		else if (final === 'B') this.row = Math.min(this.lines.length - 1, this.row + n);
		else if (final === 'C') this.col = Math.min(this.cols - 1, this.col + n);
		else if (final === 'D') this.col = Math.max(0, this.col - n);
		else if (final === 'H') [this.row, this.col] = [0, 0];
		else if (final === 'J') {
			if (params === '2' || params === '3') {
				if (params === '2') this.lines = this.lines.map(() => '');
				if (params === '3') this.lines = [''];
				this.row = Math.min(this.row, this.lines.length - 1);
			} else {
				this.lines[this.row] = (this.lines[this.row] ?? '').slice(0, this.col);
				this.lines = this.lines.slice(0, this.row + 1);
			}
		} else if (final !== 'm') throw new Error(`unexpected CSI ${params}${final}`);
	}
}
