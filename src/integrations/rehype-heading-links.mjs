// @ts-check
import { textOf } from './hast.mjs';

/** @typedef {import('./hast.mjs').Node} Node */

/** Appends a visible `#` anchor link to every h2–h4 that has an id. */
export function rehypeHeadingLinks() {
	/** @param {Node} tree */
	return (tree) => {
		/** @param {Node} node */
		const visit = (node) => {
			if (node.type === 'element' && /^h[2-4]$/.test(node.tagName ?? '')) {
				const id = node.properties?.['id'];
				if (typeof id === 'string' && id) {
					node.children = [
						...(node.children ?? []),
						{
							type: 'element',
							tagName: 'a',
							properties: {
								className: ['heading-link'],
								href: `#${id}`,
								ariaLabel: `Link to section: ${textOf(node).trim()}`,
							},
							children: [{ type: 'text', value: '#' }],
						},
					];
				}
			}
			for (const child of node.children ?? []) visit(child);
		};
		visit(tree);
	};
}
