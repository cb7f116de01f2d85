import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validate } from '../../../../src/core/validate.js';
import { loadCenter } from '../../helpers/center.js';
import { FIXTURES } from './rule-fixtures.js';

const center = loadCenter();

for (const kind of ['compose', 'k8s'] as const) {
	describe(`unparseable ${kind} input`, () => {
		const dir = join(FIXTURES, kind, 'syntax', 'invalid');
		const files = readdirSync(dir).filter((file) => file.endsWith('.yaml'));

		for (const file of files) {
			test(`${file} gets exactly one diagnostic, from ${kind}/syntax`, () => {
				const diagnostics = validate(kind, readFileSync(join(dir, file), 'utf8'), { center });
				expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
					[`${kind}/syntax`, 'error'],
				]);
				expect(diagnostics[0]?.message).not.toMatch(/\{\w+\}/);
			});
		}
	});
}

describe('validate on YAML kinds', () => {
	test('points a broken manifest at the line of the YAML error', () => {
		const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n spec: {}\n';
		const [diagnostic, ...rest] = validate('k8s', text, { center });
		expect(rest).toEqual([]);
		expect(diagnostic?.ruleId).toBe('k8s/syntax');
		expect(diagnostic?.range.start.line).toBe(5);
	});

	test('returns diagnostics sorted by position with docs links and hints', () => {
		const text = [
			"version: '2'",
			'services:',
			'  web:',
			'    image: nginx',
			'    privileged: true',
			'',
		].join('\n');
		const diagnostics = validate('compose', text, { center });
		expect(diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([
			['compose/cap-drop-all', 3],
			['compose/image-tag', 4],
			['compose/no-privileged', 5],
		]);
		for (const d of diagnostics) {
			expect(d.docs).toBe(`/rules/#${d.ruleId}`);
			expect(d.hint.length).toBeGreaterThan(0);
		}
	});
});
