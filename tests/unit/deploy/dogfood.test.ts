import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../../src/core/types.js';
import { validate } from '../../../src/core/validate.js';
import { loadCenter } from '../helpers/center.js';
import { readRepoFile, spinManifestFiles } from './files.js';

/**
 * The site's own image and Spin manifests pass the course's validators: no error and no warning
 * (info findings, such as objects that leave the namespace to `kubectl apply -n`, are allowed).
 */

const center = loadCenter();

/** Findings of error or warning severity, as readable lines. */
function problems(diagnostics: readonly Diagnostic[]): string[] {
	return diagnostics
		.filter((d) => d.severity !== 'info')
		.map((d) => `${d.severity} ${d.ruleId} at ${d.range.start.line}: ${d.message}`);
}

describe('the Dockerfile', () => {
	const text = readRepoFile('Dockerfile');

	test('has no error or warning', () => {
		expect(problems(validate('dockerfile', text, { center }))).toEqual([]);
	});

	test('is really checked: running as root in the final stage is reported', () => {
		const asRoot = text.replace(/^USER .*$/m, 'USER 0');
		expect(asRoot).not.toBe(text);
		expect(problems(validate('dockerfile', asRoot, { center }))).toEqual([
			expect.stringContaining('spin/non-root-user'),
		]);
	});
});

describe('the Spin manifests', () => {
	const files = spinManifestFiles();

	test('are the Deployment, Service, Ingress and kustomization', () => {
		expect(files).toEqual([
			'deploy/spin/deployment.yaml',
			'deploy/spin/ingress.yaml',
			'deploy/spin/kustomization.yaml',
			'deploy/spin/service.yaml',
		]);
	});

	test.each(files)('%s has no error or warning', (file) => {
		expect(problems(validate('k8s', readRepoFile(file), { center }))).toEqual([]);
	});

	test('leave only the namespace to apply time', () => {
		const infos = files.flatMap((file) =>
			validate('k8s', readRepoFile(file), { center })
				.filter((d) => d.severity === 'info')
				.map((d) => d.ruleId)
		);
		expect(new Set(infos)).toEqual(new Set(['k8s/namespace']));
	});

	test('are really checked: a container that keeps its capabilities is refused', () => {
		const text = readRepoFile('deploy/spin/deployment.yaml');
		const keeps = text.replace(/^(\s*)drop:\n\s*- ALL\n/m, '$1drop: []\n');
		expect(keeps).not.toBe(text);
		expect(problems(validate('k8s', keeps, { center }))).toEqual([
			expect.stringContaining('k8s/cap-drop-all'),
		]);
	});

	test('are really checked: an ingress host outside the Spin pattern is refused', () => {
		const text = readRepoFile('deploy/spin/ingress.yaml');
		const elsewhere = text.replace(/host: \S+/, 'host: spinup.example.org');
		expect(elsewhere).not.toBe(text);
		expect(problems(validate('k8s', elsewhere, { center }))).toEqual([
			expect.stringContaining('k8s/ingress-host'),
		]);
	});
});
