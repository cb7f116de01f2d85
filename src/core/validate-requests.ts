import type { Center } from './center.js';
import { SCRIPT_KIND } from './exercises/check-kinds.js';
import type { GradeOptions, GradeResult } from './exercises/grade-core.js';
import type { Exercise } from './exercises/schema.js';
import type { Diagnostic, SourceKind } from './types.js';

/**
 * The messages between a page and its validation workers. A worker answers with what it has: a
 * kind's worker validates and grades that kind of file, the terminal worker grades terminal
 * exercises; a request it cannot serve gets an `error` reply.
 */

/** Requests the page sends; every reply echoes `id`. */
export type WorkerRequest =
	| { id: number; type: 'validate'; kind: SourceKind; text: string }
	| {
			id: number;
			type: 'grade';
			exercise: Exercise;
			files: Record<string, string>;
			params: Record<string, string>;
			context: Record<string, string>;
	  };

/** Replies: diagnostics (with the time taken in the worker), a grade, or an error. */
export type WorkerReply =
	| { id: number; diagnostics: Diagnostic[]; ms?: number }
	| { id: number; result: GradeResult }
	| { id: number; error: string };

/** What one worker can do. */
export interface WorkerHandlers {
	center: Center;
	/** The kinds of text this worker validates. */
	kinds: readonly SourceKind[];
	validate?: (kind: SourceKind, text: string, options: { center: Center }) => Diagnostic[];
	grade?: (
		exercise: Exercise,
		files: Readonly<Record<string, string>>,
		options: GradeOptions
	) => GradeResult;
}

/** Answers one request; never throws (a failure is an `error` reply). */
export function answerRequest(request: WorkerRequest, handlers: WorkerHandlers): WorkerReply {
	try {
		if (request.type === 'validate') {
			if (!handlers.validate || !handlers.kinds.includes(request.kind)) {
				return { id: request.id, error: `This worker does not validate ${request.kind} files.` };
			}
			const diagnostics = handlers.validate(request.kind, request.text, {
				center: handlers.center,
			});
			return { id: request.id, diagnostics };
		}
		if (!handlers.grade) return { id: request.id, error: 'This worker does not grade exercises.' };
		const result = handlers.grade(request.exercise, request.files, {
			center: handlers.center,
			params: request.params,
			context: request.context,
		});
		return { id: request.id, result };
	} catch (error) {
		return { id: request.id, error: String(error) };
	}
}

/**
 * The validation workers: one per kind of file, so that a Dockerfile exercise never downloads the
 * YAML parser and a YAML exercise never downloads the Dockerfile parsers; `files` grades exercises
 * that mix both, `terminal` grades terminal exercises in the simulator.
 */
export type WorkerName = 'dockerfile' | 'yaml' | 'files' | 'terminal';

/** The worker that validates a kind of file. */
export function workerForKind(kind: SourceKind): WorkerName {
	return kind === 'dockerfile' ? 'dockerfile' : 'yaml';
}

/** The worker that grades an exercise: its files' one worker, `files` for a mix, or `terminal`. */
export function workerForExercise(exercise: Pick<Exercise, 'files' | 'terminal'>): WorkerName {
	if (exercise.terminal) return 'terminal';
	const names = new Set<WorkerName>();
	for (const { kind } of exercise.files) if (kind !== SCRIPT_KIND) names.add(workerForKind(kind));
	const [only] = names;
	return names.size === 1 && only ? only : 'files';
}
