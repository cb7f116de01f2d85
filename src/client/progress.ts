import { ProgressStore } from '../core/progress/store.js';

let store: ProgressStore | undefined;

/** Returns the page's progress store over localStorage (one per page). */
export function progressStore(): ProgressStore {
	if (!store) {
		let storage: Storage | null = null;
		try {
			storage = window.localStorage;
		} catch {
			storage = null;
		}
		const memory = new Map<string, string>();
		store = new ProgressStore(
			storage ?? {
				getItem: (k) => memory.get(k) ?? null,
				setItem: (k, v) => void memory.set(k, v),
				removeItem: (k) => void memory.delete(k),
			},
			() => new Date().toISOString()
		);
	}
	return store;
}

/** Name of the event sent on `document` after progress changed on this page. */
export const PROGRESS_EVENT = 'spinup:progress';

/** Tells the page's widgets that progress changed. */
export function announceProgress(): void {
	document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}
