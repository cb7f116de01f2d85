import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { CenterSchema } from '../../../src/schemas/center.js';
import { GlossaryTermSchema } from '../../../src/schemas/glossary.js';
import { PageSchema } from '../../../src/schemas/page.js';
import { VideoSchema } from '../../../src/schemas/video.js';
import { ROOT } from '../../helpers/dist.js';

/** Returns the first error of a failed parse as `path: message`. */
function firstError(
	schema: {
		safeParse(x: unknown): {
			success: boolean;
			error?: { issues: { path: (string | number)[]; message: string }[] };
		};
	},
	input: unknown
): string {
	const result = schema.safeParse(input);
	if (result.success) return 'no error';
	const issue = result.error?.issues[0];
	return `${issue?.path.join('.')}: ${issue?.message}`;
}

describe('VideoSchema', () => {
	const video = {
		youtubeId: 'bCpQgLsCQw0',
		title: 'Spin overview',
		recorded: '2018-03-21',
		description: 'An overview of Spin recorded at a training day.',
	};

	test('accepts a video without duration, chapters or transcript', () => {
		const parsed = VideoSchema.parse(video);
		expect(parsed.recorded?.toISOString()).toBe('2018-03-21T00:00:00.000Z');
		expect(parsed.duration).toBeUndefined();
	});

	test('throws on a YouTube id of the wrong length', () => {
		expect(firstError(VideoSchema, { ...video, youtubeId: 'abc' })).toMatchInlineSnapshot(
			`"youtubeId: a YouTube id has 11 letters, digits, - or _"`
		);
	});

	test('throws on a transcript that is not a .vtt path', () => {
		expect(
			firstError(VideoSchema, { ...video, transcript: '/captions.srt' })
		).toMatchInlineSnapshot(`"transcript: Invalid"`);
	});

	test('throws on an unknown field', () => {
		expect(firstError(VideoSchema, { ...video, views: 10 })).toMatchInlineSnapshot(
			`": Unrecognized key(s) in object: 'views'"`
		);
	});
});

describe('PageSchema', () => {
	test('throws on a short description', () => {
		expect(
			firstError(PageSchema, { title: 'Program', description: 'Short' })
		).toMatchInlineSnapshot(`"description: String must contain at least 20 character(s)"`);
	});
});

describe('GlossaryTermSchema', () => {
	test('throws on an id with spaces', () => {
		expect(
			firstError(GlossaryTermSchema, {
				id: 'security context',
				term: 'x',
				definition: 'A definition.',
			})
		).toMatchInlineSnapshot(`"id: Invalid"`);
	});
});

describe('CenterSchema', () => {
	test('accepts content/center.yaml', () => {
		const center = CenterSchema.parse(
			parse(readFileSync(join(ROOT, 'content/center.yaml'), 'utf8'))
		);
		expect(center.capabilities.allowed).toContain('NET_BIND_SERVICE');
		expect(center.clusters).toEqual(['development', 'production']);
	});

	test('throws on a capability in lower case', () => {
		const center = parse(readFileSync(join(ROOT, 'content/center.yaml'), 'utf8'));
		center.capabilities.allowed.push('net_raw');
		expect(firstError(CenterSchema, center)).toMatchInlineSnapshot(
			`"capabilities.allowed.7: Invalid"`
		);
	});
});
