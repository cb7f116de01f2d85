import { migrate } from './migrate.js';
import {
	emptyProgress,
	parseProgress,
	type ChapterProgress,
	type ExerciseProgress,
	type Progress,
} from './schema.js';

/** The part of the Web Storage API the store needs; `localStorage` fits, so does a Map wrapper. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** Something the store wants the learner to know: a recovered entry or a failed save. */
export interface ProgressIssue {
	kind: 'recovered' | 'unsupported-version' | 'save-failed';
	message: string;
	/** Where the unreadable text was set aside, for `recovered`. */
	recoveryKey?: string;
}

/** Storage key of the progress document. */
export const PROGRESS_KEY = 'spinup:progress';
/** Prefix of keys that hold set-aside, unreadable progress. */
export const RECOVERY_PREFIX = 'spinup:progress:recovered:';

/**
 * Progress over a storage: loads (migrating, recovering), changes and saves one document.
 * Nothing is ever deleted on a failure: unreadable text is copied under a recovery key first,
 * and a failed save keeps the in-memory state so the next save can still succeed.
 */
export class ProgressStore {
	private _state: Progress;
	readonly issues: ProgressIssue[] = [];
	/** True when an unreadable entry could not be copied aside and must not be overwritten. */
	private _readOnly = false;

	constructor(
		private readonly _storage: StorageLike,
		private readonly _now: () => string = () => new Date(0).toISOString()
	) {
		this._state = this._load();
	}

	/** Returns the current progress (do not mutate it; use the methods). */
	get state(): Progress {
		return this._state;
	}

	/** Reads and repairs the saved document. */
	private _load(): Progress {
		let raw: string | null;
		try {
			raw = this._storage.getItem(PROGRESS_KEY);
		} catch {
			return emptyProgress();
		}
		if (raw === null) return emptyProgress();
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw);
		} catch {
			return this._setAside(raw, 'The saved progress was not valid JSON.');
		}
		const migrated = migrate(parsed);
		if (migrated === null) {
			return this._setAside(raw, 'The saved progress has a version this site does not know.');
		}
		const result = parseProgress(migrated);
		if (result.ok) return result.value;
		return this._setAside(
			raw,
			`The saved progress is damaged at ${result.path} (${result.message}).`
		);
	}

	/** Copies unreadable text under a recovery key and starts from empty progress. */
	private _setAside(raw: string, why: string): Progress {
		const recoveryKey = `${RECOVERY_PREFIX}${this._now()}`;
		try {
			this._storage.setItem(recoveryKey, raw);
			this.issues.push({
				kind: 'recovered',
				message: `${why} It was kept under ${recoveryKey}.`,
				recoveryKey,
			});
		} catch {
			this.issues.push({
				kind: 'recovered',
				message: `${why} It could not be copied aside, so it was left in place.`,
			});
			this._readOnly = true;
		}
		return emptyProgress();
	}

	/** Applies a change and saves; returns false (and records an issue) when saving failed. */
	update(change: (draft: Progress) => void): boolean {
		const draft = structuredClone(this._state);
		change(draft);
		draft.updatedAt = this._now();
		const checked = parseProgress(draft);
		if (!checked.ok) throw new Error(`progress change broke ${checked.path}: ${checked.message}`);
		this._state = checked.value;
		return this.save();
	}

	/** Writes the current state to storage. */
	save(): boolean {
		if (this._readOnly) return false;
		try {
			this._storage.setItem(PROGRESS_KEY, JSON.stringify(this._state));
			return true;
		} catch (error) {
			this.issues.push({
				kind: 'save-failed',
				message: `Your latest change could not be saved (${error instanceof Error ? error.name : 'storage error'}). Earlier progress is unchanged; export your progress to keep a copy.`,
			});
			return false;
		}
	}

	/** Returns a chapter's progress, empty if none. */
	chapter(slug: string): ChapterProgress {
		return this._state.chapters[slug] ?? { done: false, sectionsRead: [] };
	}

	/** Returns an exercise's progress, empty if none. */
	exercise(id: string): ExerciseProgress {
		return (
			this._state.exercises[id] ?? {
				files: {},
				attempts: 0,
				passed: false,
				hintsUsed: 0,
				solutionShown: false,
				params: {},
			}
		);
	}

	/** Marks a chapter as done or not done. */
	setChapterDone(slug: string, done: boolean): boolean {
		return this.update((draft) => {
			const chapter = draft.chapters[slug] ?? { done: false, sectionsRead: [] };
			chapter.done = done;
			if (done) chapter.doneAt = this._now();
			else delete chapter.doneAt;
			draft.chapters[slug] = chapter;
		});
	}

	/** Records that a section of a chapter was read. */
	markSectionRead(slug: string, anchor: string): boolean {
		if (this.chapter(slug).sectionsRead.includes(anchor)) return true;
		return this.update((draft) => {
			const chapter = draft.chapters[slug] ?? { done: false, sectionsRead: [] };
			chapter.sectionsRead = [...chapter.sectionsRead, anchor];
			draft.chapters[slug] = chapter;
		});
	}
}
