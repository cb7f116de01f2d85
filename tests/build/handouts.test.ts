import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { builtPages, ROOT } from '../helpers/dist.js';

/** Exercises checked on the simulated terminal, with the descriptions of their checks. */
const terminalExercises = readdirSync(join(ROOT, 'exercises'))
	.map((id) => ({
		id,
		data: parse(readFileSync(join(ROOT, 'exercises', id, 'exercise.yaml'), 'utf8')) as {
			terminal?: { checks: { description: string }[] };
		},
	}))
	.filter((e) => e.data.terminal)
	.map((e) => ({ id: e.id, checks: e.data.terminal?.checks.map((c) => c.description) ?? [] }));

const handouts = builtPages().filter((p) => p.path.startsWith('/handout/'));

describe('handouts', () => {
	test('the course has terminal exercises to print', () => {
		expect(terminalExercises.length).toBeGreaterThan(0);
	});

	test.each(terminalExercises.map((e) => [e.id, e] as const))(
		'%s lists its terminal checks on both handouts',
		(id, exercise) => {
			const printed = handouts
				.map((page) => page.doc.querySelector(`#exercise-${id}`))
				.filter((article) => article !== null);
			expect(printed).toHaveLength(2);
			for (const article of printed) {
				const items = article.querySelectorAll('ul.checks > li').map((li) => li.text.trim());
				expect(items).toEqual(exercise.checks);
			}
		}
	);
});
