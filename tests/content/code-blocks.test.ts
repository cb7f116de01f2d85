import { describe, expect, test } from 'vitest';
import { loadCenter } from '../unit/helpers/center.js';
import { checkCodeBlock, codeBlocks } from './helpers/code-checks.js';
import { loadChapters } from './helpers/load.js';
import { formatProblems } from './helpers/problem.js';

const center = loadCenter();

describe('code blocks in chapters', () => {
	test.each(loadChapters().map((mdx) => [mdx.file, mdx] as const))(
		'%s: Dockerfile and YAML blocks pass the validators, and blocks marked wrong fail them',
		(_, mdx) => {
			const problems = codeBlocks(mdx).flatMap((block) => checkCodeBlock(block, center).problems);
			expect(formatProblems(problems)).toEqual([]);
		}
	);
});
