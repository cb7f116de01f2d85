import { describe, expect, test } from 'vitest';
import { checkFrontmatter } from './helpers/chapter-checks.js';
import { checkGlossary } from './helpers/glossary-checks.js';
import {
	exerciseFolders,
	exerciseIds,
	loadChapters,
	readText,
	slugOf,
	videoIds,
} from './helpers/load.js';
import { formatProblems } from './helpers/problem.js';
import {
	checkPlacement,
	checkReferences,
	type PlacedExercise,
} from './helpers/reference-checks.js';
import { readYaml, yamlLine } from './helpers/yaml-file.js';

const chapters = loadChapters();
const known = {
	exercises: exerciseIds(),
	videos: videoIds(),
	glossary: checkGlossary('content/glossary.yaml', readText('content/glossary.yaml')).ids,
};

/** Reads where each exercise folder says it belongs. */
function placedExercises(): PlacedExercise[] {
	return exerciseFolders().map((id) => {
		const file = `exercises/${id}/exercise.yaml`;
		if (!known.exercises.has(id))
			return { id, file: `exercises/${id}`, line: 1, chapter: undefined };
		const yaml = readYaml(file, readText(file));
		const chapter = (yaml.data as { chapter?: unknown } | null)?.chapter;
		return {
			id,
			file,
			line: yamlLine(yaml, ['chapter']),
			chapter: typeof chapter === 'string' ? chapter : undefined,
		};
	});
}

describe('chapter references', () => {
	test.each(chapters.map((mdx) => [mdx.file, mdx] as const))(
		'%s names only exercises, videos and glossary terms that exist, in frontmatter and body alike',
		(_, mdx) => {
			const { chapter } = checkFrontmatter(mdx);
			expect(chapter, `${mdx.file}: frontmatter does not parse`).toBeDefined();
			if (!chapter) return;
			expect(formatProblems(checkReferences(mdx, chapter, known))).toEqual([]);
		}
	);

	test('every exercise folder is placed in exactly one chapter, the one it names', () => {
		const lists = new Map(
			chapters.map((mdx) => [slugOf(mdx.file), checkFrontmatter(mdx).chapter?.exerciseIds ?? []])
		);
		expect(formatProblems(checkPlacement(placedExercises(), lists))).toEqual([]);
	});
});
