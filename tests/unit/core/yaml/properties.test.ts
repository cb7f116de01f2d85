import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { composeRules } from '../../../../src/core/rules/compose/index.js';
import { k8sRules } from '../../../../src/core/rules/k8s/index.js';
import type { Range } from '../../../../src/core/types.js';
import { parseYamlText } from '../../../../src/core/yaml/parse.js';
import { loadCenter } from '../../helpers/center.js';
import { FIXTURES } from './rule-fixtures.js';

const center = loadCenter();
const rules = [...composeRules, ...k8sRules];

/** Lists every `.yaml` file below a folder. */
function yamlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return yamlFiles(path);
		return name.endsWith('.yaml') ? [path] : [];
	});
}

const fixtures = [...yamlFiles(join(FIXTURES, 'compose')), ...yamlFiles(join(FIXTURES, 'k8s'))].map(
	(path) => readFileSync(path, 'utf8')
);

/** Tells whether a range lies inside the text, 1-based, with its end not before its start. */
function rangeFits(range: Range, text: string): boolean {
	const lines = text.split('\n');
	const { start, end } = range;
	const within = (line: number, column: number): boolean =>
		line >= 1 &&
		line <= lines.length &&
		column >= 1 &&
		column <= (lines[line - 1]?.length ?? 0) + 1;
	const ordered = end.line > start.line || (end.line === start.line && end.column >= start.column);
	return within(start.line, start.column) && within(end.line, end.column) && ordered;
}

/** Parses a text and runs every rule; fails on a throw or a range outside the text. */
function checkAll(text: string): void {
	const doc = parseYamlText(text);
	for (const error of doc.errors) expect(rangeFits(error.range, text)).toBe(true);
	for (const rule of rules) {
		for (const report of rule.check({ doc, center })) {
			expect(rangeFits(report.range, text), `${rule.id} ${JSON.stringify(report.range)}`).toBe(
				true
			);
		}
	}
}

/** Pieces that YAML, Compose and Kubernetes texts are made of. */
const TOKENS = [
	'\n',
	'  ',
	'- ',
	': ',
	':',
	'---\n',
	'...\n',
	'#',
	'"',
	"'",
	'[',
	']',
	'{',
	'}',
	',',
	'\t',
	'|',
	'>',
	'&a ',
	'*a',
	'<<: ',
	'!!str ',
	'? ',
	'services',
	'web',
	'image',
	'nginx:latest',
	'cap_drop',
	'cap_add',
	'ALL',
	'SYS_ADMIN',
	'CHOWN',
	'user',
	'0:0',
	'${UID}:${GID}',
	'<uid>',
	'volumes',
	'/global/cfs/x:/srv',
	':ro',
	'environment',
	'DB_PASSWORD=x',
	'privileged',
	'true',
	'yes',
	'kind',
	'List',
	'items',
	'Deployment',
	'CronJob',
	'Pod',
	'Ingress',
	'PersistentVolumeClaim',
	'apiVersion',
	'v1',
	'spec',
	'template',
	'jobTemplate',
	'containers',
	'initContainers',
	'securityContext',
	'capabilities',
	'drop',
	'add',
	'hostPath',
	'path',
	'rules',
	'host',
	'tls',
	'hosts',
	'storageClassName',
	'env',
	'name',
	'value',
	'metadata',
	'namespace',
];

describe('property: the YAML rules never throw', () => {
	test('on random text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkAll(text)),
			{ numRuns: 400 }
		);
	});

	test('on random sequences of YAML and manifest tokens', () => {
		const text = fc
			.array(fc.constantFrom(...TOKENS), { maxLength: 120 })
			.map((parts) => parts.join(''));
		fc.assert(
			fc.property(text, (source) => checkAll(source)),
			{ numRuns: 600 }
		);
	});

	test('on random edits of the fixtures', () => {
		const edit = fc.record({
			at: fc.nat(),
			remove: fc.nat({ max: 12 }),
			insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
		});
		const edited = fc
			.record({
				index: fc.nat({ max: fixtures.length - 1 }),
				edits: fc.array(edit, { maxLength: 6 }),
			})
			.map(({ index, edits }) =>
				edits.reduce((text, { at, remove, insert }) => {
					const pos = text.length === 0 ? 0 : at % (text.length + 1);
					return text.slice(0, pos) + insert + text.slice(pos + remove);
				}, fixtures[index] ?? '')
			);
		fc.assert(
			fc.property(edited, (text) => checkAll(text)),
			{ numRuns: 500 }
		);
	});
});
