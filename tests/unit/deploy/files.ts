import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../helpers/center.js';

/** The folder of the Spin manifests, relative to the repository root. */
export const SPIN_DIR = 'deploy/spin';

/** Reads a repository file as text. */
export function readRepoFile(relative: string): string {
	return readFileSync(path.join(repoRoot, relative), 'utf8');
}

/** Every YAML file of `deploy/spin`, relative to the repository root, sorted. */
export function spinManifestFiles(): string[] {
	return readdirSync(path.join(repoRoot, SPIN_DIR))
		.filter((name) => /\.ya?ml$/.test(name))
		.sort((a, b) => a.localeCompare(b, 'en'))
		.map((name) => `${SPIN_DIR}/${name}`);
}

/** A loosely typed Kubernetes object as plain data. */
export type Manifest = Record<string, unknown>;

/** Reads every non-empty document of every Spin manifest as plain data. */
export function spinObjects(): Manifest[] {
	return spinManifestFiles().flatMap((file) =>
		parseAllDocuments(readRepoFile(file))
			.map((doc) => doc.toJS() as unknown)
			.filter((value): value is Manifest => typeof value === 'object' && value !== null)
	);
}

/** The single object of a kind; throws when there is none or more than one. */
export function onlyObject(objects: readonly Manifest[], kind: string): Manifest {
	const found = objects.filter((object) => object['kind'] === kind);
	if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
	return found[0] as Manifest;
}

/** Follows a path of keys and list indexes through plain data. */
export function at(value: unknown, ...keys: (string | number)[]): unknown {
	let current = value;
	for (const key of keys) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string | number, unknown>)[key];
	}
	return current;
}

/** A list at a path, or an empty list. */
export function listAt(value: unknown, ...keys: (string | number)[]): unknown[] {
	const found = at(value, ...keys);
	return Array.isArray(found) ? found : [];
}
