import { describe, expect, test } from 'vitest';
import { gradeExercise } from '../../../../src/core/exercises/grade.js';
import {
	COMMANDS_FILE,
	gradeScript,
	replayTask,
	scriptLines,
	startTaskShell,
	terminalOutcomes,
} from '../../../../src/core/exercises/terminal.js';
import { Shell } from '../../../../src/core/sim/shell.js';
import { stripAnsi } from '../../../../src/core/sim/format.js';
import { loadCenter } from '../../helpers/center.js';
import { exerciseIds, loadExercise, type LoadedExercise } from './load-exercises.js';

/** The terminal exercises of the bank, replayed command by command through the simulated shell. */

const center = loadCenter();
const terminal = exerciseIds()
	.map((id) => loadExercise(id))
	.filter((l) => l.exercise.kind === 'terminal');

/** The task of a loaded terminal exercise (the schema guarantees it). */
function taskOf(loaded: LoadedExercise) {
	const task = loaded.exercise.terminal;
	if (!task) throw new Error(`${loaded.exercise.id} has no terminal block`);
	return task;
}

/** The ids of the checks a script fails. */
function failing(loaded: LoadedExercise, script: string): string[] {
	return gradeScript(taskOf(loaded), script, { center, files: loaded.context })
		.filter((o) => !o.passed)
		.map((o) => o.id);
}

describe('the terminal exercises', () => {
	test('there are at least two, one in Session 2 and one in Lesson 2', () => {
		const chapters = terminal.map((l) => l.exercise.chapter);
		expect(terminal.length).toBeGreaterThanOrEqual(2);
		expect(chapters).toContain('s2-running-services');
		expect(chapters).toContain('l2-run-in-spin');
	});
});

describe.each(terminal.map((l) => [l.exercise.id, l] as const))('terminal exercise %s', (_, l) => {
	const task = taskOf(l);

	test('has its one command script and context files for the workspace', () => {
		expect(l.exercise.files).toEqual([{ name: COMMANDS_FILE, kind: 'commands' }]);
		expect(Object.keys(l.context).length).toBeGreaterThan(0);
		expect(l.exercise.hints.length).toBeGreaterThanOrEqual(3);
	});

	test('every setup command succeeds', () => {
		const shell = new Shell({ center, files: l.context });
		for (const line of task.setup) {
			const out = shell.run(line);
			expect(out.exitCode, `${line}\n${stripAnsi(out.output)}`).toBe(0);
		}
	});

	test('the solution, typed line by line, passes every check', () => {
		const shell = startTaskShell(task.setup, { center, files: l.context });
		for (const line of scriptLines(l.solution[COMMANDS_FILE] ?? '')) {
			const out = shell.run(line);
			expect(out.exitCode, `${line}\n${stripAnsi(out.output)}`).not.toBe(127);
		}
		const outcomes = terminalOutcomes(task.checks, shell.state);
		expect(outcomes.filter((o) => !o.passed)).toEqual([]);
		expect(shell.history).toEqual(scriptLines(l.solution[COMMANDS_FILE] ?? ''));
	});

	test('the empty starter fails every check, with a message for each', () => {
		expect(scriptLines(l.starter[COMMANDS_FILE] ?? '')).toEqual([]);
		const outcomes = gradeScript(task, l.starter[COMMANDS_FILE] ?? '', {
			center,
			files: l.context,
		});
		expect(outcomes.map((o) => o.passed)).toEqual(task.checks.map(() => false));
		for (const o of outcomes) expect(o.message).toMatch(/\S/);
	});

	test('has at least 3 near misses and 2 accepted variants, all real commands', () => {
		expect(l.cases.filter((c) => c.expect === 'fail').length).toBeGreaterThanOrEqual(3);
		expect(l.cases.filter((c) => c.expect === 'pass').length).toBeGreaterThanOrEqual(2);
		for (const c of l.cases) {
			const shell = startTaskShell(task.setup, { center, files: l.context });
			for (const line of scriptLines(c.files[COMMANDS_FILE] ?? '')) {
				expect(shell.run(line).exitCode, `${c.name}: ${line}`).not.toBe(127);
			}
		}
	});

	test.each(l.cases.map((c) => [c.name, c] as const))('case %s', (_name, c) => {
		const script = c.files[COMMANDS_FILE] ?? '';
		if (c.expect === 'pass') {
			expect(failing(l, script)).toEqual([]);
			return;
		}
		expect(c.check).toBeDefined();
		expect(failing(l, script)).toContain(c.check);
	});

	test('gradeExercise replays the script and agrees with the terminal grading', () => {
		for (const files of [l.solution, l.starter, ...l.cases.map((c) => c.files)]) {
			const result = gradeExercise(l.exercise, files, { center, context: l.context });
			const outcomes = gradeScript(task, files[COMMANDS_FILE] ?? '', {
				center,
				files: l.context,
			});
			expect(result.checks).toEqual(outcomes);
			expect(result.passed).toBe(outcomes.every((o) => o.passed));
			expect(result.diagnostics).toEqual([]);
		}
	});

	test('a state saved half-way and restored ends where a full replay ends', () => {
		const lines = scriptLines(l.solution[COMMANDS_FILE] ?? '');
		const half = Math.floor(lines.length / 2);
		const first = replayTask(task, lines.slice(0, half).join('\n'), { center, files: l.context });
		const saved = JSON.parse(JSON.stringify(first.state)) as typeof first.state;
		const resumed = new Shell({ center, files: l.context, state: saved });
		for (const line of lines.slice(half)) resumed.run(line);
		const full = replayTask(task, lines.join('\n'), { center, files: l.context });
		expect(JSON.stringify(resumed.state)).toBe(JSON.stringify(full.state));
	});
});

describe('command scripts', () => {
	test('drop blank lines and surrounding blanks, keep everything else', () => {
		expect(scriptLines('  ls \r\n\n\tdocker ps -a\n# a note\n')).toEqual([
			'ls',
			'docker ps -a',
			'# a note',
		]);
		expect(scriptLines('')).toEqual([]);
	});

	test('replay the same way twice', () => {
		const l = terminal[0];
		if (!l) throw new Error('no terminal exercise');
		const script = l.solution[COMMANDS_FILE] ?? '';
		const a = replayTask(taskOf(l), script, { center, files: l.context });
		const b = replayTask(taskOf(l), script, { center, files: l.context });
		expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
	});

	test('setup commands stay out of the history', () => {
		const shell = startTaskShell(['kubectl create namespace demo'], { center, files: {} });
		expect(shell.history).toEqual([]);
		expect(shell.state.cluster.objects.some((o) => o.name === 'demo')).toBe(true);
	});
});
