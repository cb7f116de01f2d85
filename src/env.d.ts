/// <reference types="astro/client" />

/** Monaco contributions are imported for their side effects only; they ship no type declarations. */
declare module 'monaco-editor/editor/contrib/*';

/** A Monarch grammar of Monaco's: the language's configuration and its tokenizer. */
declare module 'monaco-editor/languages/definitions/*.js' {
	export const conf: import('monaco-editor/editor/editor.api.js').languages.LanguageConfiguration;
	export const language: import('monaco-editor/editor/editor.api.js').languages.IMonarchLanguage;
}

/**
 * Monaco for the exercise editor. In a build it is one pre-bundled file with its stylesheet and
 * editor worker (see src/integrations/monaco-bundle.mjs); in development it loads from source.
 */
declare module 'virtual:spinup/monaco' {
	/** Loads the editor bundle and its stylesheet and sets up Monaco's worker, once. */
	export function loadEditorBundle(): Promise<typeof import('monaco-editor/editor/editor.api.js')>;
}

/** URLs of the site's web workers, by name (`validate-yaml` for src/client/validate-yaml.worker.ts). */
declare module 'virtual:spinup/workers' {
	/** Each worker's URL; start it with `new Worker(url, { type: 'module' })`. */
	export const workerUrls: Readonly<Record<string, string>>;
}
