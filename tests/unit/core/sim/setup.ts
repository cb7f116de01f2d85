import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stripAnsi } from '../../../../src/core/sim/format.js';
import { Shell, type ShellOptions } from '../../../../src/core/sim/shell.js';
import { loadCenter, repoRoot } from '../../helpers/center.js';

/** Shared set-up for the simulated terminal's tests: a shell over the Flask exercise's files. */

/** Reads a file of the repository. */
export function repoFile(relative: string): string {
	return readFileSync(path.join(repoRoot, relative), 'utf8');
}

/** The Flask application of the Lesson 1 exercise. */
export const APP_PY = repoFile('exercises/flask-image/context/app.py');

/** A Dockerfile that passes every check. */
export const GOOD_DOCKERFILE = repoFile('exercises/flask-image/solution/Dockerfile');

/** A Deployment and a Service that pass Spin's checks; `{{image}}` is replaced by `deployment()`. */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: demo
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      imagePullSecrets:
        - name: registry-nersc
      containers:
        - name: app
          image: {{image}}
          ports:
            - containerPort: 5000
          env:
            - name: WHO
              value: elvis
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: demo
spec:
  selector: {app: web}
  ports:
    - port: 5000
      targetPort: 5000
`;

/** The pushed image name the tests use. */
export const PUSHED = 'registry.nersc.gov/m1234/elvis/app';

/** The Deployment manifest with an image. */
export function deployment(image = `${PUSHED}:v1`): string {
	return DEPLOYMENT.replace('{{image}}', image);
}

/** The default workspace: the Flask app, its Dockerfile and a manifest. */
export function workspace(): Record<string, string> {
	return {
		Dockerfile: GOOD_DOCKERFILE,
		'app.py': APP_PY,
		'requirements.txt': 'flask==3.0.3\n',
		'deploy.yaml': deployment(),
	};
}

/** A shell over the default workspace (or given files). */
export function makeShell(options: Partial<ShellOptions> = {}): Shell {
	return new Shell({
		center: loadCenter(),
		files: workspace(),
		learner: { user: 'elvis', projects: ['m1234'] },
		...options,
	});
}

/** Runs a line; returns plain text (no colours, `\n` line ends) and the exit code. */
export function run(shell: Shell, line: string): { text: string; exitCode: number; raw: string } {
	const result = shell.run(line);
	return {
		text: stripAnsi(result.output).replace(/\r\n/g, '\n'),
		exitCode: result.exitCode,
		raw: result.output,
	};
}

/** Runs lines and fails the test when one of them does not exit 0. */
export function runAll(shell: Shell, lines: readonly string[]): void {
	for (const line of lines) {
		const out = run(shell, line);
		if (out.exitCode !== 0) throw new Error(`"${line}" exited ${out.exitCode}:\n${out.text}`);
	}
}

/** Builds, tags, logs in and pushes the Flask image as `registry.nersc.gov/m1234/elvis/app:v1`. */
export function pushApp(shell: Shell, tag = 'v1'): void {
	runAll(shell, [
		`docker build -t app:${tag} .`,
		`docker tag app:${tag} ${PUSHED}:${tag}`,
		'docker login registry.nersc.gov',
		`docker push ${PUSHED}:${tag}`,
	]);
}
