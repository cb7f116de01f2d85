import { describe, expect, test } from 'vitest';
import {
	parseSedCall,
	parseSedScript,
	runSed,
	toJsRegex,
} from '../../../../src/core/exercises/checks/sed.js';

/** Runs a sed command line (arguments after `sed`) over a text; null when unsupported. */
function sed(args: string[], text: string): string | null {
	const call = parseSedCall(args);
	if (!call) return null;
	let out = text;
	for (const script of call.scripts) {
		const commands = parseSedScript(script, call.extended);
		if (!commands) return null;
		out = runSed(commands, out);
	}
	return out;
}

describe('parseSedCall', () => {
	test('reads GNU in-place, extended and expression options', () => {
		expect(parseSedCall(['-E', '-i.bak', 's/a/b/', 'f'])).toEqual({
			scripts: ['s/a/b/'],
			files: ['f'],
			inPlace: true,
			extended: true,
		});
		expect(
			parseSedCall([
				'--regexp-extended',
				'--in-place=.bak',
				'-e',
				's/a/b/',
				'--expression=s/c/d/',
				'f',
				'g',
			])
		).toEqual({
			scripts: ['s/a/b/', 's/c/d/'],
			files: ['f', 'g'],
			inPlace: true,
			extended: true,
		});
		expect(parseSedCall(['-Ei', 's/a/b/', 'f'])?.inPlace).toBe(true);
	});
	test('rejects options it cannot follow', () => {
		expect(parseSedCall(['-n', 's/a/b/p', 'f'])).toBeNull();
		expect(parseSedCall(['-f', 'script.sed', 'f'])).toBeNull();
		expect(parseSedCall(['-i'])).toBeNull();
	});
});

describe('toJsRegex', () => {
	test('turns basic into JavaScript syntax and keeps extended as is', () => {
		expect(toJsRegex('\\(a\\)\\{0,1\\}b+', false)).toBe('(a){0,1}b\\+');
		expect(toJsRegex('(a){0,1}b+', true)).toBe('(a){0,1}b+');
		expect(toJsRegex('[[:space:]]*\\<x\\>', false)).toBe('[\\s]*\\bx\\b');
	});
});

describe('runSed', () => {
	const conf = 'server {\n    listen       80;\n    server_name  localhost;\n}\n';
	test('replays the Lesson 1 edit, which keeps the spacing', () => {
		expect(
			sed(
				['--regexp-extended', '--in-place=.bak', 's%(^\\s+listen\\s+)80(;)%\\18080\\2%', 'f'],
				conf
			)
		).toBe('server {\n    listen       8080;\n    server_name  localhost;\n}\n');
	});
	test('leaves the text alone when the pattern does not match', () => {
		expect(sed(['-i', 's/listen 80;/listen 8080;/', 'f'], conf)).toBe(conf);
	});
	test('handles escaped delimiters, & and the g and I flags', () => {
		expect(
			sed(
				['-i', 's,\\(/var\\)\\{0\\,1\\}/run/nginx.pid,/tmp/nginx.pid,', 'f'],
				'pid /var/run/nginx.pid;\n'
			)
		).toBe('pid /tmp/nginx.pid;\n');
		expect(sed(['-i', 's/o/[&]/g', 'f'], 'foo\n')).toBe('f[o][o]\n');
		expect(sed(['-i', 's/FOO/bar/I', 'f'], 'foo foo\n')).toBe('bar foo\n');
		expect(sed(['-i', 's/\\//|/g', 'f'], 'a/b/c\n')).toBe('a|b|c\n');
	});
	test('deletes, inserts, appends and changes addressed lines', () => {
		const text = 'user nginx;\npid /var/run/nginx.pid;\nevents {}\n';
		expect(sed(['-i', '/^pid/d', 'f'], text)).toBe('user nginx;\nevents {}\n');
		expect(sed(['-i', '/^pid/c pid /var/tmp/nginx.pid;', 'f'], text)).toBe(
			'user nginx;\npid /var/tmp/nginx.pid;\nevents {}\n'
		);
		expect(sed(['-i', '1i # edited', 'f'], text)).toBe(
			'# edited\nuser nginx;\npid /var/run/nginx.pid;\nevents {}\n'
		);
		expect(sed(['-i', '$a daemon off;', 'f'], text)).toBe(text + 'daemon off;\n');
		expect(sed(['-i', '/^pid/!s/^/# /', 'f'], 'a\npid x;\n')).toBe('# a\npid x;\n');
	});
	test('runs several commands separated by semicolons, in order', () => {
		expect(sed(['-i', 's/a/b/;s/b/c/', 'f'], 'a\n')).toBe('c\n');
	});
	test('gives up on commands it does not know', () => {
		expect(sed(['-i', 'y/abc/xyz/', 'f'], 'a\n')).toBeNull();
		expect(sed(['-i', '/a/,/b/d', 'f'], 'a\n')).toBeNull();
		expect(sed(['-i', 's/a/b/2', 'f'], 'aa\n')).toBeNull();
	});
});
