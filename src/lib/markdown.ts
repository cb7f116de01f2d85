import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';

let processor: Promise<MarkdownProcessor> | undefined;

/** Renders a short Markdown text (an exercise task or hint) to HTML at build time. */
export async function renderMarkdown(text: string): Promise<string> {
	processor ??= createMarkdownProcessor({
		shikiConfig: {
			themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
			defaultColor: false,
		},
	});
	const result = await (await processor).render(text);
	return result.code;
}
