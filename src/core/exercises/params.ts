/** Matches a `{{name}}` placeholder. */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

/** Replaces `{{name}}` placeholders with values; unknown names stay as written. */
export function substituteParams(text: string, params: Readonly<Record<string, string>>): string {
	return text.replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
}
