import type { Range } from '../types.js';
import { lineRange } from './instruction.js';
import { effectiveCommand, splitCommands, type ShellCommand } from './shell.js';
import { offsetAt, rangeOf } from './text.js';
import type { DockerfileDoc, Heredoc, Instruction } from './types.js';

/**
 * The shell scripts a RUN executes: its shell-form command line, the `-c` script of an exec
 * form such as `["sh", "-c", "…"]`, and heredoc bodies that go to a shell (`RUN <<EOF`,
 * `RUN bash <<EOF`). Each script carries its commands and maps its offsets to document ranges.
 */
export interface Script {
	text: string;
	commands: ShellCommand[];
	/** Whether the script is a heredoc body. */
	heredoc: boolean;
	range(start: number, end: number): Range;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const MARKER = /^\s*(\d*)<<-?/;
const cache = new WeakMap<Instruction, Script[]>();

/** Whether a heredoc body names a non-shell interpreter on a `#!` line. */
function foreignShebang(body: string): boolean {
	const first = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
	if (!first?.[1]) return false;
	const program = first[1].slice(first[1].lastIndexOf('/') + 1);
	const name = program === 'env' ? (first[2] ?? '') : program;
	return !SHELLS.has(name);
}

/** Reads the scripts of the command line itself (shell or exec form). */
function lineScripts(doc: DockerfileDoc, ins: Instruction): Script[] {
	const whole = (): Range =>
		lineRange(doc, ins.line, ins.argsStart, ins.argsStart + ins.argsText.length);
	if (!ins.exec) {
		const text = ins.argsText;
		const range = (s: number, e: number) =>
			lineRange(doc, ins.line, ins.argsStart + s, ins.argsStart + e);
		return [{ text, commands: splitCommands(text), heredoc: false, range }];
	}
	const exec = ins.exec;
	const flag = exec.indexOf('-c');
	const program = (exec[0] ?? '').slice((exec[0] ?? '').lastIndexOf('/') + 1);
	if (SHELLS.has(program) && flag > 0 && exec[flag + 1] !== undefined) {
		const text = exec[flag + 1] ?? '';
		return [{ text, commands: splitCommands(text), heredoc: false, range: whole }];
	}
	const words = exec.map((value) => ({ value, start: 0, end: 0 }));
	const command: ShellCommand = { words, op: null, opStart: 0, opEnd: 0 };
	return [{ text: exec.join(' '), commands: [command], heredoc: false, range: whole }];
}

/** The file descriptor written before a heredoc marker (`3<<IN` → `3`), read from the original text. */
function heredocFd(doc: DockerfileDoc, heredoc: Heredoc): string {
	let at = offsetAt(doc.lines, heredoc.markerRange.start);
	let fd = '';
	while (at > 0 && /\d/.test(doc.text[at - 1] ?? '')) fd = doc.text[--at] + fd;
	return fd;
}

/** Whether a heredoc body is run by a shell: `RUN <<EOF`, or a shell reading it on stdin. */
function isShellHeredoc(
	doc: DockerfileDoc,
	ins: Instruction,
	line: Script | undefined,
	heredoc: Heredoc
): boolean {
	if (heredoc !== ins.heredocs[0]) return false;
	const plain = ins.args.filter((word) => !MARKER.test(word.raw));
	if (plain.length === 0) return !foreignShebang(heredoc.body);
	const first = line?.commands[0];
	const program = first ? effectiveCommand(first) : null;
	const fd = heredocFd(doc, heredoc);
	return program !== null && SHELLS.has(program.name) && (fd === '' || fd === '0');
}

/** The shell scripts a RUN instruction executes (cached per instruction). */
export function runScripts(doc: DockerfileDoc, ins: Instruction): Script[] {
	const known = cache.get(ins);
	if (known) return known;
	const scripts = lineScripts(doc, ins);
	for (const heredoc of ins.heredocs) {
		if (!isShellHeredoc(doc, ins, scripts[0], heredoc)) continue;
		const base = heredoc.bodyOffset;
		scripts.push({
			text: heredoc.body,
			commands: splitCommands(heredoc.body),
			heredoc: true,
			range: (s, e) => rangeOf(doc.lines, base + s, base + e),
		});
	}
	cache.set(ins, scripts);
	return scripts;
}

/** Every RUN of the document with its scripts, ONBUILD triggers included. */
export function allRuns(doc: DockerfileDoc): { ins: Instruction; scripts: Script[] }[] {
	const out: { ins: Instruction; scripts: Script[] }[] = [];
	for (const instruction of doc.instructions) {
		const ins = instruction.keyword === 'ONBUILD' ? instruction.trigger : instruction;
		if (ins?.keyword === 'RUN') out.push({ ins, scripts: runScripts(doc, ins) });
	}
	return out;
}
