/// <reference lib="webworker" />
import { gradeDockerfileExercise } from '../core/exercises/grade-dockerfile.js';
import { validateDockerfile } from '../core/validate-dockerfile.js';
import { CENTER } from '../core/validate-center.js';
import {
	answerRequest,
	type WorkerHandlers,
	type WorkerRequest,
} from '../core/validate-requests.js';

/** The Dockerfile worker: validates Dockerfiles and grades exercises whose files are all Dockerfiles. */
const handlers: WorkerHandlers = {
	center: CENTER,
	kinds: ['dockerfile'],
	validate: (_kind, text, options) => validateDockerfile(text, options),
	grade: gradeDockerfileExercise,
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const started = performance.now();
	const reply = answerRequest(event.data, handlers);
	self.postMessage('diagnostics' in reply ? { ...reply, ms: performance.now() - started } : reply);
};
