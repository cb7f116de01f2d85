/**
 * The parts of Monaco the exercises use, bundled as one file: the editor core, the Dockerfile and
 * YAML grammars, and the contributions a learner needs from the keyboard (F8 between problems,
 * find, comment, Ctrl+M tab focus). Finding messages show in the list under the editor and with F8,
 * so the hover widget is left out; copy and paste work through the browser's own events.
 */
export * from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/languages/definitions/dockerfile/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
