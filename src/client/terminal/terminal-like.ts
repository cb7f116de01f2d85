/**
 * The little the line editor needs from a terminal: write text (with ANSI escapes), receive what
 * the learner types or pastes, know the width in columns. xterm.js fits; so does a test double.
 */

/** A listener registration that can be undone. */
export interface Disposable {
	dispose(): void;
}

/** A terminal screen. */
export interface TerminalLike {
	/** Width in character cells. */
	readonly cols: number;
	/** Writes text; `\r\n` ends a line. */
	write(data: string): void;
	/** Calls `listener` with each chunk of input: a key's sequence or a pasted text. */
	onData(listener: (data: string) => void): Disposable;
	/** Releases the terminal. */
	dispose(): void;
}
