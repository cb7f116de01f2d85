import { z } from 'zod';
import type { Center } from '../center.js';
import { Shell } from '../sim/shell.js';
import {
	gradeTerminal,
	TerminalChecksSchema,
	type TaskParams,
	type TerminalCheck,
} from '../sim/tasks.js';
import type { EngineState } from '../sim/types.js';
import type { CheckOutcome } from './grade.js';

/**
 * Terminal exercises: the learner types commands into the simulated terminal, and the exercise is
 * graded from the engine's state. What the learner typed is the exercise's one file,
 * `commands.txt` (one command per line), so a saved attempt can be graded again anywhere by
 * replaying it through a fresh shell: in the browser, in the tests and in the staff tools.
 */

/** Name of the command script of a terminal exercise. */
export const COMMANDS_FILE = 'commands.txt';

/** The `terminal:` block of `exercise.yaml`. */
export const TerminalTaskSchema = z
	.object({
		/** Commands run before the learner starts (e.g. images pushed in an earlier part). */
		setup: z.array(z.string().trim().min(1)).default([]),
		/** The checks on the engine's state, in the order the learner sees them. */
		checks: TerminalChecksSchema,
	})
	.strict();

/** A parsed `terminal:` block. */
export type TerminalTask = z.output<typeof TerminalTaskSchema>;

/** What starting a task's shell needs. */
export interface TaskShellOptions {
	center: Center;
	/** The workspace files (the exercise's `context/`). */
	files: Readonly<Record<string, string>>;
	/** The NERSC user name the shell simulates (output only; the state does not depend on it). */
	user?: string;
}

/** Splits a command script into the lines a learner typed (blank lines dropped). */
export function scriptLines(script: string): string[] {
	return script
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

/** Starts a shell for a task: the workspace, then the setup commands, with an empty history. */
export function startTaskShell(setup: readonly string[], options: TaskShellOptions): Shell {
	const shell = new Shell({
		center: options.center,
		files: options.files,
		learner: { user: options.user ?? 'learner' },
	});
	for (const line of setup) shell.run(line);
	shell.history.length = 0;
	return shell;
}

/** Replays a command script through a fresh task shell and returns the shell. */
export function replayTask(
	task: { readonly setup: readonly string[] },
	script: string,
	options: TaskShellOptions
): Shell {
	const shell = startTaskShell(task.setup, options);
	for (const line of scriptLines(script)) shell.run(line);
	return shell;
}

/** Says what is missing when a check fails, from the check's own arguments. */
export function missingMessage(check: TerminalCheck): string {
	const ns = 'namespace' in check && check.namespace ? ` in namespace ${check.namespace}` : '';
	switch (check.type) {
		case 'image-built':
			return `No local image is named ${check.image}.`;
		case 'image-pushed':
			return `The registry holds no image ${check.image}.`;
		case 'logged-in':
			return `You are not logged in to ${check.registry ?? 'a registry'}.`;
		case 'container-running':
			return 'No running container has all the properties asked for.';
		case 'namespace-exists':
			return `There is no namespace ${check.name}.`;
		case 'object-exists':
			return `There is no ${check.kind} ${check.name}${ns}.`;
		case 'deployment-available':
			return `Deployment ${check.name}${ns} has no fully rolled-out revision${check.image ? ` running ${check.image}` : ''}.`;
		case 'rolled-back':
			return `Deployment ${check.name}${ns} was not rolled back with kubectl rollout undo.`;
	}
}

/** Grades terminal checks against an engine state, as outcomes a learner reads. */
export function terminalOutcomes(
	checks: readonly TerminalCheck[],
	state: EngineState,
	params: TaskParams = {}
): CheckOutcome[] {
	const results = gradeTerminal(checks, state, params);
	return checks.map((check, i) => {
		const passed = results[i]?.passed ?? false;
		return {
			id: check.id,
			description: check.description,
			passed,
			file: COMMANDS_FILE,
			...(passed ? {} : { message: missingMessage(check) }),
		};
	});
}

/** Grades a command script: replays it after the setup and checks the resulting state. */
export function gradeScript(
	task: TerminalTask,
	script: string,
	options: TaskShellOptions & { params?: TaskParams }
): CheckOutcome[] {
	const shell = replayTask(task, script, options);
	return terminalOutcomes(task.checks, shell.state, options.params);
}
