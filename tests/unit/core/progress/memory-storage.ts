import type { StorageLike } from '../../../../src/core/progress/store.js';

/**
 * A Map-backed storage that can be told to refuse writes, as a full quota does,
 * and lists its keys as `localStorage` does.
 */
export class MemoryStorage implements StorageLike {
	readonly map = new Map<string, string>();
	/** When true, every write throws a `QuotaExceededError`. */
	full = false;
	/** Writes left before the storage fills up (Infinity: never). */
	writesLeft = Infinity;

	get length(): number {
		return this.map.size;
	}
	key(index: number): string | null {
		return [...this.map.keys()][index] ?? null;
	}
	getItem(key: string): string | null {
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		if (this.full || this.writesLeft <= 0) throw new DOMException('quota', 'QuotaExceededError');
		this.writesLeft -= 1;
		this.map.set(key, value);
	}
	removeItem(key: string): void {
		this.map.delete(key);
	}
	/** Returns a copy of every entry, for before/after comparisons. */
	snapshot(): Record<string, string> {
		return Object.fromEntries(this.map);
	}
}

/** A fixed clock for deterministic times. */
export const clock = (): string => '2026-01-02T03:04:05.000Z';

/** A clock that ticks one second per call, from 2026-01-02T00:00:00Z. */
export function tickingClock(): () => string {
	let s = 0;
	return () => new Date(Date.UTC(2026, 0, 2, 0, 0, s++)).toISOString();
}
