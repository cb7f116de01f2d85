import { build, type Metafile } from 'esbuild';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { VALIDATOR_VERSION as combinedVersion } from '../../../src/core/validate.js';
import { CENTER } from '../../../src/core/validate-center.js';
import { VALIDATOR_VERSION, validateDockerfile } from '../../../src/core/validate-dockerfile.js';
import { validateYaml } from '../../../src/core/validate-yaml.js';
import { loadCenter, repoRoot } from '../helpers/center.js';

/** The input files of an entry's browser bundle, relative to the repository. */
async function bundleInputs(entry: string): Promise<string[]> {
	const result = await build({
		entryPoints: [path.join(repoRoot, entry)],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		write: false,
		metafile: true,
		logLevel: 'silent',
	});
	const metafile: Metafile = result.metafile;
	return Object.keys(metafile.inputs);
}

const YAML = /node_modules\/yaml\/|src\/core\/yaml\//;
const DOCKERFILE = /node_modules\/dockerfile-(ast|utils)\/|src\/core\/dockerfile\/parse\.ts/;
const HEAVY = /node_modules\/zod\/|src\/core\/sim\//;

describe('per-kind validators', () => {
	test('the Dockerfile validator and worker load no YAML parser, zod or simulator', async () => {
		for (const entry of [
			'src/core/validate-dockerfile.ts',
			'src/client/validate-dockerfile.worker.ts',
		]) {
			const inputs = await bundleInputs(entry);
			expect(
				inputs.some((f) => DOCKERFILE.test(f)),
				entry
			).toBe(true);
			expect(
				inputs.filter((f) => YAML.test(f) || HEAVY.test(f)),
				entry
			).toEqual([]);
		}
	}, 60_000);

	test('the YAML validator and worker load no Dockerfile parser, zod or simulator', async () => {
		for (const entry of ['src/core/validate-yaml.ts', 'src/client/validate-yaml.worker.ts']) {
			const inputs = await bundleInputs(entry);
			expect(
				inputs.some((f) => YAML.test(f)),
				entry
			).toBe(true);
			expect(
				inputs.filter((f) => DOCKERFILE.test(f) || HEAVY.test(f)),
				entry
			).toEqual([]);
		}
	}, 60_000);

	test('the worker for mixed exercises loads both kinds but not the simulator', async () => {
		const inputs = await bundleInputs('src/client/validate.worker.ts');
		expect(inputs.some((f) => YAML.test(f))).toBe(true);
		expect(inputs.some((f) => DOCKERFILE.test(f))).toBe(true);
		expect(inputs.filter((f) => HEAVY.test(f))).toEqual([]);
	}, 60_000);

	test('share the version of the combined validator', () => {
		expect(VALIDATOR_VERSION).toBe(combinedVersion);
	});

	test('report per kind, sorted by position', () => {
		const dockerfile = validateDockerfile('FROM nginx:latest\nEXPOSE 80\n', { center: CENTER });
		expect(dockerfile.map((d) => d.ruleId)).toEqual([
			'spin/non-root-user',
			'docker/no-latest-tag',
			'spin/unprivileged-port',
		]);
		const compose = validateYaml('compose', 'services:\n  web:\n    image: nginx\n', {
			center: CENTER,
		});
		expect(compose.length).toBeGreaterThan(0);
		expect(
			compose.every((d) => d.ruleId.startsWith('compose/') || d.ruleId.startsWith('spin/'))
		).toBe(true);
		expect(validateYaml('k8s', 'a: [', { center: CENTER }).map((d) => d.ruleId)).toEqual([
			'k8s/syntax',
		]);
		expect(validateYaml('compose', 'a: [', { center: CENTER }).map((d) => d.ruleId)).toEqual([
			'compose/syntax',
		]);
	});
});

describe('the center facts for browsers', () => {
	test('equal content/center.yaml as CenterSchema reads it', () => {
		const parsed = loadCenter();
		expect(
			CENTER,
			`src/core/validate-center.ts is out of date; its object should be:\n${JSON.stringify(parsed, null, '\t')}`
		).toEqual(parsed);
	});
});
