import type { Exercise } from '../../core/exercises/schema.js';
import type { GradeResult } from '../../core/exercises/grade.js';
import type { Diagnostic, SourceKind } from '../../core/types.js';
import type { WorkerRequest } from '../validate.worker.js';

/** Distributes `Omit` over a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Talks to the validation worker; one worker per page, started on first use. */
export class ValidationClient {
	private _worker: Worker | undefined;
	private _next = 1;
	private readonly _pending = new Map<number, (reply: Record<string, unknown>) => void>();

	/** Starts the worker if it is not running. */
	private _ensure(): Worker {
		if (!this._worker) {
			this._worker = new Worker(new URL('../validate.worker.ts', import.meta.url), {
				type: 'module',
			});
			this._worker.onmessage = (event: MessageEvent<Record<string, unknown>>) => {
				const id = Number(event.data['id']);
				this._pending.get(id)?.(event.data);
				this._pending.delete(id);
			};
		}
		return this._worker;
	}

	/** Sends a request and resolves with the worker's reply. */
	private _send(request: DistributiveOmit<WorkerRequest, 'id'>): Promise<Record<string, unknown>> {
		const id = this._next++;
		return new Promise((resolve, reject) => {
			this._pending.set(id, (reply) =>
				reply['error'] ? reject(new Error(String(reply['error']))) : resolve(reply)
			);
			this._ensure().postMessage({ ...request, id });
		});
	}

	/** Validates one text. */
	async validate(kind: SourceKind, text: string): Promise<Diagnostic[]> {
		const reply = await this._send({ type: 'validate', kind, text });
		return reply['diagnostics'] as Diagnostic[];
	}

	/** Grades an exercise with the learner's files and params. */
	async grade(
		exercise: Exercise,
		files: Record<string, string>,
		params: Record<string, string>,
		context: Record<string, string>
	): Promise<GradeResult> {
		const reply = await this._send({ type: 'grade', exercise, files, params, context });
		return reply['result'] as GradeResult;
	}
}

let shared: ValidationClient | undefined;

/** The page's validation client. */
export function validationClient(): ValidationClient {
	shared ??= new ValidationClient();
	return shared;
}
