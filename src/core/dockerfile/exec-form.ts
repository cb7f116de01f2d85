/**
 * Exec (JSON) form detection. BuildKit treats arguments as exec form when the whole argument
 * text is a JSON array of strings; anything else, `['single', 'quotes']` included, is shell form.
 * `JSON.parse` keeps spaces and escapes that `dockerfile-ast`'s `getJSONValue()` loses.
 */

/** Returns the argument list of a JSON-form argument text, or `null` for shell form. */
export function parseExecForm(argsText: string): string[] | null {
	const text = argsText.trim();
	if (!text.startsWith('[') || !text.endsWith(']')) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return null;
	return value as string[];
}
