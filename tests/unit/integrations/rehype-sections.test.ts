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
		expect(wrap('<p>a</p><h2>B</h2><p>b</p><h3>C</h3><p>c</p><h2>D</h2><p>d</p>')).toBe(
			'<p>a</p><section class="content-section"><h2>B</h2><p>b</p><h3>C</h3><p>c</p></section>' +
				'<section class="content-section"><h2>D</h2><p>d</p></section>'
		);
	});

	test('leaves nested h2 and pages without h2 alone', () => {
		const html = '<p>a</p><aside><h2>x</h2></aside>';
		expect(wrap(html)).toBe(html);
	});
});
