import { describe, expect, test } from 'vitest';
import { k8sRules } from '../../../../../src/core/rules/k8s/index.js';
import { testRuleFixtures } from '../../yaml/rule-suite.js';

describe('k8sRules', () => {
	test('have unique k8s/ ids', () => {
		const ids = k8sRules.map((rule) => rule.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const rule of k8sRules) {
			expect(rule.id).toMatch(/^k8s\/[a-z0-9-]+$/);
			expect(rule.kind).toBe('k8s');
		}
	});
});

testRuleFixtures(k8sRules);
