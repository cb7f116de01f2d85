import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { rehypeSections } from '../../../src/integrations/rehype-sections.mjs';

/** Runs the plugin over an HTML fragment. */
function wrap(html: string): string {
	return String(
		unified()
			.use(rehypeParse, { fragment: true })
			.use(rehypeSections)
			.use(rehypeStringify)
			.processSync(html)
	);
}

describe('rehypeSections', () => {
	test('wraps each h2 with what follows it, up to the next h2; text before stays outside', () => {
		expect(
			wrap('<p>a</p><h2>B</h2><p>b</p><h3>C</h3><p>c</p><h2>D</h2><p>d</p>').replace(
				/ style="[^"]*"/g,
				''
			)
		).toBe(
			'<p>a</p><section class="content-section"><h2>B</h2><p>b</p><h3>C</h3><p>c</p></section>' +
				'<section class="content-section"><h2>D</h2><p>d</p></section>'
		);
	});

	test('gives each section a guessed height that grows with its text and code', () => {
		const height = (html: string): number =>
			Number(/contain-intrinsic-size: auto (\d+)px/.exec(wrap(html))?.[1]);
		const short = height('<h2>A</h2><p>one line</p>');
		expect(short).toBeGreaterThan(0);
		expect(height(`<h2>A</h2><p>${'word '.repeat(200)}</p>`)).toBeGreaterThan(short + 500);
		expect(height('<h2>A</h2><pre>1\n2\n3\n4\n5\n6\n7\n8</pre>')).toBeGreaterThan(short + 100);
	});

	test('leaves nested h2 and pages without h2 alone', () => {
		const html = '<p>a</p><aside><h2>x</h2></aside>';
		expect(wrap(html)).toBe(html);
	});
});
