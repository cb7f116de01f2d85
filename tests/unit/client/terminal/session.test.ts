import { describe, expect, it } from 'vitest';
import {
	TerminalSession,
	type SessionOptions,
} from '../../../../src/client/terminal/sim-session.js';
import {
	forget,
	loadSaved,
	save,
	savedKey,
	type SessionStorageLike,
} from '../../../../src/client/terminal/session-store.js';
import { createState } from '../../../../src/core/sim/engine.js';
import { TerminalChecksSchema } from '../../../../src/core/sim/tasks.js';
import { loadExercise } from '../../core/exercises/load-exercises.js';

/** The terminal's session in the page: restore, replay, reset, grading and live files. */

/** A Map-backed storage. */
function memory(): SessionStorageLike & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k),
	};
}

const ship = loadExercise('ship-to-registry');
const task = ship.exercise.terminal;
if (!task) throw new Error('ship-to-registry has no terminal block');
const SOLUTION = (ship.solution['commands.txt'] ?? '').trim().split('\n');

/** Options for a session of the ship-to-registry task. */
function options(storage: SessionStorageLike | null, extra: Partial<SessionOptions> = {}) {
	return {
		id: 'ship-to-registry',
		files: ship.context,
		setup: task?.setup ?? [],
		checks: task?.checks ?? [],
		user: 'elvis',
		storage,
		...extra,
	};
}

describe('a terminal session', () => {
	it('saves after every command and continues after a reload', () => {
		const storage = memory();
		const first = new TerminalSession(options(storage));
		for (const line of SOLUTION.slice(0, 2)) first.run(line);
		expect(loadSaved(storage, 'ship-to-registry')?.history).toEqual(SOLUTION.slice(0, 2));
		const again = new TerminalSession(options(storage));
		expect(again.restored).toBe(2);
		expect(again.history).toEqual(SOLUTION.slice(0, 2));
		for (const line of SOLUTION.slice(2)) again.run(line);
		expect(again.grade().every((o) => o.passed)).toBe(true);
		expect(again.script()).toBe(SOLUTION.join('\n'));
	});

	it('grades each check with what is missing', () => {
		const session = new TerminalSession(options(memory()));
		session.run(SOLUTION[0] ?? '');
		const outcomes = session.grade();
		expect(outcomes.map((o) => [o.id, o.passed])).toEqual([
			['built', true],
			['tagged', false],
			['logged-in', false],
			['pushed', false],
		]);
		expect(outcomes[3]?.message).toContain('my-first-container-app:v1');
	});

	it('replays the commands saved with the last Check when the tab has no state', () => {
		const storage = memory();
		const session = new TerminalSession(options(storage, { savedScript: SOLUTION.join('\n') }));
		expect(session.restored).toBe(SOLUTION.length);
		expect(session.grade().every((o) => o.passed)).toBe(true);
		expect(loadSaved(storage, 'ship-to-registry')?.history).toEqual(SOLUTION);
	});

	it('prefers the tab state over the saved script', () => {
		const storage = memory();
		new TerminalSession(options(storage)).run('ls');
		const session = new TerminalSession(options(storage, { savedScript: SOLUTION.join('\n') }));
		expect(session.history).toEqual(['ls']);
	});

	it('starts again from the setup on reset and forgets the saved state', () => {
		const storage = memory();
		const rollout = loadExercise('rollout-and-undo');
		const session = new TerminalSession({
			...options(storage),
			id: 'rollout-and-undo',
			files: rollout.context,
			setup: rollout.exercise.terminal?.setup ?? [],
			checks: rollout.exercise.terminal?.checks ?? [],
		});
		session.run('kubectl apply -f app.yaml');
		expect(storage.map.has(savedKey('rollout-and-undo'))).toBe(true);
		session.reset();
		expect(storage.map.has(savedKey('rollout-and-undo'))).toBe(false);
		expect(session.history).toEqual([]);
		expect(session.grade().map((o) => o.passed)).toEqual([false, false, false]);
		const images = session.run('docker images').output;
		expect(images).toContain('my-first-container-app');
	});

	it('reads the editor texts before each command when it sits in a file exercise', () => {
		let dockerfile = 'FROM python:3.12-slim\nUSER 10001\n';
		const session = new TerminalSession(
			options(null, { liveFiles: () => ({ Dockerfile: dockerfile }) })
		);
		expect(session.run('cat Dockerfile').output).toContain('USER 10001');
		dockerfile = 'FROM nginx:1.27\n';
		expect(session.run('cat Dockerfile').output).toContain('FROM nginx:1.27');
		expect(session.run('cat app.py').output).toContain('Flask');
	});

	it('works without any storage', () => {
		const session = new TerminalSession(options(null));
		expect(session.run('ls').exitCode).toBe(0);
		expect(new TerminalSession(options(null)).history).toEqual([]);
	});

	it('grades nothing for a practice terminal', () => {
		expect(new TerminalSession(options(null, { checks: [] })).grade()).toEqual([]);
		expect(TerminalChecksSchema.safeParse([]).success).toBe(false);
	});
});

describe('the saved terminal state', () => {
	it('round-trips the state and history', () => {
		const storage = memory();
		const state = createState();
		expect(save(storage, 'x', state, ['ls'])).toBe(true);
		expect(loadSaved(storage, 'x')).toEqual({ version: 1, state, history: ['ls'] });
		forget(storage, 'x');
		expect(loadSaved(storage, 'x')).toBeNull();
	});

	it('ignores unreadable, foreign and damaged entries', () => {
		const storage = memory();
		const put = (value: unknown) =>
			storage.setItem(savedKey('x'), typeof value === 'string' ? value : JSON.stringify(value));
		const good = { version: 1, state: createState(), history: ['ls'] };
		for (const bad of [
			'{not json',
			null,
			[],
			{ ...good, version: 2 },
			{ ...good, history: [1] },
			{ ...good, history: 'ls' },
			{ ...good, state: { ...good.state, store: null } },
			{ ...good, state: { ...good.state, cluster: { ...good.state.cluster, pods: {} } } },
			{ ...good, state: { ...good.state, now: '0' } },
		]) {
			put(bad);
			expect(loadSaved(storage, 'x'), JSON.stringify(bad)).toBeNull();
		}
		put(good);
		expect(loadSaved(storage, 'x')).not.toBeNull();
	});

	it('survives a storage that refuses to read or write', () => {
		const broken: SessionStorageLike = {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('quota');
			},
			removeItem: () => {
				throw new Error('denied');
			},
		};
		expect(loadSaved(broken, 'x')).toBeNull();
		expect(save(broken, 'x', createState(), [])).toBe(false);
		expect(() => forget(broken, 'x')).not.toThrow();
		expect(save(null, 'x', createState(), [])).toBe(false);
	});
});
