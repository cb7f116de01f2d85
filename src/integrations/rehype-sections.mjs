// @ts-check

/**
 * @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[] }} Node
 */

/**
 * Wraps each top-level h2 and everything after it, up to the next h2, in
 * `<section class="content-section">`, so the stylesheet can leave a section far off screen
 * unrendered until the reader comes near it. Content before the first h2 stays as it is.
 */
export function rehypeSections() {
	/** @param {Node} tree */
	return (tree) => {
		/** @type {Node[]} */
		const out = [];
		/** @type {Node | undefined} */
		let section;
		for (const child of tree.children ?? []) {
			if (child.type === 'element' && child.tagName === 'h2') {
				section = {
					type: 'element',
					tagName: 'section',
					properties: { className: ['content-section'] },
					children: [],
				};
				out.push(section);
			}
			if (section) section.children?.push(child);
			else out.push(child);
		}
		tree.children = out;
	};
}
