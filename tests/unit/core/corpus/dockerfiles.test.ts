import { beforeAll, describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import type { Instruction } from '../../../../src/core/dockerfile/types.js';
import type { Diagnostic } from '../../../../src/core/types.js';
import { utilsFindings } from '../../../../src/core/dockerfile/utils-diagnostics.js';
import { validate } from '../../../../src/core/validate.js';
import { loadCenter } from '../../helpers/center.js';
import {
	loadBaseline,
	loadCorpus,
	loadParserFixtures,
	type CorpusFile,
	type ExpectedInstruction,
} from './corpus.js';

const center = loadCenter();
const corpus = loadCorpus();

/** Collapses runs of white space, as shell-form arguments are compared. */
function squash(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Keywords whose arguments BuildKit keeps as written: one shell string or a JSON list. */
const COMMAND_KEYWORDS = new Set(['run', 'cmd', 'entrypoint', 'shell']);
/** Keywords whose arguments are whitespace-separated words. */
const WORD_KEYWORDS = new Set(['from', 'expose', 'user', 'workdir', 'stopsignal']);

/** Whether our instruction carries the same arguments as BuildKit's, where we can compare. */
function sameArguments(ours: Instruction, expected: ExpectedInstruction): boolean | null {
	const keyword = expected.keyword;
	if (COMMAND_KEYWORDS.has(keyword)) {
		const args = ours.exec ?? [ours.argsText];
		return squash(args.join('\u0000')) === squash(expected.args.join('\u0000'));
	}
	if (WORD_KEYWORDS.has(keyword)) {
		return squash(ours.args.map((w) => w.value).join(' ')) === squash(expected.args.join(' '));
	}
	return null;
}

describe('the shared Dockerfile corpus', () => {
	let results: { file: CorpusFile; failure: string | null; diagnostics: Diagnostic[] }[] = [];

	beforeAll(() => {
		results = corpus.map((file) => ({
			file,
			failure: parseDockerfile(file.text).failure,
			diagnostics: validate('dockerfile', file.text, { center }),
		}));
	}, 60_000);

	test('holds the files its manifest lists', () => {
		expect(corpus.length).toBeGreaterThan(150);
	});

	test('parses and validates every file without a failure or a crashed rule', () => {
		for (const { file, failure, diagnostics } of results) {
			expect(failure, file.file).toBeNull();
			const internal = diagnostics.filter((d) => d.ruleId === 'validator/internal');
			expect(internal, file.file).toEqual([]);
		}
	});

	test('rejects the four files BuildKit cannot parse', () => {
		const negative = results.filter(({ file }) => file.tags.includes('expect-parse-error'));
		expect(negative).toHaveLength(4);
		for (const { file, diagnostics } of negative) {
			const errors = diagnostics.filter((d) => d.severity === 'error');
			expect(errors.length, file.file).toBeGreaterThan(0);
		}
	});

	test('finds no correctness error in the official, nginx and Jupyter images', () => {
		const real = results.filter(({ file }) =>
			/^(docker-library|nginxinc|jupyter)\//.test(file.repo)
		);
		expect(real.length).toBeGreaterThan(90);
		for (const { file, diagnostics } of real) {
			const errors = diagnostics.filter(
				(d) => d.family === 'correctness' && d.severity === 'error'
			);
			expect(errors, file.file).toEqual([]);
		}
	});
});

describe('dockerfile-utils findings', () => {
	const baseline = loadBaseline();

	/** A finding as `CODE line:col-line:col`, its end moved inside the text as we do. */
	function key(text: string, code: string, range: [number, number, number, number]): string {
		const lines = text.split(/\r\n|\r|\n/);
		let [line, column, endLine, endColumn] = range;
		if (endLine > lines.length) {
			endLine = lines.length;
			endColumn = (lines[lines.length - 1]?.length ?? 0) + 1;
		}
		return `${code} ${line}:${column}-${endLine}:${endColumn}`;
	}

	test('match the recorded run of dockerfile-ast 0.7.1 and dockerfile-utils 0.16.3', () => {
		// The one file with file-descriptor heredocs loses the false UNKNOWN_INSTRUCTION findings.
		const fdHeredocs =
			'moby_buildkit__frontend__dockerfile__dockerfile_heredoc_test.go__testRunComplexHeredoc.Dockerfile';
		for (const file of corpus) {
			const ours = [...utilsFindings(parseDockerfile(file.text))]
				.flatMap(([code, list]) =>
					list.map((f) =>
						key(file.text, code, [
							f.range.start.line,
							f.range.start.column,
							f.range.end.line,
							f.range.end.column,
						])
					)
				)
				.sort();
			const expected = (baseline.get(file.file) ?? [])
				.filter((d) => !(file.file === fdHeredocs && d.code === 'UNKNOWN_INSTRUCTION'))
				.map((d) => key(file.text, d.code, [d.line, d.col, d.endLine, d.endCol]))
				.sort();
			expect(ours, file.file).toEqual(expected);
		}
	});

	test('lose nothing on the file with file-descriptor heredocs but the false findings', () => {
		const recorded = baseline.get(
			'moby_buildkit__frontend__dockerfile__dockerfile_heredoc_test.go__testRunComplexHeredoc.Dockerfile'
		);
		expect(recorded?.map((d) => d.code)).toEqual(Array(4).fill('UNKNOWN_INSTRUCTION'));
	});
});

describe('BuildKit parser fixtures', () => {
	const fixtures = loadParserFixtures();
	const results = fixtures.map((fixture) => {
		const ours = parseDockerfile(fixture.text).instructions;
		const keywords = ours.map((i) => i.keyword.toLowerCase());
		const sameKeywords =
			JSON.stringify(keywords) === JSON.stringify(fixture.expected.map((e) => e.keyword));
		const compared = sameKeywords
			? fixture.expected.map((e, i) => (ours[i] ? sameArguments(ours[i], e) : false))
			: [];
		return { name: fixture.name, sameKeywords, compared };
	});

	test('are all present', () => {
		expect(fixtures).toHaveLength(33);
	});

	test('split into the same instructions in at least 32 of 33 files', () => {
		const mismatched = results.filter((r) => !r.sameKeywords).map((r) => r.name);
		expect(mismatched.length, mismatched.join(', ')).toBeLessThanOrEqual(1);
	});

	test('carry the same command and word arguments in at least 95% of comparable instructions', () => {
		const compared = results.flatMap((r) => r.compared).filter((same) => same !== null);
		const same = compared.filter(Boolean).length;
		expect(compared.length).toBeGreaterThan(150);
		expect(same / compared.length).toBeGreaterThanOrEqual(0.95);
	});
});
