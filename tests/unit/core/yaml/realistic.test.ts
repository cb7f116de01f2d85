import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { composeRules } from '../../../../src/core/rules/compose/index.js';
import { k8sRules } from '../../../../src/core/rules/k8s/index.js';
import type { Rule } from '../../../../src/core/types.js';
import { parseYamlText, type YamlDoc } from '../../../../src/core/yaml/parse.js';
import { loadCenter } from '../../helpers/center.js';
import { FIXTURES } from './rule-fixtures.js';

/** One diagnostic as listed in `<name>.diagnostics.json`. */
interface Listed {
	ruleId: string;
	severity: string;
	line: number;
	column: number;
}

const center = loadCenter();

/** Runs every rule of a kind over a text, in the listing format. */
function runAll(rules: readonly Rule<YamlDoc>[], text: string): Listed[] {
	const doc = parseYamlText(text);
	return rules
		.flatMap((rule) =>
			rule.check({ doc, center }).map((report) => ({
				ruleId: rule.id,
				severity: rule.severity,
				line: report.range.start.line,
				column: report.range.start.column,
			}))
		)
		.sort(
			(a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId, 'en')
		);
}

for (const [kind, rules] of [
	['compose', composeRules],
	['k8s', k8sRules],
] as const) {
	describe(`realistic ${kind} files`, () => {
		const dir = join(FIXTURES, kind, '_realistic');
		const files = readdirSync(dir).filter((file) => file.endsWith('.yaml'));

		test('exist', () => {
			expect(files.length).toBeGreaterThanOrEqual(3);
		});

		for (const file of files) {
			const text = readFileSync(join(dir, file), 'utf8');
			const listed = JSON.parse(
				readFileSync(join(dir, file.replace(/\.yaml$/, '.diagnostics.json')), 'utf8')
			) as Listed[];

			test(`${file} raises no error`, () => {
				expect(runAll(rules, text).filter((d) => d.severity === 'error')).toEqual([]);
			});

			test(`${file} gets exactly the listed warnings and notes`, () => {
				expect(runAll(rules, text)).toEqual(listed);
			});
		}
	});
}
