import { describe, expect, test } from 'vitest';
import {
	effectiveCommand,
	programIndex,
	splitCommands,
} from '../../../../src/core/dockerfile/shell.js';

/** The words and operator of each command. */
function summary(script: string) {
	return splitCommands(script).map((c) => [c.words.map((w) => w.value).join(' '), c.op]);
}

describe('splitCommands', () => {
	test('splits on &&, ||, ;, | and &', () => {
		expect(
			summary('set -eux; apt-get update && apt-get install -y curl | tee log || true & wait')
		).toEqual([
			['set -eux', ';'],
			['apt-get update', '&&'],
			['apt-get install -y curl', '|'],
			['tee log', '||'],
			['true', '&'],
			['wait', null],
		]);
	});

	test('keeps quoted operators inside words and drops redirections', () => {
		expect(summary('echo "a && b" \'c | d\' > /tmp/out 2>&1')).toEqual([
			['echo a && b c | d 2', null],
		]);
	});

	test('places each word on the text', () => {
		const script = 'cd /app &&  npm ci';
		const [first, second] = splitCommands(script);
		const npm = second?.words[0];
		expect(first?.words[0]).toEqual({ value: 'cd', start: 0, end: 2 });
		expect(npm && script.slice(npm.start, npm.end)).toBe('npm');
		expect(first && script.slice(first.opStart, first.opEnd)).toBe('&&');
	});

	test('splits lines of a script and joins lines ending with a backslash', () => {
		expect(summary('apk add \\\n  curl\n# comment\necho done')).toEqual([
			['apk add curl', null],
			['echo done', null],
		]);
	});
});

describe('effectiveCommand', () => {
	test('looks past assignments, keywords and wrappers such as sudo and xargs', () => {
		const [command] = splitCommands(
			'DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl'
		);
		expect(command && programIndex(command)).toBe(1);
		expect(command && effectiveCommand(command)).toEqual({ name: 'apt-get', at: 3 });
		const [xargs] = splitCommands('xargs -r /usr/bin/apt-mark manual');
		expect(xargs && effectiveCommand(xargs)?.name).toBe('apt-mark');
	});
});
