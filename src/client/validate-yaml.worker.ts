/// <reference lib="webworker" />
import { gradeYamlExercise } from '../core/exercises/grade-yaml.js';
import { validateYaml } from '../core/validate-yaml.js';
import { CENTER } from '../core/validate-center.js';
import {
	answerRequest,
	type WorkerHandlers,
	type WorkerRequest,
} from '../core/validate-requests.js';

/** The YAML worker: validates Compose files and Kubernetes manifests and grades exercises made of them. */
const handlers: WorkerHandlers = {
	center: CENTER,
	kinds: ['compose', 'k8s'],
	validate: (kind, text, options) => {
		if (kind === 'dockerfile') throw new Error('A Dockerfile is not YAML.');
		return validateYaml(kind, text, options);
	},
	grade: gradeYamlExercise,
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const started = performance.now();
	const reply = answerRequest(event.data, handlers);
	self.postMessage('diagnostics' in reply ? { ...reply, ms: performance.now() - started } : reply);
};
