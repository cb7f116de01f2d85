import { describe, expect, it } from 'vitest';
import {
	LineEditor,
	MAX_LINE,
	MAX_LISTED,
	type LineRunner,
} from '../../../../src/client/terminal/line-editor.js';
import { makeShell } from '../../core/sim/setup.js';
import { FakeTerminal } from './fake-terminal.js';

/** The line editor over a fake screen, driven by the real simulated shell. */

const PROMPT = '\x1b[32mme@spinup\x1b[0m:~$ ';
const SHOWN = 'me@spinup:~$ ';
/** An empty prompt as `screen()` shows it (trailing blanks dropped). */
const BARE = SHOWN.trimEnd();

/** A shell, a screen and an editor with the first prompt drawn. */
function setup(cols = 60, runner: LineRunner = makeShell()) {
	const term = new FakeTerminal(cols);
	const ran: [string, number][] = [];
	const editor = new LineEditor(term, runner, {
		prompt: PROMPT,
		onRun: (line, code) => ran.push([line, code]),
	});
	editor.start('Welcome');
	return { term, editor, ran, runner };
}

/** The last screen line. */
function last(term: FakeTerminal): string {
	return term.screen().at(-1) ?? '';
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('the line editor', () => {
	it('greets, shows the prompt and echoes what is typed', () => {
		const { term, editor } = setup();
		expect(term.screen()).toEqual(['Welcome', BARE]);
		term.type('l');
		term.type('s');
		expect(last(term)).toBe(`${SHOWN}ls`);
		expect(editor.line).toBe('ls');
		expect(term.cursor).toEqual([1, SHOWN.length + 2]);
	});

	it('runs the line on Enter, prints the output and a new prompt', () => {
		const { term, ran, runner } = setup();
		term.type('echo hello world\r');
		expect(term.screen()).toEqual(['Welcome', `${SHOWN}echo hello world`, 'hello world', BARE]);
		expect(ran).toEqual([['echo hello world', 0]]);
		expect(runner.history).toEqual(['echo hello world']);
		term.type('nosuchcommand\r');
		expect(ran.at(-1)).toEqual(['nosuchcommand', 127]);
		expect(term.screen().at(-3)).toContain('nosuchcommand: command not found');
	});

	it('runs nothing for an empty line', () => {
		const { term, ran } = setup();
		term.type('   \r');
		expect(ran).toEqual([]);
		expect(term.screen()).toEqual(['Welcome', BARE, BARE]);
	});

	it('moves with the arrows, Home and End, and edits in the middle', () => {
		const { term, editor } = setup();
		term.type('docker ps');
		term.type(LEFT + LEFT + LEFT);
		expect(editor.cursor).toBe(6);
		term.type('X');
		expect(editor.line).toBe('dockerX ps');
		term.type('\x1b[H');
		expect(editor.cursor).toBe(0);
		term.type('\x1b[3~');
		expect(editor.line).toBe('ockerX ps');
		term.type('\x1b[F');
		expect(editor.cursor).toBe(9);
		term.type('\x7f');
		expect(editor.line).toBe('ockerX p');
		term.type(RIGHT);
		expect(editor.cursor).toBe(8);
		term.type('\x01');
		expect(editor.cursor).toBe(0);
		term.type('\x7f');
		expect(editor.line).toBe('ockerX p');
		term.type('\x05');
		expect(editor.cursor).toBe(8);
		expect(last(term)).toBe(`${SHOWN}ockerX p`);
		expect(term.cursor).toEqual([1, SHOWN.length + 8]);
	});

	it('kills to the start, to the end and the word before the cursor', () => {
		const { term, editor } = setup();
		term.type('kubectl get pods');
		term.type('\x17');
		expect(editor.line).toBe('kubectl get ');
		term.type('\x01' + RIGHT.repeat(7) + '\x0b');
		expect(editor.line).toBe('kubectl');
		term.type(LEFT.repeat(3) + '\x15');
		expect(editor.line).toBe('ctl');
		expect(editor.cursor).toBe(0);
		expect(last(term)).toBe(`${SHOWN}ctl`);
	});

	it('jumps by words with Ctrl and Alt arrows', () => {
		const { term, editor } = setup();
		term.type('kubectl rollout undo');
		term.type('\x1b[1;5D');
		expect(editor.cursor).toBe(16);
		term.type('\x1bb');
		expect(editor.cursor).toBe(8);
		term.type('\x1b[1;5C');
		expect(editor.cursor).toBe(15);
		term.type('\x1bf');
		expect(editor.cursor).toBe(20);
	});

	it('recalls earlier lines with up and down and keeps the line being typed', () => {
		const { term, editor } = setup();
		term.type('ls\r');
		term.type('pwd\r');
		term.type('echo draft');
		term.type(UP);
		expect(editor.line).toBe('pwd');
		term.type(UP);
		expect(editor.line).toBe('ls');
		term.type(UP);
		expect(editor.line).toBe('ls');
		term.type(DOWN);
		expect(editor.line).toBe('pwd');
		term.type(DOWN);
		expect(editor.line).toBe('echo draft');
		term.type(DOWN);
		expect(editor.line).toBe('echo draft');
		term.type(UP + '\r');
		expect(term.screen().at(-2)).toBe('/home/elvis/workspace');
	});

	it('completes a word with Tab', () => {
		const { term, editor } = setup();
		term.type('kubectl rollout u');
		term.type('\t');
		expect(editor.line).toBe('kubectl rollout undo ');
		expect(editor.cursor).toBe(21);
		expect(term.cursor).toEqual([1, SHOWN.length + 21]);
		term.type('\x15docker run --cap-d');
		term.type('\t');
		expect(editor.line).toBe('docker run --cap-drop ');
	});

	it('lists the candidates under the line when Tab cannot choose, then redraws the line', () => {
		const { term, editor } = setup();
		term.type('docker p');
		term.type('\t');
		expect(editor.line).toBe('docker p');
		expect(term.screen().slice(-2)).toEqual(['ps    pull  push', `${SHOWN}docker p`]);
		expect(term.cursor).toEqual([term.screen().length - 1, SHOWN.length + 8]);
	});

	it('limits a long candidate list', () => {
		const many = Array.from({ length: MAX_LISTED + 5 }, (_, i) => `c${i}`);
		const runner: LineRunner = {
			history: [],
			run: () => ({ output: '', exitCode: 0 }),
			complete: (line, cursor) => ({ line, cursor, candidates: many }),
		};
		const { term } = setup(40, runner);
		term.type('\t');
		expect(term.screen().at(-2)).toBe('… and 5 more');
		expect(term.screen()).toContain('c0   c1   c2   c3   c4   c5   c6   c7');
	});

	it('runs each line of a paste and keeps the unfinished last line for editing', () => {
		const { term, editor, ran } = setup();
		term.type('echo one\r\necho two\necho th');
		expect(ran.map(([line]) => line)).toEqual(['echo one', 'echo two']);
		expect(editor.line).toBe('echo th');
		term.type('ree\tfour');
		expect(editor.line).toBe('echo three four');
	});

	it('abandons the line on Ctrl-C', () => {
		const { term, editor, runner } = setup();
		term.type('docker rm everything');
		term.type('\x03');
		expect(term.screen().slice(-2)).toEqual([`${SHOWN}docker rm everything^C`, BARE]);
		expect(editor.line).toBe('');
		expect(runner.history).toEqual([]);
	});

	it('clears the screen with Ctrl-L and with clear, keeping the prompt on top', () => {
		const { term, editor } = setup();
		term.type('ls\r');
		term.type('echo kept');
		term.type('\x0c');
		expect(term.screen()).toEqual([`${SHOWN}echo kept`]);
		expect(editor.line).toBe('echo kept');
		term.type('\x15clear\r');
		expect(term.screen()).toEqual([BARE]);
		expect(term.cursor).toEqual([0, SHOWN.length]);
	});

	it('ignores a lone Escape and unknown sequences', () => {
		const { term, editor } = setup();
		term.type('ls');
		term.type('\x1b');
		term.type('\x1b[15~');
		term.type('\x1bOP');
		expect(editor.line).toBe('ls');
		expect(editor.cursor).toBe(2);
	});

	it('wraps a long line and keeps the cursor where the text is', () => {
		const { term, editor } = setup(20);
		const text = 'kubectl get pods --namespace myuser-first-app';
		term.type(text);
		const flat = term.screen().slice(1).join('');
		expect(flat).toBe(`${SHOWN}${text}`);
		const end = SHOWN.length + text.length;
		expect(term.cursor).toEqual([1 + Math.floor(end / 20), end % 20]);
		term.type('\x01');
		expect(term.cursor).toEqual([1, SHOWN.length]);
		term.type(RIGHT.repeat(10));
		expect(term.cursor).toEqual([2, (SHOWN.length + 10) % 20]);
		term.type('Z');
		const edited = 'kubectl geZt pods --namespace myuser-first-app';
		expect(editor.line).toBe(edited);
		expect(term.screen().slice(1).join('')).toBe(`${SHOWN}${edited}`);
		expect(term.cursor).toEqual([2, (SHOWN.length + 11) % 20]);
	});

	it('puts the cursor on the next row when the line exactly fills a row', () => {
		const { term } = setup(20);
		term.type('x'.repeat(20 - SHOWN.length));
		expect(term.cursor).toEqual([2, 0]);
		term.type('y');
		expect(term.screen().slice(1)).toEqual([`${SHOWN}${'x'.repeat(20 - SHOWN.length)}`, 'y']);
		term.type('\x7f\x7f');
		expect(term.cursor).toEqual([1, 19]);
		expect(term.screen().slice(1)).toEqual([`${SHOWN}${'x'.repeat(19 - SHOWN.length)}`]);
	});

	it('prints the output of a wrapped line below all of its rows', () => {
		const { term } = setup(20);
		term.type('echo a-long-word-that-wraps-twice-over\x01\r');
		expect(term.screen().slice(-3)).toEqual(['a-long-word-that-wra', 'ps-twice-over', BARE]);
	});

	it('redraws after the terminal changed width', () => {
		const { term, editor } = setup(60);
		term.type('echo resized');
		term.cols = 30;
		editor.refresh();
		expect(last(term)).toBe(`${SHOWN}echo resized`);
		expect(term.cursor).toEqual([1, SHOWN.length + 12]);
	});

	it('stops at the longest line it accepts', () => {
		const { editor, term } = setup();
		term.type('a'.repeat(MAX_LINE + 10));
		expect(editor.line).toHaveLength(MAX_LINE);
		term.type('b');
		expect(editor.line).toHaveLength(MAX_LINE);
	});

	it('stops listening when disposed', () => {
		const { term, editor } = setup();
		editor.dispose();
		term.type('ls');
		expect(editor.line).toBe('');
	});
});
