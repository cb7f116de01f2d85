import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { monacoStartupPatch } from '../../../src/integrations/monaco-startup-patch.mjs';

/** Bundles one file with the patch and returns the output text. */
async function bundle(entry: string): Promise<string> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		write: false,
		format: 'esm',
		logLevel: 'silent',
		plugins: [monacoStartupPatch],
	});
	return result.outputFiles[0]?.text ?? '';
}

describe('Monaco start-up patch', () => {
	test("the installed Monaco's context-key parser no longer makes an Error as it loads", async () => {
		const out = await bundle('monaco-editor/platform/contextkey/common/contextkey.js');
		expect(out).toContain('ContextKeyParseError');
		expect(out).not.toMatch(/_parseError = new Error\(\)/);
	});

	test('a Monaco whose source has changed fails the build with a message', async () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'patch-')), 'platform/contextkey/common');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'contextkey.js'), 'export class Parser {}\n');
		await expect(bundle(join(dir, 'contextkey.js'))).rejects.toThrow(
			/update monaco-startup-patch\.mjs/
		);
	});
});
