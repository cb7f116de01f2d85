import { loadEditorBundle } from 'virtual:spinup/monaco';

/** Monaco's API as the exercises see it (see `monaco-bundle.ts` for what is included). */
export type Monaco = typeof import('monaco-editor/editor/editor.api.js');

let loading: Promise<Monaco> | undefined;

/** Loads Monaco with the Dockerfile and YAML grammars, once per page (again after a failure). */
export function loadMonaco(): Promise<Monaco> {
	loading ??= loadEditorBundle().catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}
