import type { Center } from '../center.js';
import type { Diagnostic, SourceKind } from '../types.js';
import { validate } from '../validate.js';
import { splitCommands, tokenize } from './argv.js';
import type { Learner, ShellContext } from './command.js';
import { findCommand, groupHelp, usage } from './commands.js';
import { complete, type Completion } from './complete.js';
import { Engine, type EngineOptions } from './engine.js';
import { parseArgs, rawArgs } from './flags.js';
import { paint, result, type CommandResult } from './format.js';
import type { EngineState } from './types.js';

/**
 * The simulated shell: `run(line)` splits a command line (quotes respected; `&&`, `||` and `;`
 * chain commands), finds the command, parses its flags and runs it over the engine. Every input
 * gives output and an exit code; nothing throws.
 */

/** How a shell is set up. */
export interface ShellOptions {
	/** Spin's facts (`content/center.yaml`, parsed). */
	center: Center;
	/** Workspace files by relative path. */
	files?: Readonly<Record<string, string>>;
	/** A saved engine state to continue from. */
	state?: EngineState;
	engine?: EngineOptions;
	/** The learner (default user `learner`, any project). */
	learner?: Learner;
	/** Milliseconds the engine's own clock advances per command (default 1000). */
	tick?: number;
	/** Replaces the course validator (the default runs `validate` with `center`). */
	validate?: (kind: SourceKind, text: string) => Diagnostic[];
}

/** A simulated terminal session. */
export class Shell {
	readonly engine: Engine;
	readonly history: string[] = [];
	private files: Readonly<Record<string, string>>;
	private readonly center: Center;
	private readonly learner: Learner;
	private readonly tick: number;
	private readonly check: (kind: SourceKind, text: string) => Diagnostic[];

	/** Starts a session. */
	constructor(options: ShellOptions) {
		this.center = options.center;
		this.engine = new Engine(options.engine ?? {}, options.state);
		this.files = { ...(options.files ?? {}) };
		this.learner = options.learner ?? { user: 'learner' };
		this.tick = options.tick ?? 1000;
		this.check =
			options.validate ?? ((kind, text) => validate(kind, text, { center: this.center }));
	}

	/** The engine's state (plain data, for tasks and saving). */
	get state(): EngineState {
		return this.engine.state;
	}

	/** Replaces the workspace files (e.g. after an edit). */
	setFiles(files: Readonly<Record<string, string>>): void {
		this.files = { ...files };
	}

	/** The workspace files. */
	getFiles(): Readonly<Record<string, string>> {
		return this.files;
	}

	/** Runs one command line. */
	run(line: string): CommandResult {
		const trimmed = line.trim();
		if (trimmed === '') return { output: '', exitCode: 0 };
		this.history.push(trimmed);
		this.engine.advance(this.tick);
		try {
			return this.runLine(trimmed);
		} catch (error) {
			return result(
				[paint('red', `internal error in the simulated terminal: ${String(error)}`)],
				1
			);
		}
	}

	/** Completes the word at the cursor. */
	complete(line: string, cursor: number = line.length): Completion {
		return complete(line, cursor, { engine: this.engine, files: this.files, center: this.center });
	}

	/** Runs a line of commands joined by `&&`, `||` and `;`. */
	private runLine(line: string): CommandResult {
		const { tokens, error } = tokenize(line);
		if (error) return result([paint('red', `bash: syntax error: ${error}`)], 2);
		const commands = splitCommands(tokens);
		if (commands.some((c) => c.op === '|'))
			return result(
				[
					paint(
						'red',
						'bash: pipes are not simulated in this terminal; run the commands one at a time'
					),
				],
				2
			);
		const outputs: string[] = [];
		let last: CommandResult = { output: '', exitCode: 0 };
		let skip = false;
		for (const { words, op } of commands) {
			if (words.length === 0)
				return result([paint('red', `bash: syntax error near unexpected token \`${op ?? ''}'`)], 2);
			if (!skip) {
				last = this.dispatch(words);
				if (last.output !== '') outputs.push(last.output);
			}
			skip = (op === '&&' && last.exitCode !== 0) || (op === '||' && last.exitCode === 0);
		}
		return { output: outputs.join('\r\n'), exitCode: last.exitCode };
	}

	/** Runs one simple command. */
	private dispatch(given: string[]): CommandResult {
		const words = hoistNamespace(given);
		const found = findCommand(words);
		const family = words[0] === 'rancher' ? 'kubectl' : (words[0] ?? '');
		if (!('spec' in found)) {
			const group = found.group;
			if (group.length === 0)
				return result(
					[
						paint(
							'red',
							`${words[0]}: command not found (type help to list the commands of this terminal)`
						),
					],
					127
				);
			const next = words[group.length];
			if (next === undefined || next === '--help' || next === '-h' || next === 'help')
				return groupHelp(group);
			if (family === 'docker')
				return result(
					[
						paint(
							'red',
							`docker: '${words.slice(1, group.length + 1).join(' ')}' is not a docker command.`
						),
						"See 'docker --help'",
					],
					1
				);
			return result(
				[
					paint('red', `error: unknown command "${next}" for "${group.join(' ')}"`),
					'',
					`Run '${group.join(' ')} --help' for usage.`,
				],
				1
			);
		}
		const { spec, length } = found;
		const rest = words.slice(length);
		if (spec.raw) return spec.run(this.context(), rawArgs(rest));
		const args = parseArgs(rest, spec.flags, { interspersed: spec.interspersed });
		const name = words.slice(0, length).join(' ');
		if ('error' in args) {
			if (family === 'docker')
				return result([paint('red', args.error), `See '${name} --help'.`], 125);
			if (family === 'kubectl')
				return result([paint('red', `error: ${args.error}`), `See '${name} --help' for usage.`], 1);
			return result([paint('red', `${words[0]}: ${args.error}`)], 2);
		}
		if (args.has('help')) return usage(spec);
		return spec.run(this.context(), args);
	}

	/** What commands see. */
	private context(): ShellContext {
		return {
			engine: this.engine,
			center: this.center,
			files: this.files,
			validate: this.check,
			learner: this.learner,
			history: this.history,
		};
	}
}

/** Moves kubectl's `-n NAMESPACE` written before the sub-command (`kubectl -n ns get pods`) to the end. */
export function hoistNamespace(words: readonly string[]): string[] {
	const start =
		words[0] === 'kubectl' ? 1 : words[0] === 'rancher' && words[1] === 'kubectl' ? 2 : -1;
	if (start < 0) return [...words];
	const head = words.slice(0, start);
	const moved: string[] = [];
	let i = start;
	while (i < words.length) {
		const word = words[i] ?? '';
		if ((word === '-n' || word === '--namespace') && i + 1 < words.length) {
			moved.push(word, words[i + 1] ?? '');
			i += 2;
		} else if (word.startsWith('--namespace=') || (word.startsWith('-n') && word.length > 2)) {
			moved.push(word);
			i += 1;
		} else break;
	}
	const rest = words.slice(i);
	const dash = rest.indexOf('--');
	return dash < 0
		? [...head, ...rest, ...moved]
		: [...head, ...rest.slice(0, dash), ...moved, ...rest.slice(dash)];
}
