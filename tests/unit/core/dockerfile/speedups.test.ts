import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import '../../../../src/core/dockerfile/utils-diagnostics.js';
import { repoRoot } from '../../helpers/center.js';
import { loadCorpus } from '../corpus/corpus.js';

/**
 * `ast.ts` and `utils-speedups.ts` change how `dockerfile-ast` and `dockerfile-utils` compute, not
 * what: this process has them installed, a plain Node process has not, and both must read every
 * corpus file alike (tree, variables and findings).
 */

/** Summarises what the parser and the validator make of each text; run in both processes. */
const SUMMARY = `(texts, DockerfileParser, validate) => texts.map((text) => {
	const tree = DockerfileParser.parse(text);
	const all = [...tree.getInstructions(), ...tree.getOnbuildTriggers()];
	const instructions = all.map((ins) => ({
		keyword: ins.getKeyword(),
		range: ins.getRange(),
		args: ins.getArguments().map((a) => [a.getValue(), a.getRange()]),
		flags: ins.getFlags ? ins.getFlags().map((f) => [f.getName(), f.getValue(), f.getRange()]) : null,
		heredocs: ins.getHeredocs ? ins.getHeredocs().map((h) => [h.getName(), h.getContentRange()]) : null,
		variables: ins.getVariables().map((v) => [v.getName(), v.getRange(), v.getModifier(), v.isDefined(), v.isBuildVariable()]),
	}));
	return { instructions, comments: tree.getComments().length, findings: validate(text) };
})`;

const dir = mkdtempSync(path.join(tmpdir(), 'speedups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same summary from a Node process without the speed-ups. */
function plainSummary(texts: string[]): unknown {
	const input = path.join(dir, 'texts.json');
	writeFileSync(input, JSON.stringify(texts));
	const script = `
		const { createRequire } = require('node:module');
		const { readFileSync } = require('node:fs');
		const load = createRequire(${JSON.stringify(path.join(repoRoot, 'package.json'))});
		const { DockerfileParser } = load('dockerfile-ast');
		const { validate } = load('dockerfile-utils');
		const texts = JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8'));
		process.stdout.write(JSON.stringify((${SUMMARY})(texts, DockerfileParser, validate)));
	`;
	const out = execFileSync(process.execPath, ['-e', script], { maxBuffer: 1 << 28 });
	return JSON.parse(out.toString('utf8'));
}

/** Texts that reach every changed path: variable modifiers, JSON in single quotes, heredocs. */
const CRAFTED = [
	'FROM alpine\nENV A=${B:} C=${D!x} E=${F:-g}\nLABEL l=${M:?}\nRUN echo ${H:} ${I!j}\n',
	"FROM alpine\nCMD ['a', 'b']\nENTRYPOINT [ 'x' ]\nRUN ['y','z']\nSHELL ['sh', '-c']\n",
	"FROM alpine\nVOLUME ['/data']\nCMD []\nRUN [ ]\nCMD  \\\n  ['a']\nSTOPSIGNAL ${S:}\n",
	'FROM alpine AS b\nRUN <<EOF\necho hi\nEOF\nCOPY <<A <<B /x/\na\nA\nb\nB\nONBUILD RUN echo ${X:}\n',
	'ARG V=1\nFROM alpine:${V:}\nWORKDIR ${W!}\nUSER ${U:+u}\nEXPOSE ${P:}\n',
	'FROM a\nRUN a\\ b c\\$d \\\n  # note\n  e \\  \n f\\\r\n g #h\nRUN x \\ \t\nRUN y\\',
	'# escape=`\nFROM a\nRUN a` b `\n c`$d \\e ``\nCOPY --from=x a` b /c/\nENV A=b` c D="e f"\n',
	'FROM a\nRUN \\\n\\\n  \\  \n  b\nLABEL a=b \\\n  # c\n  d=e\nHEALTHCHECK --interval=5s CMD a\n',
];

describe('the dockerfile-ast and dockerfile-utils speed-ups', () => {
	test('leave trees, variables and findings of every corpus file unchanged', () => {
		const sources = loadCorpus().map(({ text }) => parseDockerfile(text).source);
		const texts = [...CRAFTED, ...sources, ...sources.map((s) => s.replace(/\n/g, '\r\n'))];
		const summarise = new Function(`return ${SUMMARY}`)() as (
			texts: string[],
			parser: typeof DockerfileParser,
			check: typeof validate
		) => unknown;
		const ours = JSON.parse(JSON.stringify(summarise(texts, DockerfileParser, validate)));
		expect(ours).toEqual(plainSummary(texts));
	}, 120_000);
});
