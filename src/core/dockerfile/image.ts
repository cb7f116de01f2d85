import type { ImageRef } from './types.js';

/** Host names that mean Docker Hub. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Splits an image reference into registry, path, name, tag and digest; `null` if empty. */
export function parseImageRef(text: string): ImageRef | null {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	const at = trimmed.indexOf('@');
	const digest = at >= 0 ? trimmed.slice(at + 1) : null;
	let rest = at >= 0 ? trimmed.slice(0, at) : trimmed;
	const slash = rest.lastIndexOf('/');
	const colon = rest.lastIndexOf(':');
	let tag: string | null = null;
	if (colon > slash) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
	}
	const first = rest.indexOf('/');
	let registry: string | null = null;
	if (first > 0) {
		const head = rest.slice(0, first);
		if (head.includes('.') || head.includes(':') || head === 'localhost') {
			registry = head;
			rest = rest.slice(first + 1);
		}
	}
	const lower = registry?.toLowerCase() ?? 'docker.io';
	const host = DOCKER_HUB.has(lower) ? 'docker.io' : lower;
	const name = rest.slice(rest.lastIndexOf('/') + 1);
	return { text: trimmed, registry, host, path: rest, name, tag, digest };
}

/** Whether an image reference names a fixed version: a tag other than `latest`, or a digest. */
export function isPinned(image: ImageRef): boolean {
	return image.digest !== null || (image.tag !== null && image.tag !== 'latest');
}
