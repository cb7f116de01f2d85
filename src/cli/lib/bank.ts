import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CenterSchema, type Center } from '../../core/center.js';
import type { BankExercise } from '../../core/completion/check.js';
import { ExerciseSchema } from '../../core/exercises/schema.js';
import { readTextOrNull, readTree } from './files.js';
import { CliError } from './io.js';

/** Reads `content/center.yaml` under a repository root. */
export function loadCenter(root: string): Center {
	const path = join(root, 'content', 'center.yaml');
	const text = readTextOrNull(path);
	if (text === null) throw new CliError(3, `Cannot read ${path}.`);
	const parsed = CenterSchema.safeParse(parse(text));
	if (!parsed.success)
		throw new CliError(
			3,
			`${path} does not fit the center schema: ${parsed.error.issues[0]?.message}`
		);
	return parsed.data;
}

/**
 * Reads every exercise in `exercises/` with its starter, solution and context files. The exercise
 * schema has no "optional" flag, so every exercise of the bank is required for completion.
 */
export function loadBank(root: string): BankExercise[] {
	const dir = join(root, 'exercises');
	if (!existsSync(dir)) throw new CliError(3, `No exercise bank at ${dir}.`);
	const out: BankExercise[] = [];
	for (const id of readdirSync(dir).sort()) {
		const text = readTextOrNull(join(dir, id, 'exercise.yaml'));
		if (text === null) continue;
		const parsed = ExerciseSchema.safeParse(parse(text));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new CliError(
				3,
				`exercises/${id}/exercise.yaml: ${issue?.path.join('.')}: ${issue?.message}`
			);
		}
		out.push({
			exercise: parsed.data,
			starter: readTree(join(dir, id, 'starter')),
			solution: readTree(join(dir, id, 'solution')),
			context: readTree(join(dir, id, 'context')),
		});
	}
	if (out.length === 0) throw new CliError(3, `No exercises in ${dir}.`);
	return out;
}
