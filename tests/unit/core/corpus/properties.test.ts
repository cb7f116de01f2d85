import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import type { Diagnostic } from '../../../../src/core/types.js';
import { validate } from '../../../../src/core/validate.js';
import { loadCenter } from '../../helpers/center.js';
import { loadCorpus } from './corpus.js';

const center = loadCenter();
const corpus = loadCorpus();

/** Pieces of Dockerfile syntax that random text is built from, edge cases included. */
const PIECES = [
	'FROM ',
	'RUN ',
	'COPY ',
	'ADD ',
	'CMD ',
	'ENTRYPOINT ',
	'ENV ',
	'ARG ',
	'USER ',
	'EXPOSE ',
	'ONBUILD ',
	'SHELL ',
	'HEALTHCHECK ',
	'WORKDIR ',
	' AS ',
	'--from=',
	'--platform=',
	'--mount=type=cache,target=/x ',
	'<<EOF',
	'<< EOF',
	'3<<IN',
	'<<-EOF',
	'EOF',
	'IN',
	'\\',
	'`',
	'\n',
	'\r\n',
	'\r',
	' ',
	'\t',
	'#',
	'# escape=`\n',
	'# syntax=docker/dockerfile:1\n',
	'# dockerfile-utils: ignore\n',
	'"',
	"'",
	'[',
	']',
	',',
	'$',
	'${',
	'}',
	':-',
	'=',
	'&&',
	'||',
	'|',
	';',
	'&',
	'(',
	')',
	'sudo',
	'apt-get install',
	' -y',
	'pip install',
	'chmod 4755',
	'cd /x',
	'python:3.12',
	'scratch',
	'8080',
	'80',
	'70000',
	'root',
	'1000',
	'linux/arm64',
	'\uFEFF',
	'\u0000',
	'😀',
	'é',
];

/** Text made of random Dockerfile pieces and random characters. */
const dockerfileText = fc
	.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 })
	.map((parts) => parts.join(''));

/** Checks what must hold for any input: no crashed rule, ranges inside the text and ordered. */
function checkDiagnostics(text: string, diagnostics: Diagnostic[]): void {
	expect(diagnostics.filter((d) => d.ruleId === 'validator/internal')).toEqual([]);
	const lines = text.split(/\r\n|\r|\n/).length;
	for (const { range } of diagnostics) {
		expect(range.start.line).toBeGreaterThanOrEqual(1);
		expect(range.end.line).toBeLessThanOrEqual(lines);
		const ordered =
			range.start.line < range.end.line ||
			(range.start.line === range.end.line && range.start.column <= range.end.column);
		expect(ordered).toBe(true);
	}
}

/** A random edit: replace a slice of the text with random pieces. */
const edit = fc.record({
	at: fc.nat(),
	remove: fc.nat({ max: 40 }),
	insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((p) => p.join('')),
});

describe('validate on generated input', () => {
	test('never throws and keeps ranges inside the text, for random text', () => {
		fc.assert(
			fc.property(dockerfileText, (text) => {
				expect(parseDockerfile(text).failure).toBeNull();
				checkDiagnostics(text, validate('dockerfile', text, { center }));
			}),
			{ numRuns: 1000, seed: 20240601 }
		);
	}, 30_000);

	test('never throws on random edits of corpus files', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: corpus.length - 1 }),
				fc.array(edit, { minLength: 1, maxLength: 4 }),
				(index, edits) => {
					let text = corpus[index]?.text ?? '';
					for (const { at, remove, insert } of edits) {
						const start = text.length === 0 ? 0 : at % text.length;
						text = text.slice(0, start) + insert + text.slice(start + remove);
					}
					checkDiagnostics(text, validate('dockerfile', text, { center }));
				}
			),
			{ numRuns: 150, seed: 20240602 }
		);
	}, 30_000);

	test('finishes on a 1 MB Dockerfile made of the corpus', () => {
		const big = corpus.map((file) => file.text).join('\n');
		const text = big.repeat(Math.ceil(1_000_000 / big.length)).slice(0, 1_000_000);
		expect(text.length).toBe(1_000_000);
		checkDiagnostics(text, validate('dockerfile', text, { center }));
	}, 60_000);

	test('finishes on a 1 MB RUN and a 250 kB heredoc', () => {
		const run = `FROM alpine:3.20\nRUN ${'echo a && apt-get install curl | tee x; '.repeat(25_000)}\n`;
		const heredoc = `FROM alpine:3.20\nRUN <<EOF\n${'set -e; echo "$HOME" | cat\n'.repeat(10_000)}EOF\n`;
		expect(run.length).toBeGreaterThan(1_000_000);
		for (const text of [run, heredoc]) {
			checkDiagnostics(text, validate('dockerfile', text, { center }));
		}
	}, 60_000);
});
