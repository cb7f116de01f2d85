// @ts-check

import { textOf } from './hast.mjs';

/** @typedef {import('./hast.mjs').Node} Node */

/**
 * Heights (px) used to guess how tall a section is on a phone, erring on the tall side: a section
 * not yet rendered takes its guessed height, and content measured inside it must not spill onto
 * what follows.
 */
const GUESS = {
	charsPerLine: 30,
	line: 28,
	block: 24,
	codeLine: 24,
	/** Components whose content comes from elsewhere (an exercise's YAML, a video's poster). */
	component: { Exercise: 4000, Video: 700, default: 400 },
};

/** Elements laid out as blocks, for the guess. */
const BLOCKS = new Set([
	'p',
	'li',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'blockquote',
	'dt',
	'dd',
	'tr',
	'figcaption',
	'summary',
]);

/**
 * Guesses a node's height in pixels on a narrow screen.
 * @param {Node} node
 * @returns {number}
 */
function guess(node) {
	if (node.type === 'element' && node.tagName === 'pre') {
		return textOf(node).split('\n').length * GUESS.codeLine + 2 * GUESS.block;
	}
	const children = (node.children ?? []).reduce((sum, child) => sum + guess(child), 0);
	if (node.type === 'mdxJsxFlowElement') {
		const { component } = GUESS;
		return (
			(component[/** @type {keyof typeof component} */ (node.name)] ?? component.default) + children
		);
	}
	if (node.type !== 'element') return 0;
	if (BLOCKS.has(node.tagName ?? '') && children === 0) {
		const lines = Math.max(1, Math.ceil(textOf(node).length / GUESS.charsPerLine));
		return lines * GUESS.line + GUESS.block;
	}
	return children;
}

/**
 * Wraps each top-level h2 and everything after it, up to the next h2, in
 * `<section class="content-section">` with a guessed height, so the stylesheet can leave a
 * section far off screen unrendered until the reader comes near it. Content before the first h2
 * stays as it is.
 */
export function rehypeSections() {
	/** @param {Node} tree */
	return (tree) => {
		/** @type {Node[]} */
		const out = [];
		/** @type {Node[] | undefined} */
		let section;
		/** Wraps the collected nodes, if any, and starts again. */
		const close = () => {
			if (!section) return;
			const height = Math.round(section.reduce((sum, n) => sum + guess(n), 0));
			out.push({
				type: 'element',
				tagName: 'section',
				properties: {
					className: ['content-section'],
					style: `contain-intrinsic-size: auto ${height}px`,
				},
				children: section,
			});
		};
		for (const child of tree.children ?? []) {
			if (child.type === 'element' && child.tagName === 'h2') {
				close();
				section = [];
			}
			if (section) section.push(child);
			else out.push(child);
		}
		close();
		tree.children = out;
	};
}
