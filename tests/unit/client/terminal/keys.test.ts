import { describe, expect, it } from 'vitest';
import { splitInput } from '../../../../src/client/terminal/keys.js';
import { contrast, paletteFor, readableDim } from '../../../../src/client/terminal/palette.js';

/** The names of the keys of a chunk, text runs as `text:…`. */
function names(data: string): string[] {
	return splitInput(data).map((k) => (k.kind === 'text' ? `text:${k.text}` : k.name));
}

describe('terminal input', () => {
	it('reads the sequences xterm sends for editing keys', () => {
		expect(names('\x1b[A')).toEqual(['up']);
		expect(names('\x1bOB')).toEqual(['down']);
		expect(names('\x1b[C')).toEqual(['right']);
		expect(names('\x1b[D')).toEqual(['left']);
		expect(names('\x1b[H')).toEqual(['home']);
		expect(names('\x1bOF')).toEqual(['end']);
		expect(names('\x1b[1~')).toEqual(['home']);
		expect(names('\x1b[4~')).toEqual(['end']);
		expect(names('\x1b[3~')).toEqual(['delete']);
		expect(names('\x1b[1;5C')).toEqual(['word-right']);
		expect(names('\x1b[1;3D')).toEqual(['word-left']);
		expect(names('\x1bb')).toEqual(['word-left']);
		expect(names('\x1bf')).toEqual(['word-right']);
		expect(names('\x1b\x7f')).toEqual(['kill-word']);
		expect(names('\x1b')).toEqual(['escape']);
	});

	it('reads control characters as bash does', () => {
		expect(names('\r')).toEqual(['enter']);
		expect(names('\x7f')).toEqual(['backspace']);
		expect(names('\t')).toEqual(['tab']);
		expect(names('\x01')).toEqual(['home']);
		expect(names('\x05')).toEqual(['end']);
		expect(names('\x15')).toEqual(['kill-start']);
		expect(names('\x0b')).toEqual(['kill-end']);
		expect(names('\x17')).toEqual(['kill-word']);
		expect(names('\x0c')).toEqual(['clear-screen']);
		expect(names('\x03')).toEqual(['interrupt']);
		expect(names('\x10')).toEqual(['up']);
		expect(names('\x0e')).toEqual(['down']);
	});

	it('ignores unknown sequences and other control characters', () => {
		expect(names('\x1b[15~')).toEqual([]);
		expect(names('\x1b[200~')).toEqual([]);
		expect(names('\x1bOP')).toEqual([]);
		expect(names('\x07')).toEqual([]);
	});

	it('treats a longer chunk as a paste: tabs become spaces, line ends become Enter', () => {
		expect(names('docker\tps\r\nls\rpwd\n')).toEqual([
			'text:docker ps',
			'enter',
			'text:ls',
			'enter',
			'text:pwd',
			'enter',
		]);
		expect(names('é ünïcode')).toEqual(['text:é ünïcode']);
	});

	it('splits text around keys in one chunk', () => {
		expect(names('ab\x1b[Dc')).toEqual(['text:ab', 'left', 'text:c']);
	});
});

describe('terminal colours', () => {
	const used = [
		'foreground',
		'red',
		'green',
		'yellow',
		'blue',
		'magenta',
		'cyan',
		'black',
		'white',
		'brightBlack',
		'brightRed',
		'brightGreen',
		'brightYellow',
		'brightBlue',
		'brightMagenta',
		'brightCyan',
		'brightWhite',
		'cursor',
	] as const;

	it.each(['light', 'dark'] as const)('keep 4.5:1 contrast with the background in %s', (scheme) => {
		const p = paletteFor(scheme);
		for (const name of used)
			expect(contrast(p[name], p.background), `${scheme} ${name}`).toBeGreaterThanOrEqual(4.5);
		expect(contrast(p.selectionForeground, p.selectionBackground)).toBeGreaterThanOrEqual(4.5);
	});

	it('compute WCAG contrast ratios', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#777777', '#777777')).toBe(1);
	});

	it('draw dim text in the readable grey', () => {
		expect(readableDim('\x1b[2mnote\x1b[0m')).toBe('\x1b[90mnote\x1b[0m');
		expect(readableDim('plain')).toBe('plain');
	});
});
