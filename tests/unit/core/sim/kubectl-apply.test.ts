import { describe, expect, it } from 'vitest';
import { deployment, makeShell, pushApp, repoFile, run, runAll, workspace } from './setup.js';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: demo
spec:
  ingressClassName: nginx
  rules:
    - host: web.demo.development.svc.spin.nersc.org
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 5000
`;

describe('kubectl apply', () => {
	it('creates the objects of a manifest, then reports them unchanged or configured', () => {
		const sh = makeShell();
		run(sh, 'kubectl create namespace demo');
		const first = run(sh, 'kubectl apply -f deploy.yaml');
		expect(first.exitCode).toBe(0);
		expect(first.text).toBe('deployment.apps/web created\nservice/web created');
		expect(run(sh, 'kubectl apply -f deploy.yaml').text).toBe(
			'deployment.apps/web unchanged\nservice/web unchanged'
		);
		sh.setFiles({
			...workspace(),
			'deploy.yaml': deployment().replace('replicas: 2', 'replicas: 3'),
		});
		expect(run(sh, 'kubectl apply -f deploy.yaml').text).toBe(
			'deployment.apps/web configured\nservice/web unchanged'
		);
	});

	it("refuses a manifest that breaks a Spin rule, printing the validator's findings", () => {
		const sh = makeShell({
			files: { 'deploy.yaml': deployment().replace('drop: [ALL]', 'add: [SYS_ADMIN]') },
		});
		run(sh, 'kubectl create namespace demo');
		const out = run(sh, 'kubectl apply -f deploy.yaml');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('Error from server (Forbidden): error when creating "deploy.yaml"');
		expect(out.text).toMatch(/error\s+deploy\.yaml:\d+\s+k8s\/cap-drop-all/);
		expect(out.text).toMatch(/error\s+deploy\.yaml:\d+\s+k8s\/cap-add-allowed/);
		expect(sh.state.cluster.objects.filter((o) => o.kind !== 'Namespace')).toEqual([]);
	});

	it("refuses an ingress host outside Spin's pattern and accepts the right one", () => {
		const sh = makeShell({
			files: {
				'good.yaml': INGRESS,
				'bad.yaml': INGRESS.replace('web.demo.development.svc.spin.nersc.org', 'web.example.org'),
			},
		});
		run(sh, 'kubectl create namespace demo');
		const bad = run(sh, 'kubectl apply -f bad.yaml');
		expect(bad.exitCode).toBe(1);
		expect(bad.text).toContain('k8s/ingress-host');
		expect(run(sh, 'kubectl apply -f good.yaml').text).toBe(
			'ingress.networking.k8s.io/web created'
		);
	});

	it('prints warnings and still applies', () => {
		const sh = makeShell({ files: { 'deploy.yaml': deployment('nginx:latest') } });
		run(sh, 'kubectl create namespace demo');
		const out = run(sh, 'kubectl apply -f deploy.yaml');
		expect(out.exitCode).toBe(0);
		expect(out.text).toMatch(/^Warning: deploy\.yaml:\d+: .*\[k8s\/image-tag\]/m);
		expect(out.text).toContain('deployment.apps/web created');
	});

	it('reports YAML that cannot be parsed', () => {
		const sh = makeShell({ files: { 'deploy.yaml': 'kind: Deployment\n  bad: [indent\n' } });
		const out = run(sh, 'kubectl apply -f deploy.yaml');
		expect(out.exitCode).toBe(1);
		expect(out.text).toMatch(/^error: error parsing deploy\.yaml: line \d+/);
	});

	it('needs -f, an existing file, and an existing namespace', () => {
		const sh = makeShell();
		expect(run(sh, 'kubectl apply').text).toContain('error: must specify one of -f and -k');
		expect(run(sh, 'kubectl apply -f nope.yaml').text).toBe(
			'error: the path "nope.yaml" does not exist'
		);
		const ns = run(sh, 'kubectl apply -f deploy.yaml');
		expect(ns.exitCode).toBe(1);
		expect(ns.text).toContain('namespaces "demo" not found');
		expect(run(sh, 'kubectl apply -f deploy.yaml extra').text).toContain('Unexpected args');
	});

	it('refuses objects without kind, apiVersion or name, of unknown kinds, or in another namespace than -n', () => {
		const sh = makeShell({
			files: {
				'nokind.yaml': 'metadata:\n  name: x\n',
				'noname.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n',
				'crd.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
				'deploy.yaml': deployment(),
			},
		});
		runAll(sh, ['kubectl create namespace demo', 'kubectl create namespace other']);
		const nokind = run(sh, 'kubectl apply -f nokind.yaml');
		expect(nokind.exitCode).toBe(1);
		expect(nokind.text).toContain('kind');
		expect(run(sh, 'kubectl apply -f noname.yaml').text).toContain(
			'resource name may not be empty'
		);
		expect(run(sh, 'kubectl apply -f crd.yaml').text).toContain(
			'no matches for kind "Widget" in version "example.com/v1"'
		);
		const mismatch = run(sh, 'kubectl apply -f deploy.yaml -n other');
		expect(mismatch.exitCode).toBe(1);
		expect(mismatch.text).toContain(
			'the namespace from the provided object "demo" does not match the namespace "other"'
		);
	});

	it('opens kind: List and applies every file of a directory', () => {
		const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: settings\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: token\n    stringData:\n      token: abc\n`;
		const sh = makeShell({
			files: {
				'k8s/list.yaml': list,
				'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n',
				'k8s/readme.txt': 'not yaml',
			},
		});
		const out = run(sh, 'kubectl apply -f k8s');
		expect(out.exitCode).toBe(0);
		const applied = out.text.split('\n').filter((line) => !line.startsWith('Warning: '));
		expect(applied).toEqual([
			'configmap/settings created',
			'secret/token created',
			'namespace/extra created',
		]);
	});

	it('applies the exercise solutions', () => {
		for (const exercise of [
			'workload-ingress',
			'db-volume-secret',
			'capstone',
			'drop-capabilities',
		]) {
			const text = repoFile(`exercises/${exercise}/solution/deploy.yaml`);
			const sh = makeShell({ files: { 'deploy.yaml': text } });
			for (const ns of new Set([...text.matchAll(/namespace: (\S+)/g)].map((m) => m[1] ?? '')))
				run(sh, `kubectl create namespace ${ns}`);
			const out = run(sh, 'kubectl apply -f deploy.yaml');
			expect(out.exitCode, `${exercise}:\n${out.text}`).toBe(0);
		}
	});

	it('is also reachable as rancher kubectl, with -n before the sub-command', () => {
		const sh = makeShell();
		expect(run(sh, 'rancher kubectl create namespace demo').text).toBe('namespace/demo created');
		expect(run(sh, 'rancher kubectl -n demo apply -f deploy.yaml').exitCode).toBe(0);
		expect(run(sh, 'kubectl -n demo get deployments').text).toContain('web');
	});
});

describe('pods of a Deployment', () => {
	it('run when the image was pushed and the pull secret is listed', () => {
		const sh = makeShell();
		pushApp(sh);
		runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		const pods = run(sh, 'kubectl get pods -n demo').text.split('\n');
		expect(pods[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
		expect(pods.slice(1)).toHaveLength(2);
		for (const line of pods.slice(1))
			expect(line).toMatch(/^web-[a-z0-9]{10}-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\d+s$/);
	});

	it('fail to pull an image that was never pushed, or that only exists locally', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app:v1 .');
		run(sh, 'kubectl create namespace demo');
		run(sh, 'kubectl apply -f deploy.yaml');
		expect(run(sh, 'kubectl get pods -n demo').text).toContain('ErrImagePull');
		expect(run(sh, 'kubectl get events -n demo').text).toContain('not found (push it first');
		sh.setFiles({ 'deploy.yaml': deployment('app:v1') });
		run(sh, 'kubectl apply -f deploy.yaml');
		expect(run(sh, 'kubectl get events -n demo').text).toContain(
			'exists only in your local Docker engine'
		);
	});

	it('fail to pull a private image without the pull secret', () => {
		const text = deployment().replace(/ {6}imagePullSecrets:\n {8}- name: registry-nersc\n/, '');
		expect(text).not.toContain('imagePullSecrets');
		const sh = makeShell({ files: { ...workspace(), 'deploy.yaml': text } });
		pushApp(sh);
		runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		expect(run(sh, 'kubectl get events -n demo').text).toContain(
			'imagePullSecrets: [{name: registry-nersc}]'
		);
	});

	it('are refused by the kubelet when runAsNonRoot meets an image that runs as root', () => {
		const text = deployment('nginx:1.27').replace('            runAsUser: 10001\n', '');
		const sh = makeShell({ files: { 'deploy.yaml': text } });
		runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		expect(run(sh, 'kubectl get pods -n demo').text).toContain('CreateContainerConfigError');
		expect(run(sh, 'kubectl get events -n demo').text).toContain(
			'container has runAsNonRoot and image will run as root'
		);
	});

	it('crash when the program cannot start, and read values from a Secret', () => {
		const text = deployment('python:3.12-slim').replace(
			'          env:\n            - name: WHO\n              value: elvis\n',
			'          command: ["python", "/app/missing.py"]\n          env:\n            - name: WHO\n              valueFrom:\n                secretKeyRef:\n                  name: who\n                  key: name\n'
		);
		const sh = makeShell({ files: { 'deploy.yaml': text } });
		runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		expect(run(sh, 'kubectl get events -n demo').text).toContain('secret "who" not found');
		runAll(sh, [
			'kubectl create secret generic who --from-literal=name=elvis -n demo',
			'kubectl rollout restart deployment/web -n demo',
		]);
		expect(run(sh, 'kubectl get pods -n demo').text).toContain('CrashLoopBackOff');
		const pod = sh.state.cluster.pods.find((p) => p.containers[0]?.phase === 'CrashLoopBackOff');
		expect(pod?.containers[0]?.env).toContain('WHO=elvis');
	});
});
