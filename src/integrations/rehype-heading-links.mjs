// @ts-check

/**
 * @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[], value?: string }} Node
 */

/**
 * Returns the text content of a node.
 * @param {Node} node
 * @returns {string}
 */
function textOf(node) {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}

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
