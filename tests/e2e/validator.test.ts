import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic, SourceKind } from '../../src/core/types.js';
import { validate } from '../../src/core/validate.js';
import { DIST, ROOT, walk } from '../helpers/dist.js';
import { loadCorpus } from '../unit/core/corpus/corpus.js';
import { loadCenter } from '../unit/helpers/center.js';
import { browserAvailable, startHarness, type Harness } from './harness.js';

/** One text to validate, and what the validator says of it in Node. */
interface Sample {
	name: string;
	kind: SourceKind;
	text: string;
}

/** The built worker whose file name starts with `name`. */
function builtWorker(name: string): string {
	const files = walk(join(DIST, '_astro')).filter((f) =>
		new RegExp(`/${name}\\.worker\\.[\\w-]+\\.js$`).test(f)
	);
	expect(files).toHaveLength(1);
	return `/_astro/${files[0]?.split('/').pop() ?? ''}`;
}

/** Every Compose and Kubernetes file of the exercises (starters, solutions, cases). */
function yamlSamples(): Sample[] {
	const root = join(ROOT, 'exercises');
	return readdirSync(root).flatMap((id) => {
		const meta = parse(readFileSync(join(root, id, 'exercise.yaml'), 'utf8')) as { kind: string };
		if (meta.kind !== 'compose' && meta.kind !== 'k8s') return [];
		const kind: SourceKind = meta.kind;
		return walk(join(root, id))
			.filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('exercise.yaml') && statSync(f).isFile())
			.filter((f) => !f.includes('/context/'))
			.map((f) => ({ name: f.slice(root.length + 1), kind, text: readFileSync(f, 'utf8') }));
	});
}

/** Validates samples in the built worker, in Chromium; returns each sample's diagnostics. */
async function inBrowser(h: Harness, worker: string, samples: Sample[]): Promise<Diagnostic[][]> {
	const page = await h.browser.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(`${h.base}/404.html`);
	const replies = await page.evaluate(
		async ({ url, requests }) => {
			const w = new Worker(url, { type: 'module' });
			const answers: unknown[] = [];
			for (const [id, request] of requests.entries()) {
				answers.push(
					await new Promise((done, fail) => {
						w.onmessage = (event) => done(event.data);
						w.onerror = (event) => fail(new Error(event.message));
						w.postMessage({ id, type: 'validate', ...request });
					})
				);
			}
			w.terminate();
			return answers;
		},
		{ url: worker, requests: samples.map(({ kind, text }) => ({ kind, text })) }
	);
	await page.close();
	expect(errors).toEqual([]);
	return replies.map((reply, i) => {
		const { id, diagnostics, error } = reply as {
			id: number;
			diagnostics?: Diagnostic[];
			error?: string;
		};
		expect(id).toBe(i);
		expect(error, samples[i]?.name).toBeUndefined();
		return diagnostics ?? [];
	});
}

describe.skipIf(!browserAvailable())('the validators in Chromium', () => {
	let h: Harness;
	const center = loadCenter();
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(async () => {
		await h.close();
	});

	test('the Dockerfile worker says of every corpus file what validate() says in Node', async () => {
		const samples: Sample[] = loadCorpus().map((c) => ({
			name: c.file,
			kind: 'dockerfile',
			text: c.text,
		}));
		expect(samples.length).toBeGreaterThan(100);
		const browser = await inBrowser(h, builtWorker('validate-dockerfile'), samples);
		const node = samples.map((s) => validate(s.kind, s.text, { center }));
		expect(browser).toEqual(node);
		expect(node.flat().length).toBeGreaterThan(0);
	});

	test('the YAML worker says of each exercise Compose and Kubernetes file what validate() says in Node', async () => {
		const samples = yamlSamples();
		expect(samples.filter((s) => s.kind === 'compose').length).toBeGreaterThan(5);
		expect(samples.filter((s) => s.kind === 'k8s').length).toBeGreaterThan(5);
		const browser = await inBrowser(h, builtWorker('validate-yaml'), samples);
		expect(browser).toEqual(samples.map((s) => validate(s.kind, s.text, { center })));
	});
});
