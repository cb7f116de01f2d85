import { describe, expect, test } from 'vitest';
import {
	checkGlossary,
	checkLinkCount,
	checkLinkUse,
	checkVideo,
} from './helpers/glossary-checks.js';
import { formatProblems } from './helpers/problem.js';
import { sample } from './helpers/sample.js';

const GLOSSARY = `- id: capability
  term: capability
  definition: One of the separate powers of the root user.
  see: [security-context]
- id: security-context
  term: security context
  definition: The part of a workload that sets users and capabilities.
`;

/** Glossary problems of a text, formatted. */
function glossaryProblems(text: string): string[] {
	return formatProblems(checkGlossary('glossary.yaml', text).problems);
}

describe('checkGlossary', () => {
	test('accepts valid terms and returns their ids', () => {
		const { ids, problems } = checkGlossary('glossary.yaml', GLOSSARY);
		expect(problems).toEqual([]);
		expect([...ids]).toEqual(['capability', 'security-context']);
	});

	test('fails on a see id that is not a term', () => {
		expect(
			glossaryProblems(GLOSSARY.replace('[security-context]', '[security-context, pods]'))
		).toEqual(['glossary.yaml:4: see: "pods" is not an id of this glossary']);
	});

	test('fails on an id used twice', () => {
		expect(glossaryProblems(GLOSSARY.replace('id: security-context', 'id: capability'))).toEqual([
			'glossary.yaml:4: see: "security-context" is not an id of this glossary',
			'glossary.yaml:5: id "capability" is used twice (first on line 1)',
		]);
	});

	test('fails on a term that does not fit the schema, at its line', () => {
		expect(
			glossaryProblems(GLOSSARY.replace('One of the separate powers of the root user.', 'Short.'))
		).toEqual(['glossary.yaml:3: 0.definition: String must contain at least 10 character(s)']);
	});

	test('fails on a glossary that is not a list', () => {
		expect(glossaryProblems('capability: a power\n')).toEqual([
			'glossary.yaml:1: the glossary must be a YAML list of terms',
		]);
	});
});

describe('checkVideo', () => {
	const video = `youtubeId: bCpQgLsCQw0
title: Spin overview
description: An overview of Spin recorded at a training day.
`;

	test('accepts a valid video', () => {
		expect(checkVideo('v.yaml', video)).toEqual([]);
	});

	test('fails on a bad field and on an unknown one, at their lines', () => {
		const bad = `${video.replace('bCpQgLsCQw0', 'abc')}views: 10\n`;
		expect(formatProblems(checkVideo('v.yaml', bad))).toEqual([
			"v.yaml:1: Unrecognized key(s) in object: 'views'",
			'v.yaml:1: youtubeId: a YouTube id has 11 letters, digits, - or _',
		]);
	});
});

describe('checkLinkUse', () => {
	test('accepts one link per term, in prose', () => {
		const mdx = sample('A [capability](/glossary/#capability) and a [pod](/glossary/#pod).\n');
		expect(checkLinkUse(mdx)).toEqual([]);
	});

	test('fails on a term linked twice and on a link in a heading', () => {
		const body = '## The [pod](/glossary/#pod)\n\nA [pod](/glossary/#pod) again.\n';
		expect(formatProblems(checkLinkUse(sample(body)))).toEqual([
			'sample.mdx:17: glossary link to "pod" in a heading: link the term in prose instead',
			'sample.mdx:19: "pod" is linked again (first on line 17): link a term at its first use only',
		]);
	});
});

describe('checkLinkCount', () => {
	const body =
		'A [pod](/glossary/#pod), a [capability](/glossary/#capability), a [pod](/glossary/#pod).\n';

	test('counts distinct terms', () => {
		expect(checkLinkCount(sample(body), 2)).toEqual([]);
	});

	test('fails on a chapter that links too few terms', () => {
		expect(formatProblems(checkLinkCount(sample(body), 3))).toEqual([
			'sample.mdx:1: links 2 glossary terms; link at least 3 of its main terms at their first use, as [term](/glossary/#id)',
		]);
	});
});
