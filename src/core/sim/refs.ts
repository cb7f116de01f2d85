import { parseImageRef } from '../dockerfile/image.js';

/**
 * Image references the way the Docker CLI reads them. A reference is kept in Docker's short,
 * familiar form: no `docker.io/library/` for official images, and always a tag, so
 * `python` becomes `python:latest` and `registry.nersc.gov/m1/app:v1` stays as written.
 */

/** A checked image reference. */
export interface ImageName {
	/** Short familiar form with a tag, e.g. `my-app:latest`. */
	ref: string;
	/** Repository in short form, e.g. `my-app` or `registry.nersc.gov/m1/app`. */
	repository: string;
	tag: string;
	/** Registry host, `docker.io` when none is written. */
	host: string;
	/** Whether a host was written. */
	explicitHost: boolean;
	/** Path after the host, e.g. `library/python` or `m1/app`. */
	path: string;
	/** Fully qualified form, e.g. `docker.io/library/python:3.12-slim`. */
	full: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HOST = /^[a-zA-Z0-9.-]+(?::\d+)?$/;

/** Reads an image reference; returns a Docker-style error message when it is malformed. */
export function readImageName(text: string): ImageName | { error: string } {
	const parsed = parseImageRef(text);
	if (!parsed || parsed.digest !== null || /\s/.test(text)) {
		return { error: `invalid reference format: "${text}"` };
	}
	const host = parsed.host;
	let path = parsed.path;
	if (parsed.registry !== null && !HOST.test(parsed.registry)) {
		return { error: `invalid reference format: "${text}"` };
	}
	if (path !== path.toLowerCase()) {
		return { error: `invalid reference format: repository name (${path}) must be lowercase` };
	}
	if (path === '' || !path.split('/').every((part) => COMPONENT.test(part))) {
		return { error: `invalid reference format: "${text}"` };
	}
	const tag = parsed.tag ?? 'latest';
	if (!TAG.test(tag)) return { error: `invalid reference format: "${text}"` };
	if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
	const short =
		host === 'docker.io'
			? path.startsWith('library/')
				? path.slice('library/'.length)
				: path
			: `${parsed.registry ?? host}/${path}`;
	return {
		ref: `${short}:${tag}`,
		repository: short,
		tag,
		host,
		explicitHost: parsed.registry !== null,
		path,
		full: `${host}/${path}:${tag}`,
	};
}

/** Reads an image reference, or returns `null` when it is malformed. */
export function imageName(text: string): ImageName | null {
	const name = readImageName(text);
	return 'error' in name ? null : name;
}

/** Splits a stored short reference into repository and tag. */
export function splitRef(ref: string): { repository: string; tag: string } {
	const slash = ref.lastIndexOf('/');
	const colon = ref.lastIndexOf(':');
	if (colon <= slash) return { repository: ref, tag: 'latest' };
	return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}
