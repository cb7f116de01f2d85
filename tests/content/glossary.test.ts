import { describe, expect, test } from 'vitest';
import {
	checkGlossary,
	checkLinkCount,
	checkLinkUse,
	checkVideo,
} from './helpers/glossary-checks.js';
import { loadChapters, readText, videoFiles } from './helpers/load.js';
import { formatProblems } from './helpers/problem.js';

describe('glossary', () => {
	test('content/glossary.yaml has valid terms, unique ids and see ids that exist', () => {
		const { ids, problems } = checkGlossary(
			'content/glossary.yaml',
			readText('content/glossary.yaml')
		);
		expect(formatProblems(problems)).toEqual([]);
		expect(ids.size).toBeGreaterThan(0);
	});

	test.each(loadChapters().map((mdx) => [mdx.file, mdx] as const))(
		'%s links its main glossary terms, each once and never from a heading',
		(_, mdx) => {
			expect(formatProblems([...checkLinkUse(mdx), ...checkLinkCount(mdx)])).toEqual([]);
		}
	);
});

describe('videos', () => {
	test.each(videoFiles())('%s fits VideoSchema', (file) => {
		expect(formatProblems(checkVideo(file, readText(file)))).toEqual([]);
	});
});
