/**
 * Patterns in exercise checks: a plain string is compared exactly; a string written
 * `/source/flags` is a regular expression.
 */

const REGEX_FORM = /^\/(.+)\/([dgimsuy]*)$/s;

/** Compiles a pattern: a RegExp for `/…/flags`, otherwise null (exact comparison). */
export function compilePattern(pattern: string): RegExp | null {
	const m = REGEX_FORM.exec(pattern);
	if (!m) return null;
	return new RegExp(m[1] ?? '', (m[2] ?? '').replace('g', ''));
}

/** Tells whether a pattern is well formed (a `/…/` pattern must compile). */
export function isValidPattern(pattern: string): boolean {
	try {
		compilePattern(pattern);
		return true;
	} catch {
		return false;
	}
}

/** Tells whether a regular-expression source compiles. */
export function isValidRegex(source: string): boolean {
	try {
		new RegExp(source, 'm');
		return true;
	} catch {
		return false;
	}
}

/** Tests a value against a pattern. */
export function matchPattern(pattern: string, value: string): boolean {
	const re = compilePattern(pattern);
	return re ? re.test(value) : pattern === value;
}

/** Tells whether `words` occur in `tokens` in order (not necessarily adjacent); returns the index after the last match, or -1. */
export function matchWords(words: readonly string[], tokens: readonly string[]): number {
	let at = 0;
	for (const word of words) {
		while (at < tokens.length && !matchPattern(word, tokens[at] ?? '')) at++;
		if (at >= tokens.length) return -1;
		at++;
	}
	return at;
}
