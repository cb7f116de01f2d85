// @ts-check
// The little of the HTML syntax tree (hast) that the site's rehype plugins read.

/**
 * A hast node, loosely: elements, text, and MDX's JSX elements (`name` is the component).
 * @typedef {{ type: string, tagName?: string, name?: string | null, properties?: Record<string, unknown>, children?: Node[], value?: string }} Node
 */

/**
 * Returns the text content of a node.
 * @param {Node} node
 * @returns {string}
 */
export function textOf(node) {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}
