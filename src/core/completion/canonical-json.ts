/** Serialises JSON data with object keys sorted by code unit, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

/** Copies JSON data with every object's keys in sorted order. */
function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (typeof value !== 'object' || value === null) return value;
	const source = value as Record<string, unknown>;
	const out = Object.create(null) as Record<string, unknown>;
	for (const key of Object.keys(source).sort()) out[key] = sortKeys(source[key]);
	return out;
}
