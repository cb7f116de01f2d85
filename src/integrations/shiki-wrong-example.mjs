// @ts-check

/** Marks a code block whose fence meta says `wrong` with a class and a data attribute. */
export function shikiWrongExample() {
	return {
		name: 'spinup-wrong-example',
		/** @param {{ properties: Record<string, unknown> }} node */
		pre(node) {
			/** @type {{ options: { meta?: { __raw?: string }, lang?: string } }} */
			const self = /** @type {any} */ (this);
			const meta = self.options.meta?.__raw ?? '';
			node.properties['data-lang'] = self.options.lang ?? '';
			if (/(^|\s)wrong(\s|$)/.test(meta)) {
				node.properties['data-wrong'] = 'true';
			}
		},
	};
}
