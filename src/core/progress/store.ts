import { migrate } from './migrate.js';
import {
	emptyProgress,
	parseProgress,
	PROGRESS_VERSION,
	type ChapterProgress,
	type ExerciseProgress,
	type Learner,
	type Progress,
} from './schema.js';

/**
 * The part of the Web Storage API the store needs; `localStorage` fits, so does a Map wrapper.
 * `length` and `key()` are optional: without them the store cannot list recovery entries.
 */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	readonly length?: number;
	key?(index: number): string | null;
}

/** Something the store wants the learner to know: a recovered entry or a failed save. */
export interface ProgressIssue {
	kind: 'recovered' | 'unsupported-version' | 'save-failed';
	message: string;
	/** Where the unreadable text was set aside, for `recovered`. */
	recoveryKey?: string;
}

/** A copy of earlier progress kept under a recovery key: set aside when unreadable, or before a reset or import. */
export interface Recovery {
	key: string;
	/** When it was set aside (the ISO time in the key). */
	savedAt: string;
	/** The raw text, exactly as it was stored. */
	text: string;
}

/** Storage key under which progress is saved. */
export const PROGRESS_KEY = 'spinup:progress';
/** Prefix of keys that hold set-aside progress: `<prefix><ISO time>`, then `~2`, `~3` … on a clash. */
export const RECOVERY_PREFIX = 'spinup:progress:recovered:';

/** Returns empty progress for one exercise. */
function emptyExercise(): ExerciseProgress {
	return { files: {}, attempts: 0, passed: false, hintsUsed: 0, solutionShown: false, params: {} };
}

/** True when a document holds nothing worth keeping. */
function isEmpty(p: Progress): boolean {
	return [p.chapters, p.exercises, p.attendance, p.learner].every((o) => !Object.keys(o).length);
}

/** Names a failed write: `QuotaExceededError` when the storage is full. */
function errorName(error: unknown): string {
	return error instanceof Error ? error.name : 'storage error';
}

/**
 * Progress over a storage: loads (migrating, recovering), changes and saves it as one JSON value.
 * Nothing is ever deleted on a failure: unreadable text is copied under a recovery key first,
 * a reset or import copies the current document aside before it writes, and a failed save keeps
 * the in-memory state so the next save can still succeed.
 */
export class ProgressStore {
	readonly issues: ProgressIssue[] = [];
	#state: Progress;
	readonly #storage: StorageLike;
	readonly #now: () => string;
	/** True when the stored entry must not be overwritten: it is unreadable and could not be
	 * copied aside, or it comes from a newer version of the site. */
	#readOnly = false;

	constructor(storage: StorageLike, now: () => string = () => new Date(0).toISOString()) {
		this.#storage = storage;
		this.#now = now;
		this.#state = this.#load();
	}

	/** Returns the current progress (do not mutate it; use the methods). */
	get state(): Progress {
		return this.#state;
	}

	/** Reads and repairs what was saved. */
	#load(): Progress {
		let raw: string | null;
		try {
			raw = this.#storage.getItem(PROGRESS_KEY);
		} catch {
			return emptyProgress();
		}
		if (raw === null) return emptyProgress();
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw);
		} catch {
			return this.#setAside(raw, 'The saved progress was not valid JSON.');
		}
		const version = (parsed as { version?: unknown } | null)?.version;
		if (typeof version === 'number' && version > PROGRESS_VERSION) {
			this.#readOnly = true;
			this.issues.push({
				kind: 'unsupported-version',
				message: `The saved progress comes from a newer version of this site (version ${version}), so it was left untouched. Reload the page to get the newer site.`,
			});
			return emptyProgress();
		}
		const migrated = migrate(parsed);
		if (migrated === null) {
			return this.#setAside(raw, 'The saved progress has a shape this site does not know.');
		}
		const result = parseProgress(migrated);
		if (result.ok) return result.value;
		return this.#setAside(
			raw,
			`The saved progress is damaged at ${result.path} (${result.message}).`
		);
	}

	/** Copies unreadable text under a recovery key, clears the entry and starts from empty. */
	#setAside(raw: string, why: string): Progress {
		try {
			const recoveryKey = this.#keep(raw);
			this.#storage.removeItem(PROGRESS_KEY);
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
			this.#readOnly = true;
		}
		return emptyProgress();
	}

	/** Stores text under a fresh recovery key and returns the key; throws when the write fails. */
	#keep(text: string): string {
		const base = `${RECOVERY_PREFIX}${this.#now()}`;
		let key = base;
		for (let n = 2; this.#storage.getItem(key) !== null; n++) key = `${base}~${n}`;
		this.#storage.setItem(key, text);
		return key;
	}

	/** Applies a change and saves; returns false (and records an issue) when saving failed. */
	update(change: (draft: Progress) => void): boolean {
		const draft = structuredClone(this.#state);
		change(draft);
		draft.updatedAt = this.#now();
		const checked = parseProgress(draft);
		if (!checked.ok) throw new Error(`progress change broke ${checked.path}: ${checked.message}`);
		this.#state = checked.value;
		return this.save();
	}

	/** Writes the current state to storage. */
	save(): boolean {
		if (this.#readOnly) return false;
		try {
			this.#storage.setItem(PROGRESS_KEY, JSON.stringify(this.#state));
			return true;
		} catch (error) {
			this.issues.push({
				kind: 'save-failed',
				message: `Your latest change could not be saved (${errorName(error)}). Earlier progress is unchanged; export your progress to keep a copy.`,
			});
			return false;
		}
	}

	/**
	 * Replaces the whole document, after copying the current one under a recovery key.
	 * When a write fails (a full quota), the stored document and the state stay as they were.
	 */
	replace(next: Progress, what = 'The import'): boolean {
		const checked = parseProgress(next);
		if (!checked.ok) throw new Error(`replacement broke ${checked.path}: ${checked.message}`);
		const s = this.#storage;
		let backup: string | undefined;
		try {
			const old = this.#readOnly
				? s.getItem(PROGRESS_KEY)
				: isEmpty(this.#state)
					? null
					: JSON.stringify(this.#state);
			if (old !== null) backup = this.#keep(old);
			if (isEmpty(checked.value)) s.removeItem(PROGRESS_KEY);
			else s.setItem(PROGRESS_KEY, JSON.stringify(checked.value));
		} catch (error) {
			if (backup) s.removeItem(backup);
			this.issues.push({
				kind: 'save-failed',
				message: `${what} could not be saved (${errorName(error)}). Nothing was changed or deleted.`,
			});
			return false;
		}
		this.#state = checked.value;
		this.#readOnly = false;
		return true;
	}

	/** Clears all progress after copying it under a recovery key; false when the copy failed. */
	reset(): boolean {
		return this.replace(emptyProgress(), 'The reset');
	}

	/** Lists the recovery entries in storage, newest first. */
	recoveries(): Recovery[] {
		const s = this.#storage;
		const out: Recovery[] = [];
		if (s.key === undefined || s.length === undefined) return out;
		for (let i = 0; i < s.length; i++) {
			const key = s.key(i);
			const text = key?.startsWith(RECOVERY_PREFIX) ? s.getItem(key) : null;
			if (key && text !== null) {
				out.push({ key, savedAt: key.slice(RECOVERY_PREFIX.length).split('~')[0] ?? '', text });
			}
		}
		return out.sort((a, b) => (a.key < b.key ? 1 : -1));
	}

	/** Deletes one recovery entry (never anything else). */
	discardRecovery(key: string): void {
		if (key.startsWith(RECOVERY_PREFIX)) this.#storage.removeItem(key);
	}

	/** Returns a chapter's progress, empty if none. */
	chapter(slug: string): ChapterProgress {
		return this.#state.chapters[slug] ?? { done: false, sectionsRead: [] };
	}

	/** Returns an exercise's progress, empty if none. */
	exercise(id: string): ExerciseProgress {
		return this.#state.exercises[id] ?? emptyExercise();
	}

	/** Marks a chapter as done or not done. */
	setChapterDone(slug: string, done: boolean): boolean {
		return this.update((draft) => {
			const chapter = draft.chapters[slug] ?? { done: false, sectionsRead: [] };
			chapter.done = done;
			if (done) chapter.doneAt = this.#now();
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

	/** Changes one exercise's progress and saves. */
	#exercise(id: string, change: (e: ExerciseProgress) => void): boolean {
		return this.update((draft) => {
			const entry = draft.exercises[id] ?? emptyExercise();
			change(entry);
			draft.exercises[id] = entry;
		});
	}

	/** Saves the learner's files of an exercise (replacing the saved set). */
	saveFiles(id: string, files: Record<string, string>): boolean {
		return this.#exercise(id, (e) => void (e.files = { ...files }));
	}

	/**
	 * Records a graded attempt: counts it, sets `passed` to this attempt's result (so it describes
	 * the saved files), and stamps `firstPassedAt` on the first pass only.
	 */
	recordAttempt(id: string, passed: boolean): boolean {
		return this.#exercise(id, (e) => {
			e.attempts += 1;
			e.passed = passed;
			if (passed) e.firstPassedAt ??= this.#now();
		});
	}

	/** Records that hints up to number `n` were shown (the count never goes down). */
	useHint(id: string, n: number): boolean {
		return this.#exercise(id, (e) => void (e.hintsUsed = Math.max(e.hintsUsed, n)));
	}

	/** Records that the solution was shown (it stays recorded). */
	revealSolution(id: string): boolean {
		return this.#exercise(id, (e) => void (e.solutionShown = true));
	}

	/** Saves the learner's values for an exercise's parameters, such as a UID. */
	setParams(id: string, params: Record<string, string>): boolean {
		return this.#exercise(id, (e) => void (e.params = { ...params }));
	}

	/** Saves a session's attendance code (trimmed); an empty code removes it. */
	setAttendance(session: string, code: string): boolean {
		return this.update((draft) => {
			const trimmed = code.trim();
			if (trimmed) draft.attendance[session] = trimmed;
			else delete draft.attendance[session];
		});
	}

	/** Saves the given learner fields (trimmed); an empty value removes the field. */
	setLearner(learner: Partial<Record<keyof Learner, string>>): boolean {
		return this.update((draft) => {
			for (const [field, value] of Object.entries(learner)) {
				const key = field as keyof Learner;
				const trimmed = value?.trim();
				if (trimmed) draft.learner[key] = trimmed;
				else delete draft.learner[key];
			}
		});
	}
}
