import { finalLineage } from '../../dockerfile/queries.js';
import { runScripts } from '../../dockerfile/run-scripts.js';
import { effectiveCommand } from '../../dockerfile/shell.js';
import type { DockerfileDoc, Instruction } from '../../dockerfile/types.js';
import type { Range } from '../../types.js';
import type { CheckOf } from '../check-args.js';
import { copyTargets, fallbackRange, ImagePaths, normalizePath } from './dockerfile-util.js';
import { parseSedCall, parseSedScript, runSed } from './sed.js';
import { commandRedirects, printedText } from './shell-effects.js';
import { fail, pass, type CheckEnv, type CheckResult } from './types.js';

/** What is known about the file: its text, that it is gone, or that it cannot be told. */
type FileState =
	{ kind: 'text'; text: string } | { kind: 'absent' } | { kind: 'unknown'; why: string };

/** The file being followed through the build. */
interface Tracker {
	path: string;
	state: FileState;
	changedAt: Range | null;
}

/** Records a new state of the file, changed by an instruction. */
function set(tracker: Tracker, state: FileState, ins: Instruction): void {
	tracker.state = state;
	tracker.changedAt = ins.range;
}

/** Applies a COPY or ADD to the file. */
function applyCopy(tracker: Tracker, ins: Instruction, paths: ImagePaths, env: CheckEnv): void {
	const from = ins.flags.some((flag) => flag.name === 'from');
	for (const { file, target } of copyTargets(ins, paths, from ? [] : Object.keys(env.context))) {
		if (target !== tracker.path) continue;
		const text = from ? undefined : env.context[file];
		set(
			tracker,
			text === undefined
				? {
						kind: 'unknown',
						why: `the content copied by line ${ins.range.start.line} is not in the build context`,
					}
				: { kind: 'text', text },
			ins
		);
	}
}

/** Applies a `sed` command to the file when it edits it in place. */
function applySed(tracker: Tracker, args: string[], paths: ImagePaths, ins: Instruction): void {
	const call = parseSedCall(args);
	const files = call ? call.files.map((f) => paths.resolve(f)) : [];
	if (!call || !call.inPlace || !files.includes(tracker.path)) {
		if (!call && args.some((a) => paths.resolve(a) === tracker.path)) {
			set(
				tracker,
				{
					kind: 'unknown',
					why: `the sed options on line ${ins.range.start.line} are not supported here`,
				},
				ins
			);
		}
		return;
	}
	if (tracker.state.kind !== 'text') return;
	let text = tracker.state.text;
	for (const script of call.scripts) {
		const commands = parseSedScript(script, call.extended);
		if (!commands) {
			set(
				tracker,
				{
					kind: 'unknown',
					why: `the sed script on line ${ins.range.start.line} cannot be followed`,
				},
				ins
			);
			return;
		}
		text = runSed(commands, text);
	}
	set(tracker, { kind: 'text', text }, ins);
}

/** Applies the commands of one RUN to the file, in order. */
function applyRun(doc: DockerfileDoc, tracker: Tracker, ins: Instruction, paths: ImagePaths): void {
	for (const script of runScripts(doc, ins)) {
		script.commands.forEach((command, index) => {
			const program = effectiveCommand(command);
			if (!program) return;
			const args = command.words.slice(program.at + 1).map((word) => word.value);
			const hit = (word: string): boolean => paths.resolve(word) === tracker.path;
			for (const redirect of commandRedirects(script, index)) {
				if (!hit(redirect.target)) continue;
				const printed = printedText(command, program.at);
				const before = tracker.state;
				if (printed === null) {
					set(
						tracker,
						{ kind: 'unknown', why: `line ${ins.range.start.line} writes it with ${program.name}` },
						ins
					);
				} else if (!redirect.append) set(tracker, { kind: 'text', text: printed }, ins);
				else if (before.kind === 'text')
					set(tracker, { kind: 'text', text: before.text + printed }, ins);
				else if (before.kind === 'absent') set(tracker, { kind: 'text', text: printed }, ins);
			}
			if (program.name === 'sed') applySed(tracker, args, paths, ins);
			else if (program.name === 'rm' && args.some(hit)) set(tracker, { kind: 'absent' }, ins);
			else if (program.name === 'mv' && args.slice(0, -1).some(hit))
				set(tracker, { kind: 'absent' }, ins);
			else if (['cp', 'mv', 'ln', 'tee', 'install'].includes(program.name) && args.some(hit)) {
				set(
					tracker,
					{ kind: 'unknown', why: `line ${ins.range.start.line} replaces it with ${program.name}` },
					ins
				);
			}
		});
	}
}

/** Follows a file of the image through COPY, sed, echo and rm steps, then tests its content. */
export function checkImageFile(
	check: CheckOf<'image-file'>,
	doc: DockerfileDoc,
	env: CheckEnv
): CheckResult {
	const tracker: Tracker = {
		path: normalizePath(check.path),
		state: { kind: 'text', text: check.initial },
		changedAt: null,
	};
	const paths = new ImagePaths();
	for (const stage of finalLineage(doc).reverse()) {
		for (const ins of stage.instructions) {
			if (ins.keyword === 'WORKDIR' && ins.args[0]) paths.workdir(ins.args[0].value);
			else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') applyCopy(tracker, ins, paths, env);
			else if (ins.keyword === 'RUN') applyRun(doc, tracker, ins, paths);
		}
	}
	const where = tracker.changedAt ?? fallbackRange(doc);
	const state = tracker.state;
	if (state.kind === 'absent') return fail(`${tracker.path} is removed from the image.`, where);
	if (state.kind === 'unknown')
		return fail(`${tracker.path} cannot be checked: ${state.why}.`, where);
	const missing = check.contains.find((source) => !new RegExp(source, 'm').test(state.text));
	const present = check.excludes.find((source) => new RegExp(source, 'm').test(state.text));
	if (missing !== undefined || present !== undefined) {
		const what = tracker.changedAt ? 'after your changes' : 'as the base image ships it';
		return fail(`${tracker.path} ${what} does not have the setting this check asks for.`, where);
	}
	return pass(tracker.changedAt ?? undefined);
}
