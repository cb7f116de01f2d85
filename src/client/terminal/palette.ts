/**
 * Terminal colours for the site's light and dark schemes. Every colour the simulated commands
 * print (and the cursor) keeps a contrast of at least 4.5:1 with the background, the WCAG AA
 * level for text; "white" and "black" are remapped so that no text disappears.
 */

/** The xterm theme fields the terminal sets. */
export interface TerminalPalette {
	background: string;
	foreground: string;
	cursor: string;
	cursorAccent: string;
	selectionBackground: string;
	selectionForeground: string;
	black: string;
	red: string;
	green: string;
	yellow: string;
	blue: string;
	magenta: string;
	cyan: string;
	white: string;
	brightBlack: string;
	brightRed: string;
	brightGreen: string;
	brightYellow: string;
	brightBlue: string;
	brightMagenta: string;
	brightCyan: string;
	brightWhite: string;
}

const LIGHT = {
	background: '#f6f8fa',
	foreground: '#1a1d21',
	red: '#a4161a',
	green: '#1d6b35',
	yellow: '#7a4a00',
	blue: '#0b5cad',
	magenta: '#8a2c8a',
	cyan: '#0a6470',
	grey: '#4a525c',
	selection: '#b6d4f2',
};

const DARK = {
	background: '#1b1f24',
	foreground: '#e6e9ed',
	red: '#ff8a8d',
	green: '#6fd38f',
	yellow: '#f0c060',
	blue: '#7cb8f5',
	magenta: '#e09be0',
	cyan: '#6fd0d8',
	grey: '#b3bcc6',
	selection: '#2f4f75',
};

/** The palette for a colour scheme. */
export function paletteFor(scheme: 'light' | 'dark'): TerminalPalette {
	const c = scheme === 'dark' ? DARK : LIGHT;
	return {
		background: c.background,
		foreground: c.foreground,
		cursor: c.foreground,
		cursorAccent: c.background,
		selectionBackground: c.selection,
		selectionForeground: c.foreground,
		black: c.grey,
		red: c.red,
		green: c.green,
		yellow: c.yellow,
		blue: c.blue,
		magenta: c.magenta,
		cyan: c.cyan,
		white: c.grey,
		brightBlack: c.grey,
		brightRed: c.red,
		brightGreen: c.green,
		brightYellow: c.yellow,
		brightBlue: c.blue,
		brightMagenta: c.magenta,
		brightCyan: c.cyan,
		brightWhite: c.foreground,
	};
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
export function luminance(hex: string): number {
	const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const [r = 0, g = 0, b = 0] = channels.map((v) =>
		v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
	);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** Rewrites "dim" (SGR 2), which xterm draws at half opacity, as the readable grey. */
export function readableDim(data: string): string {
	return data.replace(/\x1b\[2m/g, '\x1b[90m');
}
