import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './center.js';

/**
 * Rule fixtures: `tests/fixtures/rules/<rule-id>/{valid,invalid}/<case>.Dockerfile`, and for each
 * invalid case `<case>.errors.json`, the diagnostics of that rule it must produce, in order.
 */

/** One expected diagnostic of an invalid case (1-based; end column exclusive). */
export interface ExpectedError {
	ruleId: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

/** One fixture file. */
export interface FixtureCase {
	name: string;
	text: string;
}

/** An invalid fixture with what it must produce. */
export interface InvalidCase extends FixtureCase {
	expected: ExpectedError[];
}

/** The fixture folder of a rule. */
export function fixtureDir(ruleId: string): string {
	return path.join(repoRoot, 'tests/fixtures/rules', ruleId);
}

/** Reads the `.Dockerfile` cases of one folder, sorted by name. */
function readCases(dir: string): FixtureCase[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith('.Dockerfile') && !file.startsWith('_'))
		.sort((a, b) => a.localeCompare(b, 'en'))
		.map((file) => ({
			name: file.slice(0, -'.Dockerfile'.length),
			text: readFileSync(path.join(dir, file), 'utf8'),
		}));
}

/** Loads the valid and invalid cases of a rule. */
export function loadCases(ruleId: string): { valid: FixtureCase[]; invalid: InvalidCase[] } {
	const dir = fixtureDir(ruleId);
	const valid = readCases(path.join(dir, 'valid'));
	const invalid = readCases(path.join(dir, 'invalid')).map((fixture) => {
		const file = path.join(dir, 'invalid', `${fixture.name}.errors.json`);
		const expected = existsSync(file)
			? (JSON.parse(readFileSync(file, 'utf8')) as ExpectedError[])
			: [];
		return { ...fixture, expected };
	});
	return { valid, invalid };
}
