import { beforeAll, describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import type { Instruction } from '../../../../src/core/dockerfile/types.js';
import type { Diagnostic } from '../../../../src/core/types.js';
import { validate } from '../../../../src/core/validate.js';
import { loadCenter } from '../../helpers/center.js';
import {
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
