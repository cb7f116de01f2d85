/// <reference lib="webworker" />
import { gradeFiles } from '../core/exercises/grade-core.js';
import { fileGrader } from '../core/exercises/grade-files.js';
import { validate } from '../core/validate.js';
import { CENTER } from '../core/validate-center.js';
import {
	answerRequest,
	type WorkerHandlers,
	type WorkerRequest,
} from '../core/validate-requests.js';

/** The files worker: validates every kind of file and grades exercises that mix Dockerfiles and YAML. */
const handlers: WorkerHandlers = {
	center: CENTER,
	kinds: ['dockerfile', 'compose', 'k8s'],
	validate,
	grade: (exercise, files, options) => gradeFiles(exercise, files, options, fileGrader),
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const started = performance.now();
	const reply = answerRequest(event.data, handlers);
	self.postMessage('diagnostics' in reply ? { ...reply, ms: performance.now() - started } : reply);
};
