import type { EngineState } from '../../core/sim/types.js';

/**
 * A terminal's state kept for the browser tab (sessionStorage), so that a reload continues where
 * the learner was: the engine's state and the lines typed, per terminal id. Unreadable or foreign
 * entries are ignored, never trusted.
 */

/** What is stored for one terminal. */
export interface SavedTerminal {
	version: 1;
	state: EngineState;
	history: string[];
}

/** The part of the Web Storage API used here. */
export interface SessionStorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** The storage key of a terminal. */
export function savedKey(id: string): string {
	return `spinup:terminal:${id}`;
}

/** True for a plain object. */
function isObject(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Whether a value has the shape of an engine state (the fields the engine reads first). */
function looksLikeState(x: unknown): x is EngineState {
	if (!isObject(x) || typeof x['now'] !== 'number' || typeof x['seq'] !== 'number') return false;
	const { store, cluster, containers } = x;
	return (
		isObject(store) &&
		isObject(store['images']) &&
		isObject(store['tags']) &&
		isObject(store['registry']) &&
		Array.isArray(store['logins']) &&
		Array.isArray(store['buildCache']) &&
		Array.isArray(containers) &&
		isObject(cluster) &&
		typeof cluster['name'] === 'string' &&
		['objects', 'rollouts', 'pods', 'events'].every((k) => Array.isArray(cluster[k]))
	);
}

/** Reads a terminal's saved state; null when there is none or it is unreadable. */
export function loadSaved(storage: SessionStorageLike | null, id: string): SavedTerminal | null {
	let raw: string | null = null;
	try {
		raw = storage?.getItem(savedKey(id)) ?? null;
	} catch {
		return null;
	}
	if (raw === null) return null;
	try {
		const parsed: unknown = JSON.parse(raw);
		if (!isObject(parsed) || parsed['version'] !== 1 || !looksLikeState(parsed['state']))
			return null;
		const history = parsed['history'];
		if (!Array.isArray(history) || history.some((h) => typeof h !== 'string')) return null;
		return { version: 1, state: parsed['state'], history: history as string[] };
	} catch {
		return null;
	}
}

/** Saves a terminal's state; false when the storage refused (full or disabled). */
export function save(
	storage: SessionStorageLike | null,
	id: string,
	state: EngineState,
	history: readonly string[]
): boolean {
	const entry: SavedTerminal = { version: 1, state, history: [...history] };
	try {
		storage?.setItem(savedKey(id), JSON.stringify(entry));
		return storage !== null;
	} catch {
		return false;
	}
}

/** Forgets a terminal's state. */
export function forget(storage: SessionStorageLike | null, id: string): void {
	try {
		storage?.removeItem(savedKey(id));
	} catch {
		// Storage disabled: nothing was saved either.
	}
}
