import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import xtermCss from '@xterm/xterm/css/xterm.css?url';
import { paletteFor, readableDim } from './palette.js';
import type { Disposable, TerminalLike } from './terminal-like.js';

/**
 * xterm.js behind `TerminalLike`: a screen-reader friendly terminal that fills its host, follows
 * the site's colour scheme and lets focus leave with Escape then Tab.
 */

/** A live xterm terminal. */
export interface XtermView extends TerminalLike {
	/** Moves keyboard focus into the terminal. */
	focus(): void;
	/** Calls `listener` after the terminal changed its number of columns. */
	onResize(listener: () => void): Disposable;
	/** The element that receives the keys (for labels and descriptions). */
	readonly input: HTMLTextAreaElement | undefined;
}

/** The page's colour scheme. */
function scheme(): 'light' | 'dark' {
	return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

let styles: Promise<void> | undefined;

/** Adds xterm's stylesheet to the page once, when the first terminal opens. */
function loadStyles(): Promise<void> {
	styles ??= new Promise((resolve) => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = xtermCss;
		link.addEventListener('load', () => resolve());
		link.addEventListener('error', () => resolve());
		document.head.append(link);
	});
	return styles;
}

/** Opens a terminal in `host`, after loading xterm's stylesheet. */
export async function openXterm(host: HTMLElement): Promise<XtermView> {
	await loadStyles();
	const mono = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim();
	const term = new Terminal({
		screenReaderMode: true,
		cursorBlink: false,
		fontFamily: mono || 'monospace',
		fontSize: 14,
		scrollback: 2000,
		theme: paletteFor(scheme()),
	});
	const fit = new FitAddon();
	term.loadAddon(fit);
	term.open(host);
	const refit = () => {
		try {
			fit.fit();
		} catch {
			// Not laid out (hidden): the next resize fits it.
		}
	};
	refit();

	let escaped = false;
	term.attachCustomKeyEventHandler((event) => {
		if (event.type !== 'keydown') return true;
		if (event.key === 'Tab' && escaped) {
			escaped = false;
			return false;
		}
		escaped = event.key === 'Escape';
		return true;
	});

	let frame = 0;
	const resize = new ResizeObserver(() => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(refit);
	});
	resize.observe(host);
	const themes = new MutationObserver(() => (term.options.theme = paletteFor(scheme())));
	themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

	return {
		get cols() {
			return term.cols;
		},
		get input() {
			return term.textarea;
		},
		write: (data) => term.write(readableDim(data)),
		onData: (listener) => term.onData(listener),
		onResize: (listener) => term.onResize(() => listener()),
		focus: () => term.focus(),
		dispose() {
			cancelAnimationFrame(frame);
			resize.disconnect();
			themes.disconnect();
			term.dispose();
		},
	};
}
