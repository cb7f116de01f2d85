import { describe, expect, test } from 'vitest';
import type { Rule } from '../../../../src/core/types.js';
import { parseYamlText, type YamlDoc } from '../../../../src/core/yaml/parse.js';
import { loadCenter } from '../../helpers/center.js';
import { loadRuleCases, runRule, unfilledPlaceholders } from './rule-fixtures.js';

/** Declares, for every rule, the fixture tests: valid cases stay silent, invalid ones match exactly. */
export function testRuleFixtures(rules: readonly Rule<YamlDoc>[]): void {
	const center = loadCenter();
	for (const rule of rules) {
		describe(rule.id, () => {
			const { valid, invalid } = loadRuleCases(rule.id);

			test('has at least one valid and one invalid fixture', () => {
				expect(valid.length).toBeGreaterThan(0);
				expect(invalid.length).toBeGreaterThan(0);
			});

			for (const fixture of valid) {
				test(`accepts valid/${fixture.name}`, () => {
					expect(runRule(rule, fixture.text, center)).toEqual([]);
				});
			}

			for (const fixture of invalid) {
				test(`reports invalid/${fixture.name}`, () => {
					expect(fixture.expected.length).toBeGreaterThan(0);
					expect(runRule(rule, fixture.text, center)).toEqual(fixture.expected);
				});

				test(`fills every message placeholder for invalid/${fixture.name}`, () => {
					for (const report of rule.check({ doc: parseYamlText(fixture.text), center })) {
						const template = (rule.messages as Record<string, string>)[report.messageId];
						expect(template).toBeDefined();
						expect(unfilledPlaceholders(template ?? '', report)).toEqual([]);
					}
				});
			}
		});
	}
}
