/**
 * The parts of Monaco the exercises use, bundled as one file: the editor core, the Dockerfile and
 * YAML grammars, and the contributions a learner needs from the keyboard (F8 between problems,
 * find, comment, Ctrl+M tab focus). Finding messages show in the list under the editor and with F8,
 * so the hover widget is left out; copy and paste work through the browser's own events.
 *
 * The grammars are registered here from static imports rather than through Monaco's lazy
 * `register.js` files: their `import()` of a module that imports the whole editor API would make
 * the bundler wrap every module in a lazy initializer, which the browser then compiles on the main
 * thread as the editor starts instead of while it downloads the file.
 */
import { languages } from 'monaco-editor/editor/editor.api.js';
import * as dockerfile from 'monaco-editor/languages/definitions/dockerfile/dockerfile.js';
import * as yaml from 'monaco-editor/languages/definitions/yaml/yaml.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';

export * from 'monaco-editor/editor/editor.api.js';

languages.register({
	id: 'dockerfile',
	extensions: ['.dockerfile'],
	filenames: ['Dockerfile'],
	aliases: ['Dockerfile'],
});
languages.register({
	id: 'yaml',
	extensions: ['.yaml', '.yml'],
	aliases: ['YAML', 'yaml', 'YML', 'yml'],
	mimetypes: ['application/x-yaml', 'text/x-yaml'],
});
// Monaco's Dockerfile configuration has no comment marker, which Ctrl+/ needs.
const grammars = [
	{
		id: 'dockerfile',
		conf: { ...dockerfile.conf, comments: { lineComment: '#' } },
		language: dockerfile.language,
	},
	{ id: 'yaml', conf: yaml.conf, language: yaml.language },
];
for (const { id, conf, language } of grammars) {
	// Both are set up when a file of the language first opens; the grammar after the editor shows.
	languages.onLanguage(id, () => languages.setLanguageConfiguration(id, conf));
	languages.registerTokensProviderFactory(id, { create: () => language });
}
