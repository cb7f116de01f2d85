/// <reference lib="webworker" />
import { parse } from 'yaml';
import centerText from '../../content/center.yaml?raw';
import { CenterSchema } from '../core/center.js';
import type { Exercise } from '../core/exercises/schema.js';
import { gradeExercise } from '../core/exercises/grade.js';
import type { SourceKind } from '../core/types.js';
import { validate } from '../core/validate.js';

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

const center = CenterSchema.parse(parse(centerText));

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	try {
		if (request.type === 'validate') {
			const started = performance.now();
			const diagnostics = validate(request.kind, request.text, { center });
			self.postMessage({ id: request.id, diagnostics, ms: performance.now() - started });
		} else {
			const result = gradeExercise(request.exercise, request.files, {
				center,
				params: request.params,
				context: request.context,
			});
			self.postMessage({ id: request.id, result });
		}
	} catch (error) {
		self.postMessage({ id: request.id, error: String(error) });
	}
};
