import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CenterSchema, type Center } from '../../../../src/core/center.js';

/** Reads `content/center.yaml` through the real schema (local to the YAML rule tests). */
export function loadCenter(): Center {
	const url = new URL('../../../../content/center.yaml', import.meta.url);
	return CenterSchema.parse(parse(readFileSync(fileURLToPath(url), 'utf8')));
}
