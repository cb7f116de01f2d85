import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../../src/core/dockerfile/parse.js';
import { validationCodeNames } from '../../../../../src/core/dockerfile/utils-diagnostics.js';
import {
	correctnessRules,
	mappedCodeNames,
} from '../../../../../src/core/rules/dockerfile/correctness.js';
import { dockerfileRules } from '../../../../../src/core/rules/dockerfile/index.js';
import syntax from '../../../../../src/core/rules/dockerfile/syntax.js';
import type { Report, Rule } from '../../../../../src/core/types.js';
import type { DockerfileDoc } from '../../../../../src/core/dockerfile/types.js';
import { loadCenter, repoRoot } from '../../../helpers/center.js';
import { loadCases } from '../../../helpers/fixtures.js';

const center = loadCenter();

/**
 * Rules that no fixture can trigger: `dockerfile-utils` 0.16.3 declares ARGUMENT_REQUIRES_ONE
 * but never reports it, and `dockerfile/syntax` reports only a parser crash. Both are checked
 * below in other ways.
 */
const WITHOUT_INVALID_FIXTURE = new Set(['dockerfile/argument-requires-one', 'dockerfile/syntax']);

/** Runs one rule and keeps what the fixtures record. */
function run(rule: Rule<DockerfileDoc>, text: string) {
	return rule.check({ doc: parseDockerfile(text), center }).map((report: Report) => ({
		ruleId: rule.id,
		line: report.range.start.line,
		column: report.range.start.column,
		endLine: report.range.end.line,
		endColumn: report.range.end.column,
	}));
}

/** Placeholders left in a message after substitution. */
function unfilled(rule: Rule<DockerfileDoc>, report: Report): string[] {
	const template = (rule.messages as Record<string, string>)[report.messageId] ?? '';
	return [...template.matchAll(/\{(\w+)\}/g)]
		.map((m) => m[1] ?? '')
		.filter((name) => !(report.data && name in report.data));
}

describe('dockerfileRules', () => {
	test('have unique ids in the right namespace for their family', () => {
		const ids = dockerfileRules.map((rule) => rule.id);
		expect(new Set(ids).size).toBe(ids.length);
		const prefix = { correctness: 'dockerfile/', practice: 'docker/', spin: 'spin/' } as const;
		for (const rule of dockerfileRules) {
			expect(rule.kind).toBe('dockerfile');
			expect(rule.id.startsWith(prefix[rule.family])).toBe(true);
			expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
			expect(rule.description.length).toBeGreaterThan(10);
			expect(rule.hint.length).toBeGreaterThan(10);
		}
	});

	test('map every dockerfile-utils ValidationCode name, and nothing else', () => {
		expect([...mappedCodeNames()].sort()).toEqual([...validationCodeNames()].sort());
		expect(correctnessRules.length).toBe(validationCodeNames().length - 1);
	});

	test('grade as errors what Docker refuses, and as warnings what it only warns about', () => {
		const warnings = correctnessRules.filter((r) => r.severity === 'warning').map((r) => r.id);
		expect(warnings.sort()).toEqual([
			'dockerfile/casing-directive',
			'dockerfile/casing-instruction',
			'dockerfile/deprecated-maintainer',
			'dockerfile/empty-continuation-line',
			'dockerfile/multiple-instructions',
			'dockerfile/workdir-is-not-absolute',
		]);
	});

	test('ARGUMENT_REQUIRES_ONE is never reported by the installed dockerfile-utils', () => {
		const file = path.join(repoRoot, 'node_modules/dockerfile-utils/lib/dockerValidator.js');
		const source = readFileSync(file, 'utf8');
		expect(source).toMatch(/ValidationCode\.ARGUMENT_REQUIRES_ONE_OR_THREE\b/);
		expect(source).not.toMatch(/ValidationCode\.ARGUMENT_REQUIRES_ONE\b(?!_)/);
	});

	test('dockerfile/syntax reports a document the parser could not read', () => {
		const doc: DockerfileDoc = { ...parseDockerfile(''), failure: 'parser crashed' };
		const reports = syntax.check({ doc, center });
		expect(reports).toEqual([
			{
				messageId: 'unreadable',
				range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
				data: { reason: 'parser crashed' },
			},
		]);
		expect(syntax.check({ doc: parseDockerfile('FROM alpine:3.20\n'), center })).toEqual([]);
	});
});

for (const rule of dockerfileRules) {
	describe(rule.id, () => {
		const { valid, invalid } = loadCases(rule.id);

		test('has fixtures', () => {
			expect(valid.length).toBeGreaterThan(0);
			if (!WITHOUT_INVALID_FIXTURE.has(rule.id)) expect(invalid.length).toBeGreaterThan(0);
		});

		for (const fixture of valid) {
			test(`accepts valid/${fixture.name}`, () => {
				expect(run(rule, fixture.text)).toEqual([]);
			});
		}

		for (const fixture of invalid) {
			test(`reports invalid/${fixture.name}`, () => {
				expect(fixture.expected.length).toBeGreaterThan(0);
				expect(run(rule, fixture.text)).toEqual(fixture.expected);
				for (const report of rule.check({ doc: parseDockerfile(fixture.text), center })) {
					expect(unfilled(rule, report)).toEqual([]);
				}
			});
		}
	});
}
