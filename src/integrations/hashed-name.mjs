// Content-hashed file names for files the build writes itself.
import { createHash } from 'node:crypto';

/**
 * Returns `name` with a short hash of `bytes` before its extension (`a.js` → `a.<hash>.js`).
 * @param {string} name
 * @param {Uint8Array} bytes
 */
export function hashedName(name, bytes) {
	const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
	const dot = name.lastIndexOf('.');
	return `${name.slice(0, dot)}.${hash.replace(/[-_]/g, 'x')}${name.slice(dot)}`;
}
