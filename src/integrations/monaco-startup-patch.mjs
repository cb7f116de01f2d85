// An esbuild plugin that changes one line of Monaco as it is bundled, to keep the editor's start
// short when a debugger or test driver is attached to the page.
//
// Monaco's context-key parser creates `new Error()` in a static block, as a marker it throws and
// catches by identity. With an inspector attached (DevTools, Playwright, Lighthouse) V8 records a
// full stack trace for every new Error, with line numbers; the stack includes the bundle's
// top-level code, so V8 re-parses the whole 2.8 MB file on the main thread to find them (about
// 100 ms here). A frozen plain object is the same marker without a stack trace.
import { readFile } from 'node:fs/promises';

const FILE = /[\\/]platform[\\/]contextkey[\\/]common[\\/]contextkey\.js$/;
const BEFORE = 'static { this._parseError = new Error(); }';
const AFTER = "static { this._parseError = Object.freeze({ name: 'ContextKeyParseError' }); }";

/** Replaces the parser's Error marker; fails the build if Monaco's source no longer has it. */
export const monacoStartupPatch = {
	name: 'spinup:monaco-startup-patch',
	/** @param {import('esbuild').PluginBuild} build */
	setup(build) {
		build.onLoad({ filter: FILE }, async ({ path }) => {
			const source = await readFile(path, 'utf8');
			if (!source.includes(BEFORE)) {
				return {
					errors: [{ text: `${path}: expected "${BEFORE}"; update monaco-startup-patch.mjs` }],
				};
			}
			return { contents: source.replace(BEFORE, AFTER), loader: 'js' };
		});
	},
};
