import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import { allRuns } from '../../../../src/core/dockerfile/run-scripts.js';
import { finalStage } from '../../../../src/core/dockerfile/stages.js';

describe('parseDockerfile', () => {
	test('reads instructions, flags, arguments and exact ranges', () => {
		const doc = parseDockerfile(
			'FROM python:3.12-slim AS base\nCOPY --chown=1000:1000 --from=base app.py /app/\n'
		);
		const copy = doc.instructions[1];
		expect(copy?.keyword).toBe('COPY');
		expect(copy?.flags.map((f) => [f.name, f.value])).toEqual([
			['chown', '1000:1000'],
			['from', 'base'],
		]);
		expect(copy?.args.map((a) => a.value)).toEqual(['app.py', '/app/']);
		expect(copy?.args[1]?.range).toEqual({
			start: { line: 2, column: 43 },
			end: { line: 2, column: 48 },
		});
		expect(copy?.flags[1]?.valueRange).toEqual({
			start: { line: 2, column: 31 },
			end: { line: 2, column: 35 },
		});
	});

	test('joins continuation lines and drops comment lines inside them', () => {
		const doc = parseDockerfile('FROM alpine:3.20\nRUN apk add \\\n# the client\n    curl\n');
		const run = doc.instructions[1];
		expect(run?.argsText).toBe('apk add     curl');
		expect(run?.args[2]?.range).toEqual({
			start: { line: 4, column: 5 },
			end: { line: 4, column: 9 },
		});
	});

	test('honours the backtick escape directive', () => {
		const doc = parseDockerfile(
			'# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir C:\\ `\n    && echo done\n'
		);
		expect(doc.escape).toBe('`');
		expect(doc.directives).toEqual([{ name: 'escape', value: '`', range: expect.anything() }]);
		expect(doc.instructions[1]?.argsText).toBe('dir C:\\     && echo done');
	});

	test('reads exec form with JSON.parse, keeping spaces and escapes', () => {
		const doc = parseDockerfile(
			'FROM alpine:3.20\nCMD [ "echo", "a  b", "c\\"d" ]\nCMD echo [not json]\nCMD [\'sh\']\n'
		);
		expect(doc.instructions.slice(1).map((i) => i.exec)).toEqual([
			['echo', 'a  b', 'c"d'],
			null,
			null,
		]);
	});

	test('reads heredocs written with a space or a file descriptor as BuildKit does', () => {
		const text =
			'FROM alpine:3.20\nRUN cat << \'EOF\' > /etc/motd\nhello\nEOF\nRUN <<EOF 3<<IN awk -f -\nBEGIN {}\nEOF\nworld\nIN\nCMD ["sh"]\n';
		const doc = parseDockerfile(text);
		expect(doc.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'CMD']);
		expect(doc.instructions[1]?.heredocs.map((h) => [h.name, h.body])).toEqual([['EOF', 'hello']]);
		expect(doc.instructions[2]?.heredocs.map((h) => [h.name, h.body])).toEqual([
			['EOF', 'BEGIN {}'],
			['IN', 'world'],
		]);
		expect(doc.text).toBe(text);
		expect(doc.source.split('\n').map((l) => l.length)).toEqual(
			text.split('\n').map((l) => l.length)
		);
	});

	test('blanks `# dockerfile-utils: ignore` comments so they silence nothing', () => {
		const doc = parseDockerfile('FROM alpine:3.20\n# dockerfile-utils: ignore\nRUNN echo\n');
		expect(doc.source).toBe('FROM alpine:3.20\n#                         \nRUNN echo\n');
	});

	test('expands global ARGs in FROM and recognises stages and scratch', () => {
		const doc = parseDockerfile(
			'ARG PY=3.12\nARG REG\nFROM python:${PY:-3.11}-slim AS Build\nFROM build\nFROM scratch\nFROM $REG/app\n'
		);
		expect(doc.globalArgs).toEqual(
			new Map([
				['PY', '3.12'],
				['REG', null],
			])
		);
		expect(doc.stages.map((s) => s.base.kind)).toEqual(['image', 'stage', 'scratch', 'unresolved']);
		expect(doc.stages[0]?.base).toMatchObject({ image: { text: 'python:3.12-slim' } });
		expect(doc.stages[0]?.name).toBe('build');
		expect(finalStage(doc.stages)?.index).toBe(3);
	});

	test('finds the shell scripts of RUN: command line, sh -c and heredoc bodies', () => {
		const doc = parseDockerfile(
			'FROM alpine:3.20\nRUN ["sh", "-c", "a | b"]\nRUN <<EOF\nset -e\nc && d\nEOF\nRUN python3 <<EOF\nprint(1)\nEOF\n'
		);
		const scripts = allRuns(doc).map((r) =>
			r.scripts.map((s) => s.commands.map((c) => c.words[0]?.value))
		);
		expect(scripts).toEqual([[['a', 'b']], [[], ['set', 'c', 'd']], [['python3']]]);
		const fd = parseDockerfile(
			'FROM alpine:3.20\nRUN bash 3<<X\nrm -rf /\nX\nRUN bash <<X\nls\nX\n'
		);
		expect(allRuns(fd).map((r) => r.scripts.map((s) => s.heredoc))).toEqual([
			[false],
			[false, true],
		]);
	});

	test('resolves variables when the first instruction is indented or after a byte-order mark', () => {
		for (const text of [' ARG A=$B\nFROM alpine:3.20\n', '\uFEFFRUN echo $HOME\n']) {
			const doc = parseDockerfile(text);
			expect(doc.failure).toBeNull();
			expect(() => doc.tree?.getInstructions().map((i) => i.getVariables())).not.toThrow();
		}
	});

	test('never throws and marks nothing as failed for odd input', () => {
		for (const text of [
			'',
			'\\',
			'FROM',
			'\uFEFFFROM a',
			'# escape=`\n`',
			'RUN <<',
			'RUN 3<<',
			'RUN << \n',
		]) {
			expect(parseDockerfile(text).failure).toBeNull();
		}
	});
});
