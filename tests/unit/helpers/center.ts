import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CenterSchema, type Center } from '../../../src/core/center.js';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let cached: Center | undefined;

/** Reads `content/center.yaml` through `CenterSchema` (once per test file). */
export function loadCenter(): Center {
	cached ??= CenterSchema.parse(
		parse(readFileSync(path.join(repoRoot, 'content/center.yaml'), 'utf8'))
	);
	return cached;
}
