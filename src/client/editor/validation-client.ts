import { workerUrls } from 'virtual:spinup/workers';
import type { GradeResult } from '../../core/exercises/grade-core.js';
import type { Exercise } from '../../core/exercises/schema.js';
import type { Diagnostic, SourceKind } from '../../core/types.js';
import {
	workerForExercise,
	workerForKind,
	type WorkerName,
	type WorkerReply,
	type WorkerRequest,
} from '../../core/validate-requests.js';

/** Distributes `Omit` over a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The file of each validation worker (see src/integrations/worker-bundles.mjs). */
const WORKER_FILES: Record<WorkerName, string> = {
	dockerfile: 'validate-dockerfile',
	yaml: 'validate-yaml',
	terminal: 'validate-terminal',
	files: 'validate',
};

/** Starts a worker. */
function startWorker(name: WorkerName): Worker {
	const url = workerUrls[WORKER_FILES[name]];
	if (!url) throw new Error(`the ${name} validation worker is missing from the build`);
	return new Worker(url, { type: 'module' });
}

/** Talks to the validation workers; each starts on first use and serves the page from then on. */
export class ValidationClient {
	private readonly _workers = new Map<WorkerName, Worker>();
	private _next = 1;
	private readonly _pending = new Map<number, (reply: WorkerReply) => void>();

	/** Starts a worker if it is not running. */
	private _ensure(name: WorkerName): Worker {
		let worker = this._workers.get(name);
		if (!worker) {
			worker = startWorker(name);
			worker.onmessage = (event: MessageEvent<WorkerReply>) => {
				const id = Number(event.data.id);
				this._pending.get(id)?.(event.data);
				this._pending.delete(id);
			};
			this._workers.set(name, worker);
		}
		return worker;
	}

	/** Sends a request to a worker and resolves with its reply. */
	private _send(
		name: WorkerName,
		request: DistributiveOmit<WorkerRequest, 'id'>
	): Promise<WorkerReply> {
		const id = this._next++;
		return new Promise((resolve, reject) => {
			this._pending.set(id, (reply) =>
				'error' in reply ? reject(new Error(reply.error)) : resolve(reply)
			);
			this._ensure(name).postMessage({ ...request, id });
		});
	}

	/** Validates one text. */
	async validate(kind: SourceKind, text: string): Promise<Diagnostic[]> {
		const reply = await this._send(workerForKind(kind), { type: 'validate', kind, text });
		if (!('diagnostics' in reply)) throw new Error('The validation worker gave no diagnostics.');
		return reply.diagnostics;
	}

	/** Grades an exercise with the learner's files and params. */
	async grade(
		exercise: Exercise,
		files: Record<string, string>,
		params: Record<string, string>,
		context: Record<string, string>
	): Promise<GradeResult> {
		const request = { type: 'grade', exercise, files, params, context } as const;
		const reply = await this._send(workerForExercise(exercise), request);
		if (!('result' in reply)) throw new Error('The validation worker gave no result.');
		return reply.result;
	}
}

let shared: ValidationClient | undefined;

/** The page's validation client. */
export function validationClient(): ValidationClient {
	shared ??= new ValidationClient();
	return shared;
}
