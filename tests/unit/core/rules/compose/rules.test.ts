import { describe, expect, test } from 'vitest';
import { composeRules } from '../../../../../src/core/rules/compose/index.js';
import { testRuleFixtures } from '../../yaml/rule-suite.js';

describe('composeRules', () => {
	test('have unique compose/ ids', () => {
		const ids = composeRules.map((rule) => rule.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const rule of composeRules) {
			expect(rule.id).toMatch(/^compose\/[a-z0-9-]+$/);
			expect(rule.kind).toBe('compose');
		}
	});
});

testRuleFixtures(composeRules);
