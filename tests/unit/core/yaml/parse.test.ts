import { describe, expect, test } from 'vitest';
import { k8sObjects, podContainers, podSpecs } from '../../../../src/core/yaml/k8s.js';
import { getValue, scalarText } from '../../../../src/core/yaml/nodes.js';
import { nodeRange, parseYamlText } from '../../../../src/core/yaml/parse.js';

describe('parseYamlText', () => {
	test('keeps every non-empty document and skips empty ones', () => {
		const doc = parseYamlText(
			'---\n# only a comment\n---\nkind: Service\n---\n\n---\nkind: Pod\n...\n'
		);
		expect(doc.errors).toEqual([]);
		expect(doc.documents.map((d) => scalarText(doc, getValue(doc, d.contents, 'kind')))).toEqual([
			'Service',
			'Pod',
		]);
	});

	test('returns no documents for an empty text', () => {
		expect(parseYamlText('').documents).toEqual([]);
		expect(parseYamlText('\n# nothing\n').documents).toEqual([]);
	});

	test('reports a syntax error with its 1-based position instead of throwing', () => {
		const doc = parseYamlText('services:\n  web:\n    image: a: b\n');
		expect(doc.errors).toHaveLength(1);
		expect(doc.errors[0]?.range.start).toEqual({ line: 3, column: 12 });
		expect(doc.errors[0]?.message).not.toMatch(/\n/);
	});

	test('reports duplicate keys', () => {
		const doc = parseYamlText('a: 1\na: 2\n');
		expect(doc.errors.map((e) => e.range.start.line)).toEqual([2]);
	});

	test('reads YAML 1.1 values as Compose and kubectl do, keeping the written text', () => {
		const doc = parseYamlText('privileged: yes\nuser: 1000:50\nmode: 0444\n');
		const root = doc.documents[0]?.contents;
		expect(getValue(doc, root, 'privileged')?.toJSON()).toBe(true);
		expect(scalarText(doc, getValue(doc, root, 'user'))).toBe('1000:50');
		expect(scalarText(doc, getValue(doc, root, 'mode'))).toBe('0444');
	});

	test('follows aliases and merge keys', () => {
		const doc = parseYamlText(
			'x: &base\n  cap_drop: [ALL]\ny:\n  <<: *base\n  image: a\nz: *base\n'
		);
		const root = doc.documents[0]?.contents;
		const merged = getValue(doc, root, 'y');
		expect(getValue(doc, merged, 'cap_drop')?.toJSON()).toEqual(['ALL']);
		expect(getValue(doc, getValue(doc, root, 'z'), 'cap_drop')?.toJSON()).toEqual(['ALL']);
	});

	test('does not loop on a mapping that merges itself', () => {
		const doc = parseYamlText('a: &a\n  <<: *a\n  k: v\n');
		expect(() =>
			getValue(doc, getValue(doc, doc.documents[0]?.contents, 'a'), 'missing')
		).not.toThrow();
	});

	test('converts node ranges to 1-based lines and exclusive end columns', () => {
		const doc = parseYamlText('services:\n  web:\n    image: nginx:latest\n');
		const web = getValue(doc, getValue(doc, doc.documents[0]?.contents, 'services'), 'web');
		const image = getValue(doc, web, 'image');
		expect(image && nodeRange(doc, image)).toEqual({
			start: { line: 3, column: 12 },
			end: { line: 3, column: 24 },
		});
	});

	test('cuts the range of a block collection to its first line', () => {
		const doc = parseYamlText('a:\n  b: 1\n  c: 2\n');
		const a = getValue(doc, doc.documents[0]?.contents, 'a');
		expect(a && nodeRange(doc, a)).toEqual({
			start: { line: 2, column: 3 },
			end: { line: 2, column: 7 },
		});
	});
});

describe('k8sObjects', () => {
	test('opens kind: List wrappers and finds pod specs of every workload kind', () => {
		const doc = parseYamlText(`apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers: [{ name: dump, image: 'mongo:7' }]
  - apiVersion: v1
    kind: Pod
    spec:
      initContainers: [{ name: wait }]
      containers: [{ name: main }]
---
apiVersion: apps/v1
kind: StatefulSet
spec:
  template:
    spec:
      containers: [{ name: db }]
`);
		expect(k8sObjects(doc).map((o) => o.kind)).toEqual(['CronJob', 'Pod', 'StatefulSet']);
		const names = podSpecs(doc).flatMap((pod) =>
			podContainers(doc, pod).map((c) => `${c.init ? 'init:' : ''}${c.name ?? ''}`)
		);
		expect(names).toEqual(['dump', 'init:wait', 'main', 'db']);
	});

	test('finds nothing in a text with syntax errors', () => {
		expect(k8sObjects(parseYamlText('kind: Pod\n  bad: [\n'))).toEqual([]);
	});
});
