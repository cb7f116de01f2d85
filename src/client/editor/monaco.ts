import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';

/**
 * The parts of Monaco the exercises use: the editor core, the Dockerfile and YAML grammars, and the
 * contributions a learner needs (hover for finding messages, F8 between problems, find, comment,
 * clipboard, Ctrl+M tab focus). No language workers.
 */
export type Monaco = typeof import('monaco-editor/editor/editor.api.js');

let loading: Promise<Monaco> | undefined;

/** Loads Monaco's editor core with the Dockerfile and YAML grammars, once per page. */
export function loadMonaco(): Promise<Monaco> {
	loading ??= (async () => {
		(self as unknown as { MonacoEnvironment: object }).MonacoEnvironment = {
			getWorker: () => new EditorWorker(),
		};
		const [monaco] = await Promise.all([
			import('monaco-editor/editor/editor.api.js'),
			import('monaco-editor/languages/definitions/dockerfile/register.js'),
			import('monaco-editor/languages/definitions/yaml/register.js'),
			import('monaco-editor/editor/contrib/hover/browser/hoverContribution.js'),
			import('monaco-editor/editor/contrib/gotoError/browser/gotoError.js'),
			import('monaco-editor/editor/contrib/find/browser/findController.js'),
			import('monaco-editor/editor/contrib/comment/browser/comment.js'),
			import('monaco-editor/editor/contrib/clipboard/browser/clipboard.js'),
			import('monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js'),
		]);
		return monaco;
	})();
	return loading;
}
