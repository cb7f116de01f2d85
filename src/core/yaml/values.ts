/**
 * Helpers over scalar texts shared by the Compose and Kubernetes rules: interpolation and
 * placeholders, capability names, global file system paths, image references, secret-like names.
 */

/** `${VAR…}` or `$VAR` (but not the `$$` escape). */
const INTERPOLATION = /(?<!\$)\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/;
/** A whole value that stands for something filled in later: `${X}`, `$X`, `<uid>`, `{{ uid }}`, `{uid}`. */
const PLACEHOLDER =
	/^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|<[^<>]+>|\{\{[^{}]*\}\}|\{[A-Za-z_][\w.-]*\})$/;
/** `${VAR:-default}` or `${VAR-default}`. */
const WITH_DEFAULT = /\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}/g;

/** Tells whether a text uses `${VAR}` or `$VAR` interpolation. */
export function hasInterpolation(text: string): boolean {
	return INTERPOLATION.test(text);
}

/** Replaces `${VAR:-default}` and `${VAR-default}` by their defaults; other references stay. */
export function withDefaults(text: string): string {
	return text.replace(WITH_DEFAULT, (_whole, fallback: string) => fallback);
}

/** Tells whether a whole value is a placeholder or a variable whose value is only known later. */
export function isPlaceholder(text: string): boolean {
	return PLACEHOLDER.test(text.trim());
}

/** Tells whether a value is made only of `${VAR}` / `$VAR` references without literal defaults. */
export function isInterpolationOnly(text: string): boolean {
	const rest = text
		.trim()
		.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[?][^}]*)?\}/g, '')
		.replace(/(?<!\$)\$[A-Za-z_][A-Za-z0-9_]*/g, '');
	return rest.length === 0 && text.trim().length > 0;
}

/** Splits a text at a separator that is not inside `${…}`. */
export function splitOutsideBraces(text: string, separator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text.charAt(i);
		if (ch === '$' && text.charAt(i + 1) === '{') depth++;
		else if (ch === '}' && depth > 0) depth--;
		if (ch === separator && depth === 0) {
			parts.push(current);
			current = '';
		} else {
			current += ch;
		}
	}
	parts.push(current);
	return parts;
}

/** Normalises a capability name: upper case, without the `CAP_` prefix Docker also accepts. */
export function capabilityName(text: string): string {
	const upper = text.trim().toUpperCase();
	return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** Tells whether a host path lies on the global file systems (`prefix` is e.g. `/global/`). */
export function isGlobalPath(path: string, prefix: string): boolean {
	const clean = path.trim().replace(/\/{2,}/g, '/');
	const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
	return clean.startsWith(base) || clean === base.slice(0, -1);
}

/** Tells whether an environment variable name looks like it holds a secret (and is not a `_FILE`). */
export function isSecretName(name: string): boolean {
	return /PASSWORD|SECRET|TOKEN|KEY/i.test(name) && !/_FILE$/i.test(name);
}

/** Tells whether a value looks like a switch rather than a secret (`true`, `no`, `0` …). */
export function isSwitchValue(text: string): boolean {
	return /^(?:true|false|yes|no|on|off|0|1)$/i.test(text.trim());
}

/** An image reference split into parts. */
export interface ImageRef {
	/** Registry host (with port) when the first path component names one. */
	registry?: string;
	/** Repository path without registry, tag or digest. */
	repository: string;
	tag?: string;
	digest?: string;
}

/** Splits an image reference such as `registry.nersc.gov/proj/app:v1` into its parts. */
export function parseImage(text: string): ImageRef {
	let rest = text.trim();
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
	}
	let registry: string | undefined;
	const slash = rest.indexOf('/');
	if (slash > 0) {
		const first = rest.slice(0, slash);
		if (first.includes('.') || first.includes(':') || first === 'localhost') {
			registry = first;
			rest = rest.slice(slash + 1);
		}
	}
	let tag: string | undefined;
	const colon = rest.lastIndexOf(':');
	if (colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
	}
	const ref: ImageRef = { repository: rest };
	if (registry !== undefined) ref.registry = registry;
	if (tag !== undefined) ref.tag = tag;
	if (digest !== undefined) ref.digest = digest;
	return ref;
}

/**
 * Why an image reference is not pinned: `untagged`, `latest`, or undefined when it has a tag or a
 * digest, or when interpolation decides the tag.
 */
export function imageTagProblem(text: string): 'untagged' | 'latest' | undefined {
	const resolved = withDefaults(text);
	if (resolved.trim() === '' || isPlaceholder(resolved)) return undefined;
	const ref = parseImage(resolved);
	if (ref.digest) return undefined;
	if (ref.tag !== undefined) return ref.tag === 'latest' ? 'latest' : undefined;
	const last = ref.repository.slice(ref.repository.lastIndexOf('/') + 1);
	return hasInterpolation(last) || isPlaceholder(last) ? undefined : 'untagged';
}
