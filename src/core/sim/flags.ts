/**
 * Flag parsing in the style of the Go CLIs (cobra/pflag) that `docker` and `kubectl` use:
 * `--name value`, `--name=value`, `-p value`, `-p8080:80`, grouped booleans `-it`, `--` to end
 * the flags. Error messages are pflag's own.
 */

/** What the value of a flag, or an operand, completes to. */
export type ValueKind =
	| 'file'
	| 'image'
	| 'local-image'
	| 'container'
	| 'running-container'
	| 'namespace'
	| 'capability'
	| 'resource'
	| 'object'
	| 'pod'
	| 'deployment'
	| 'rollout'
	| 'host'
	| 'command'
	| 'none';

/** One flag of a command. */
export interface FlagSpec {
	/** Spellings with dashes, short first: `['-p', '--publish']`. */
	names: string[];
	/** Key the value is stored under. */
	key: string;
	/** Whether the flag takes a value. */
	value: boolean;
	/** One-line help text. */
	description: string;
	/** What the value completes to. */
	complete?: ValueKind;
}

/** Parsed command arguments. */
export class Args {
	readonly positionals: string[] = [];
	/** Words after `--`, or `null` when there was no `--`. */
	rest: string[] | null = null;
	private readonly values = new Map<string, string[]>();

	/** Records a flag value. */
	add(key: string, value: string): void {
		this.values.set(key, [...(this.values.get(key) ?? []), value]);
	}

	/** Whether a boolean flag is on (its last value is not `false`). */
	has(key: string): boolean {
		const all = this.values.get(key);
		return all !== undefined && all[all.length - 1] !== 'false';
	}

	/** The last value of a flag. */
	get(key: string): string | undefined {
		const all = this.values.get(key);
		return all?.[all.length - 1];
	}

	/** Every value of a repeatable flag. */
	all(key: string): string[] {
		return this.values.get(key) ?? [];
	}
}

/** How parsing goes for one command. */
export interface ParseOptions {
	/** Allow flags after the first operand (kubectl); docker run stops at its IMAGE. */
	interspersed: boolean;
}

/** Finds the spec of a spelling. */
function find(specs: readonly FlagSpec[], name: string): FlagSpec | undefined {
	return specs.find((spec) => spec.names.includes(name));
}

/** Parses words against flag specs; returns the arguments or a pflag-style error message. */
export function parseArgs(
	words: readonly string[],
	specs: readonly FlagSpec[],
	options: ParseOptions
): Args | { error: string } {
	const args = new Args();
	let operandsOnly = false;
	for (let i = 0; i < words.length; i++) {
		const word = words[i] ?? '';
		if (operandsOnly || word === '-' || !word.startsWith('-')) {
			args.positionals.push(word);
			if (!options.interspersed && !operandsOnly) {
				operandsOnly = true;
			}
			continue;
		}
		if (word === '--') {
			args.rest = words.slice(i + 1);
			break;
		}
		if (word.startsWith('--')) {
			const eq = word.indexOf('=');
			const name = eq < 0 ? word : word.slice(0, eq);
			const spec = find(specs, name);
			if (!spec) return { error: `unknown flag: ${name}` };
			if (!spec.value) {
				const text = eq < 0 ? 'true' : word.slice(eq + 1);
				if (text !== 'true' && text !== 'false') {
					return {
						error: `invalid argument "${text}" for "${name}" flag: strconv.ParseBool: parsing "${text}": invalid syntax`,
					};
				}
				args.add(spec.key, text);
			} else if (eq >= 0) args.add(spec.key, word.slice(eq + 1));
			else if (i + 1 < words.length) args.add(spec.key, words[++i] ?? '');
			else return { error: `flag needs an argument: ${name}` };
			continue;
		}
		for (let j = 1; j < word.length; j++) {
			const letter = word[j] ?? '';
			const spec = find(specs, `-${letter}`);
			if (!spec) return { error: `unknown shorthand flag: '${letter}' in ${word}` };
			if (!spec.value) {
				args.add(spec.key, 'true');
				continue;
			}
			const inline = word.slice(j + 1).replace(/^=/, '');
			if (inline !== '') args.add(spec.key, inline);
			else if (i + 1 < words.length) args.add(spec.key, words[++i] ?? '');
			else return { error: `flag needs an argument: '${letter}' in -${letter}` };
			break;
		}
	}
	return args;
}

/** Arguments that are all operands (for commands such as `echo`). */
export function rawArgs(words: readonly string[]): Args {
	const args = new Args();
	args.positionals.push(...words);
	return args;
}
