import { describe, expect, test } from 'vitest';
import { ChapterSchema } from '../../src/schemas/chapter.js';
import { checkFrontmatter } from './helpers/chapter-checks.js';
import { formatProblems } from './helpers/problem.js';
import {
	checkPlacement,
	checkReferences,
	type KnownIds,
	type PlacedExercise,
} from './helpers/reference-checks.js';
import { FRONTMATTER, GOOD_BODY, sample } from './helpers/sample.js';

const known: KnownIds = {
	exercises: new Set(['security-first-look', 'flask-image']),
	videos: new Set(['spin-overview']),
	glossary: new Set(['capability', 'pod']),
};

/** Reference problems of a sample chapter, formatted. */
function problems(body: string, frontmatter = FRONTMATTER): string[] {
	const mdx = sample(body, frontmatter);
	const chapter = checkFrontmatter(mdx).chapter ?? ChapterSchema.parse(mdx.data);
	return formatProblems(checkReferences(mdx, chapter, known));
}

describe('checkReferences', () => {
	test('accepts a chapter whose references all resolve and agree', () => {
		expect(problems(GOOD_BODY)).toEqual([]);
	});

	test('fails on an <Exercise> that does not exist and is not in exerciseIds', () => {
		expect(problems(`${GOOD_BODY}\n<Exercise id="no-such-task" />\n`)).toEqual([
			'sample.mdx:31: <Exercise id="no-such-task"> is missing from the frontmatter\'s exerciseIds',
			'sample.mdx:31: <Exercise id="no-such-task"> is not in exercises/ (a folder with exercise.yaml)',
		]);
	});

	test('fails on an exerciseIds entry that does not exist and has no <Exercise>', () => {
		const frontmatter = FRONTMATTER.replace('[security-first-look]', '[security-first-look, gone]');
		expect(problems(GOOD_BODY, frontmatter)).toEqual([
			'sample.mdx:15: exerciseIds lists "gone" but the body has no <Exercise id="gone">',
			'sample.mdx:15: exerciseIds names "gone", which is not in exercises/ (a folder with exercise.yaml)',
		]);
	});

	test('fails on an existing exercise listed but not placed in the body', () => {
		const frontmatter = FRONTMATTER.replace(
			'[security-first-look]',
			'[security-first-look, flask-image]'
		);
		expect(problems(GOOD_BODY, frontmatter)).toEqual([
			'sample.mdx:15: exerciseIds lists "flask-image" but the body has no <Exercise id="flask-image">',
		]);
	});

	test('fails on an <Exercise> inside other JSX that the frontmatter does not list', () => {
		const body = `${GOOD_BODY}\n<Challenge>\n\n<Exercise id="flask-image" />\n\n</Challenge>\n`;
		expect(problems(body)).toEqual([
			'sample.mdx:33: <Exercise id="flask-image"> is missing from the frontmatter\'s exerciseIds',
		]);
	});

	test('fails on a missing video, in the frontmatter and in the body', () => {
		const frontmatter = FRONTMATTER.replace('[spin-overview]', '[spin-overview, lost-demo]');
		expect(problems(`${GOOD_BODY}\n<Video id="lost-demo" />\n`, frontmatter)).toEqual([
			'sample.mdx:14: videos names "lost-demo", which is not in content/videos/ (a <id>.yaml file)',
			'sample.mdx:31: <Video id="lost-demo"> is not in content/videos/ (a <id>.yaml file)',
		]);
	});

	test('fails on a listed video that the body never shows', () => {
		expect(problems(GOOD_BODY.replace('<Video id="spin-overview" />', ''))).toEqual([
			'sample.mdx:14: videos lists "spin-overview" but the body has no <Video id="spin-overview">',
		]);
	});

	test('fails on a component without a literal id, and on a repeat', () => {
		const body = `${GOOD_BODY}\n<Video id={name} />\n\n<Exercise id="security-first-look" />\n`;
		expect(problems(body)).toEqual([
			'sample.mdx:31: <Video> needs a literal id="…" attribute',
			'sample.mdx:33: <Exercise id="security-first-look"> appears twice in the body',
		]);
	});

	test('fails on a glossary link to an unknown term or to no term', () => {
		const body = `${GOOD_BODY}\nA [pod](/glossary/#pod), a [pdo](/glossary/#pdo) and [terms](/glossary/).\n`;
		expect(problems(body)).toEqual([
			'sample.mdx:31: link to /glossary/ names no term: write /glossary/#<id>',
			'sample.mdx:31: link to /glossary/#pdo: "pdo" is not an id in content/glossary.yaml',
		]);
	});
});

describe('checkPlacement', () => {
	const exercise = (id: string, chapter: string): PlacedExercise => ({
		id,
		file: `exercises/${id}/exercise.yaml`,
		line: 3,
		chapter,
	});
	const chapters = new Map([
		['s1-meet-spin', ['security-first-look']],
		['l1-first-app', ['flask-image']],
	]);

	test('accepts exercises each listed by the chapter they name', () => {
		const all = [
			exercise('security-first-look', 's1-meet-spin'),
			exercise('flask-image', 'l1-first-app'),
		];
		expect(checkPlacement(all, chapters)).toEqual([]);
	});

	test('fails on an exercise in no chapter, in two chapters, or in another chapter', () => {
		const twice = new Map([...chapters, ['s2-running-services', ['flask-image']]]);
		const all = [
			exercise('orphan', 's1-meet-spin'),
			exercise('flask-image', 'l1-first-app'),
			exercise('security-first-look', 'l1-first-app'),
		];
		expect(formatProblems(checkPlacement(all, twice))).toEqual([
			'exercises/flask-image/exercise.yaml:3: exercise "flask-image" is placed in 2 chapters: l1-first-app, s2-running-services',
			'exercises/orphan/exercise.yaml:3: exercise "orphan" is placed in no chapter (no chapter\'s exerciseIds lists it)',
			'exercises/security-first-look/exercise.yaml:3: exercise "security-first-look" says chapter: l1-first-app but s1-meet-spin lists it',
		]);
	});
});
