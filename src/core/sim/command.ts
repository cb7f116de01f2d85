import type { Center } from '../center.js';
import type { Diagnostic, SourceKind } from '../types.js';
import type { Engine } from './engine.js';
import type { Args, FlagSpec, ValueKind } from './flags.js';
import type { CommandResult } from './format.js';

/** The shape every simulated command shares, and what it receives when it runs. */

/** The learner at the simulated terminal. */
export interface Learner {
	/** NERSC user name, e.g. `elvis`. */
	user: string;
	/** NERSC projects the learner belongs to; when set, pushes to other projects are denied. */
	projects?: readonly string[];
}

/** What a command can read and change. */
export interface ShellContext {
	engine: Engine;
	center: Center;
	/** Workspace files by relative path (the exercise's editor text and context files). */
	files: Readonly<Record<string, string>>;
	/** Runs the course validator on a text. */
	validate(kind: SourceKind, text: string): Diagnostic[];
	learner: Learner;
	/** Commands typed so far, oldest first. */
	history: readonly string[];
}

/** A command of the simulated terminal. */
export interface CommandSpec {
	/** Words that name it, e.g. `['docker', 'run']`. */
	path: string[];
	/** Other spellings, e.g. `[['docker', 'container', 'run']]`. */
	aliases?: string[][];
	/** One line for `help`. */
	summary: string;
	/** Usage line, e.g. `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
	usage: string;
	flags: FlagSpec[];
	/** Whether flags may follow operands. */
	interspersed: boolean;
	/** Pass every word through as an operand, flags included (`echo`). */
	raw?: boolean;
	/** What each operand completes to; the last kind repeats. */
	operands: ValueKind[];
	run(ctx: ShellContext, args: Args): CommandResult;
}

/** The `--help` flag every command accepts. */
export const HELP_FLAG: FlagSpec = {
	names: ['-h', '--help'],
	key: 'help',
	value: false,
	description: 'Print usage',
};

/** The `-n/--namespace` flag of kubectl commands. */
export const NAMESPACE_FLAG: FlagSpec = {
	names: ['-n', '--namespace'],
	key: 'namespace',
	value: true,
	description: 'The namespace to use',
	complete: 'namespace',
};
