import { parse } from 'yaml';
import centerText from '../../../content/center.yaml?raw';
import { CenterSchema, type Center } from '../../core/center.js';
import type { CheckOutcome } from '../../core/exercises/grade.js';
import { replayTask, startTaskShell, terminalOutcomes } from '../../core/exercises/terminal.js';
import type { Completion } from '../../core/sim/complete.js';
import type { CommandResult } from '../../core/sim/format.js';
import { Shell } from '../../core/sim/shell.js';
import type { TerminalCheck } from '../../core/sim/tasks.js';
import type { LineRunner } from './line-editor.js';
import { forget, loadSaved, save, type SessionStorageLike } from './session-store.js';

/**
 * One terminal's simulated shell in the page: started from the saved state of this tab, else by
 * replaying the commands saved with the last Check, else fresh after the task's setup. Every
 * command is saved at once, so a reload continues where the learner was.
 */

let center: Center | undefined;

/** Spin's facts, parsed once per page. */
export function siteCenter(): Center {
	center ??= CenterSchema.parse(parse(centerText));
	return center;
}

/** How a terminal session starts. */
export interface SessionOptions {
	/** The terminal's id: an exercise id or a standalone id. */
	id: string;
	/** The workspace files, name → text. */
	files: Readonly<Record<string, string>>;
	/** Commands run before the learner starts. */
	setup: readonly string[];
	/** The task's checks (none for a practice terminal). */
	checks: readonly TerminalCheck[];
	/** The editor's current texts, when the terminal sits in a file exercise. */
	liveFiles?: () => Record<string, string> | null;
	/** Commands saved with the last Check, replayed when this tab has no state of its own. */
	savedScript?: string;
	/** The learner's NERSC user name, shown by `docker login`. */
	user: string;
	storage: SessionStorageLike | null;
}

/** A simulated shell that saves itself after every command. */
export class TerminalSession implements LineRunner {
	private shell: Shell;
	/** How many earlier commands were restored when the session started. */
	restored = 0;

	/** Starts or restores the session. */
	constructor(private readonly options: SessionOptions) {
		this.shell = this.begin();
	}

	/** Lines run so far, oldest first. */
	get history(): readonly string[] {
		return this.shell.history;
	}

	/** The commands typed so far, one a line (an exercise's `commands.txt`). */
	script(): string {
		return this.shell.history.join('\n');
	}

	/** Runs a line over the current files and saves the result. */
	run(line: string): CommandResult {
		this.syncFiles();
		const result = this.shell.run(line);
		save(this.options.storage, this.options.id, this.shell.state, this.shell.history);
		return result;
	}

	/** Completes the word at the cursor. */
	complete(line: string, cursor: number): Completion {
		this.syncFiles();
		return this.shell.complete(line, cursor);
	}

	/** Grades the task's checks against the current state. */
	grade(): CheckOutcome[] {
		return terminalOutcomes(this.options.checks, this.shell.state);
	}

	/** Starts again from the setup and forgets the saved state. */
	reset(): void {
		forget(this.options.storage, this.options.id);
		this.shell = startTaskShell(this.options.setup, this.shellOptions());
		this.restored = 0;
	}

	/** The options every new shell gets. */
	private shellOptions() {
		return { center: siteCenter(), files: this.files(), user: this.options.user };
	}

	/** The workspace: the static files, overlaid with the editor's texts when there are any. */
	private files(): Record<string, string> {
		return { ...this.options.files, ...(this.options.liveFiles?.() ?? {}) };
	}

	/** Gives the shell the editor's latest texts. */
	private syncFiles(): void {
		if (this.options.liveFiles) this.shell.setFiles(this.files());
	}

	/** Restores the tab's saved state, or replays the saved script, or starts fresh. */
	private begin(): Shell {
		const { storage, id, setup, savedScript } = this.options;
		const saved = loadSaved(storage, id);
		if (saved) {
			const shell = new Shell({
				center: siteCenter(),
				files: this.files(),
				state: saved.state,
				learner: { user: this.options.user },
			});
			shell.history.push(...saved.history);
			this.restored = saved.history.length;
			return shell;
		}
		if (savedScript !== undefined && savedScript.trim() !== '') {
			const shell = replayTask({ setup }, savedScript, this.shellOptions());
			this.restored = shell.history.length;
			save(storage, id, shell.state, shell.history);
			return shell;
		}
		return startTaskShell(setup, this.shellOptions());
	}
}
