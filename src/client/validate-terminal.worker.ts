/// <reference lib="webworker" />
import { gradeTerminalExercise } from '../core/exercises/grade-terminal.js';
import { CENTER } from '../core/validate-center.js';
import {
	answerRequest,
	type WorkerHandlers,
	type WorkerRequest,
} from '../core/validate-requests.js';

/** The terminal worker: grades terminal exercises by replaying their commands in the simulator. */
const handlers: WorkerHandlers = {
	center: CENTER,
	kinds: [],
	grade: gradeTerminalExercise,
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const started = performance.now();
	const reply = answerRequest(event.data, handlers);
	self.postMessage('diagnostics' in reply ? { ...reply, ms: performance.now() - started } : reply);
};
