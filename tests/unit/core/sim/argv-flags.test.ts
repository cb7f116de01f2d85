import { describe, expect, it } from 'vitest';
import { splitCommands, tokenize } from '../../../../src/core/sim/argv.js';
import { parseArgs, type FlagSpec } from '../../../../src/core/sim/flags.js';

const words = (line: string) => tokenize(line).tokens.map((t) => t.value);

describe('tokenize', () => {
	it('splits on any blank, keeps quoted text and escapes', () => {
		expect(words('a  b\tc')).toEqual(['a', 'b', 'c']);
		expect(words('a\u000bb\fc')).toEqual(['a', 'b', 'c']);
		expect(words(`"x y" 'p "q"' z\\ w "a\\"b"`)).toEqual(['x y', 'p "q"', 'z w', 'a"b']);
		expect(words('pre"mid dle"post')).toEqual(['premid dlepost']);
		expect(words('""')).toEqual(['']);
	});

	it('records offsets and operators', () => {
		const { tokens } = tokenize('ls && cat x;echo');
		expect(tokens.map((t) => [t.kind, t.value, t.start, t.end])).toEqual([
			['word', 'ls', 0, 2],
			['op', '&&', 3, 5],
			['word', 'cat', 6, 9],
			['word', 'x', 10, 11],
			['op', ';', 11, 12],
			['word', 'echo', 12, 16],
		]);
		expect(splitCommands(tokens)).toEqual([
			{ words: ['ls'], op: '&&' },
			{ words: ['cat', 'x'], op: ';' },
			{ words: ['echo'], op: null },
		]);
	});

	it('reports an unclosed quote', () => {
		expect(tokenize('echo "a').error).toContain('double quote');
		expect(tokenize("echo 'a").error).toContain('single quote');
		expect(tokenize('echo "a"').error).toBeNull();
	});
});

const SPECS: FlagSpec[] = [
	{ names: ['-d', '--detach'], key: 'detach', value: false, description: '' },
	{ names: ['-i'], key: 'i', value: false, description: '' },
	{ names: ['-t', '--tty'], key: 't', value: false, description: '' },
	{ names: ['-p', '--publish'], key: 'publish', value: true, description: '' },
	{ names: ['--name'], key: 'name', value: true, description: '' },
];

describe('parseArgs', () => {
	it('reads long, short, grouped and inline flags', () => {
		const args = parseArgs(
			['-dit', '-p8080:80', '--publish=9090:90', '-p', '1:2', '--name', 'web', 'image'],
			SPECS,
			{ interspersed: true }
		);
		if ('error' in args) throw new Error(args.error);
		expect(args.has('detach') && args.has('i') && args.has('t')).toBe(true);
		expect(args.all('publish')).toEqual(['8080:80', '9090:90', '1:2']);
		expect(args.get('name')).toBe('web');
		expect(args.positionals).toEqual(['image']);
	});

	it('stops at the first operand unless interspersed, and at --', () => {
		const fixed = parseArgs(['image', '-d', 'ls'], SPECS, { interspersed: false });
		if ('error' in fixed) throw new Error(fixed.error);
		expect(fixed.positionals).toEqual(['image', '-d', 'ls']);
		expect(fixed.has('detach')).toBe(false);
		const loose = parseArgs(['pod', '-d', '--', 'ls', '-l'], SPECS, { interspersed: true });
		if ('error' in loose) throw new Error(loose.error);
		expect(loose.positionals).toEqual(['pod']);
		expect(loose.has('detach')).toBe(true);
		expect(loose.rest).toEqual(['ls', '-l']);
	});

	it('reads --flag=false for booleans', () => {
		const args = parseArgs(['--detach=false'], SPECS, { interspersed: true });
		expect('error' in args ? args.error : args.has('detach')).toBe(false);
	});

	it('gives pflag errors', () => {
		const error = (list: string[]) => {
			const args = parseArgs(list, SPECS, { interspersed: true });
			return 'error' in args ? args.error : null;
		};
		expect(error(['--nope'])).toBe('unknown flag: --nope');
		expect(error(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
		expect(error(['-dx'])).toBe("unknown shorthand flag: 'x' in -dx");
		expect(error(['--name'])).toBe('flag needs an argument: --name');
		expect(error(['-p'])).toBe("flag needs an argument: 'p' in -p");
		expect(error(['--detach=maybe'])).toContain('invalid argument "maybe"');
	});
});
