import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Center } from '../../../../src/core/center.js';
import type { Report, Rule } from '../../../../src/core/types.js';
import { parseYamlText, type YamlDoc } from '../../../../src/core/yaml/parse.js';

/** Root of the rule fixtures: `tests/fixtures/rules/<rule-id>/{valid,invalid}/`. */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/rules/', import.meta.url));

/** One expected diagnostic of an invalid case (`<case>.errors.json`). */
export interface ExpectedError {
	ruleId: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

/** One fixture: its name, text and, for invalid cases, the expected diagnostics. */
export interface RuleCase {
	name: string;
	text: string;
	expected: ExpectedError[];
}

/** Reads the `*.yaml` cases of one folder (names starting with `_` are skipped). */
function readCases(dir: string, withErrors: boolean): RuleCase[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith('.yaml') && !file.startsWith('_'))
		.sort()
		.map((file) => {
			const errorsFile = join(dir, file.replace(/\.yaml$/, '.errors.json'));
			const expected = withErrors
				? (JSON.parse(readFileSync(errorsFile, 'utf8')) as ExpectedError[])
				: [];
			return { name: file, text: readFileSync(join(dir, file), 'utf8'), expected };
		});
}

/** Loads the valid and invalid cases of a rule. */
export function loadRuleCases(ruleId: string): { valid: RuleCase[]; invalid: RuleCase[] } {
	const dir = join(FIXTURES, ruleId);
	return {
		valid: readCases(join(dir, 'valid'), false),
		invalid: readCases(join(dir, 'invalid'), true),
	};
}

/** Runs one rule on a text and returns its reports in the fixture format, sorted by position. */
export function runRule(rule: Rule<YamlDoc>, text: string, center: Center): ExpectedError[] {
	return rule
		.check({ doc: parseYamlText(text), center })
		.map((report: Report) => ({
			ruleId: rule.id,
			line: report.range.start.line,
			column: report.range.start.column,
			endLine: report.range.end.line,
			endColumn: report.range.end.column,
		}))
		.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The `{name}` placeholders of a message template that a report leaves unfilled. */
export function unfilledPlaceholders(template: string, report: Report): string[] {
	const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
	return names.filter((name) => !(report.data && name in report.data));
}
