import { Validator } from 'dockerfile-utils/lib/dockerValidator.js';

/**
 * Two shortcuts in `dockerfile-utils`' validator, installed once; its findings stay the same:
 * - `checkVariables` reads every variable of every instruction (each one resolved against the
 *   ARGs and ENVs before it) only to look at its modifier, and ignores the modifiers of CMD,
 *   ENTRYPOINT and RUN; those instructions, the longest ones, are now skipped without reading them,
 *   and so is any instruction without a `$` (it has no variable).
 * - `checkJSONQuotes` rebuilds the argument text of every CMD, ENTRYPOINT, RUN, SHELL and VOLUME
 *   to look for `['…']`, and can only report when that text starts with `[`; it now looks at the
 *   first character of the arguments first.
 */

/** The parts of a `dockerfile-ast` instruction read here. */
interface AstInstruction {
	getKeyword(): string;
	getRange(): {
		start: { line: number; character: number };
		end: { line: number; character: number };
	};
	getArguments(): { getRange(): { start: { line: number; character: number } } }[];
	document: { getText(): string; offsetAt(p: { line: number; character: number }): number };
}

type Check = (this: object, instruction: AstInstruction, problems: unknown[]) => void;

/** Keywords whose variables `checkVariables` never reports: shell expansions go through. */
const SHELL_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'RUN']);

const MARK = Symbol.for('spinup.dockerfile-utils.speedups');

/** Whether an instruction's text holds a `$`, without which it has no variable. */
function mentionsDollar(instruction: AstInstruction): boolean {
	const source = instruction.document;
	const range = instruction.getRange();
	const text = source.getText();
	const end = source.offsetAt(range.end);
	for (let i = source.offsetAt(range.start); i < end; i++) {
		if (text.charCodeAt(i) === 36) return true;
	}
	return false;
}

/** Whether the arguments of an instruction start with `[` in the Dockerfile text. */
function startsWithBracket(instruction: AstInstruction): boolean {
	const first = instruction.getArguments()[0];
	if (!first) return true;
	const source = instruction.document;
	return source.getText().charAt(source.offsetAt(first.getRange().start)) === '[';
}

/** Installs the shortcuts on the validator's prototype, once. */
function installUtilsSpeedups(): void {
	const proto = Validator.prototype as unknown as Record<PropertyKey, unknown>;
	if (proto[MARK]) return;
	proto[MARK] = true;
	const checkVariables = proto['checkVariables'] as Check;
	proto['checkVariables'] = function skipShellVariables(
		this: object,
		instruction: AstInstruction,
		problems: unknown[]
	) {
		if (SHELL_KEYWORDS.has(instruction.getKeyword()) || !mentionsDollar(instruction)) return;
		checkVariables.call(this, instruction, problems);
	};
	const checkJSONQuotes = proto['checkJSONQuotes'] as Check;
	proto['checkJSONQuotes'] = function bracketFirst(
		this: object,
		instruction: AstInstruction,
		problems: unknown[]
	) {
		if (!startsWithBracket(instruction)) return;
		checkJSONQuotes.call(this, instruction, problems);
	};
}

installUtilsSpeedups();
