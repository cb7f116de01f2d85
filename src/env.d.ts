/// <reference types="astro/client" />

/** Monaco contributions are imported for their side effects only; they ship no type declarations. */
declare module 'monaco-editor/editor/contrib/*';
