import { describe, expect, it } from 'vitest';
import type { Shell } from '../../../../src/core/sim/shell.js';
import { deployment, makeShell, pushApp, run, runAll, workspace } from './setup.js';

const EXTRAS = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: demo
spec:
  storageClassName: nfs-client
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: networking.k8s.io/v1
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

/** A shell with the app pushed and deployed in namespace `demo`, plus a claim and an ingress. */
function deployed(): Shell {
	const sh = makeShell({ files: { ...workspace(), 'extras.yaml': EXTRAS } });
	pushApp(sh);
	runAll(sh, [
		'kubectl create namespace demo',
		'kubectl apply -f deploy.yaml',
		'kubectl apply -f extras.yaml',
	]);
	return sh;
}

/** The name of the first pod. */
function firstPod(sh: Shell): string {
	return sh.state.cluster.pods[0]?.name ?? '';
}

describe('kubectl get', () => {
	it('lists deployments, services, ingresses, claims, secrets, namespaces and events', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl get deployments -n demo').text).toMatch(
			/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2\s+2\s+2\s+\d+s$/
		);
		expect(run(sh, 'kubectl get svc -n demo').text).toMatch(
			/web\s+ClusterIP\s+10\.43\.\d+\.\d+\s+<none>\s+5000\/TCP/
		);
		expect(run(sh, 'kubectl get ingress -n demo').text).toMatch(
			/web\s+nginx\s+web\.demo\.development\.svc\.spin\.nersc\.org\s+80/
		);
		expect(run(sh, 'kubectl get pvc -n demo').text).toMatch(
			/data\s+Bound\s+pvc-[0-9a-f]{8}\s+1Gi\s+RWO\s+nfs-client/
		);
		expect(run(sh, 'kubectl get namespaces').text).toMatch(/default\s+Active[\s\S]*demo\s+Active/);
		expect(run(sh, 'kubectl get events -n demo').text).toMatch(
			/Normal\s+ScalingReplicaSet\s+deployment\/web/
		);
		run(sh, 'kubectl create secret generic creds --from-literal=password=s3cret -n demo');
		expect(run(sh, 'kubectl get secrets -n demo').text).toMatch(/creds\s+Opaque\s+1/);
	});

	it('shows one object by name, and reports a missing one', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl get deployment/web -n demo').text.split('\n')).toHaveLength(2);
		expect(run(sh, `kubectl get pod ${firstPod(sh)} -n demo`).text).toContain('Running');
		const missing = run(sh, 'kubectl get deployment nope -n demo');
		expect(missing.exitCode).toBe(1);
		expect(missing.text).toBe('Error from server (NotFound): deployments "nope" not found');
	});

	it('lists every namespace with -A and says when there is nothing', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl get pods -A').text.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY/);
		expect(run(sh, 'kubectl get pods').text).toBe('No resources found in default namespace.');
	});

	it('reports an unknown or a missing resource type', () => {
		const sh = makeShell();
		expect(run(sh, 'kubectl get widgets').text).toBe(
			'error: the server doesn\'t have a resource type "widgets"'
		);
		const none = run(sh, 'kubectl get');
		expect(none.exitCode).toBe(1);
		expect(none.text).toContain('you must specify the type of resource to get');
	});
});

describe('kubectl describe', () => {
	it('describes a pod with its containers and events', () => {
		const sh = deployed();
		const out = run(sh, `kubectl describe pod ${firstPod(sh)} -n demo`).text;
		expect(out).toMatch(/^Name:\s+web-/);
		expect(out).toMatch(/^Namespace:\s+demo$/m);
		expect(out).toMatch(/Image:\s+registry\.nersc\.gov\/m1234\/elvis\/app:v1/);
		expect(out).toMatch(/State:\s+Running/);
		expect(out).toMatch(/Events:\n\s+Type\s+Reason/);
		expect(out).toMatch(/Normal\s+Pulled\s+\d+s\s+kubelet\s+Successfully pulled image/);
	});

	it('describes a deployment, a service, an ingress and a claim', () => {
		const sh = deployed();
		const d = run(sh, 'kubectl describe deployment web -n demo').text;
		expect(d).toMatch(
			/Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable/
		);
		expect(d).toContain('deployment.kubernetes.io/revision: 1');
		expect(d).toMatch(/Image:\s+registry\.nersc\.gov\/m1234\/elvis\/app:v1/);
		expect(run(sh, 'kubectl describe service web -n demo').text).toMatch(
			/Port:\s+<unset>\s+5000\/TCP -> 5000/
		);
		expect(run(sh, 'kubectl describe ingress web -n demo').text).toContain(
			'web.demo.development.svc.spin.nersc.org/ -> web:5000'
		);
		expect(run(sh, 'kubectl describe pvc data -n demo').text).toMatch(/Status:\s+Bound/);
	});

	it('reports a missing object and a missing type', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl describe pod nope -n demo').text).toBe(
			'Error from server (NotFound): pods "nope" not found'
		);
		expect(run(sh, 'kubectl describe').exitCode).toBe(1);
	});
});

describe('kubectl logs and exec', () => {
	it('prints the start-up lines of a pod and of a deployment', () => {
		const sh = deployed();
		expect(run(sh, `kubectl logs ${firstPod(sh)} -n demo`).text).toContain(
			" * Serving Flask app 'app'"
		);
		const viaDeployment = run(sh, 'kubectl logs deployment/web -n demo').text;
		expect(viaDeployment).toMatch(/^Found 2 pods, using pod\/web-/);
		expect(run(sh, 'kubectl logs nope -n demo').text).toBe(
			'Error from server (NotFound): pods "nope" not found'
		);
		expect(run(sh, 'kubectl logs').exitCode).toBe(1);
	});

	it('explains why a waiting container has no logs', () => {
		const sh = makeShell();
		runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		const out = run(sh, `kubectl logs ${firstPod(sh)} -n demo`);
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('is waiting to start: trying and failing to pull image');
	});

	it('runs commands in a pod as its security context says', () => {
		const sh = deployed();
		const pod = firstPod(sh);
		expect(run(sh, `kubectl exec ${pod} -n demo -- id`).text).toBe(
			'uid=10001 gid=0(root) groups=0(root)'
		);
		expect(run(sh, `kubectl exec -n demo ${pod} -- printenv WHO`).text).toBe('elvis');
		expect(run(sh, `kubectl exec ${pod} -n demo -- ls /app`).text).toBe('app.py  requirements.txt');
		expect(run(sh, 'kubectl exec deployment/web -n demo -- pwd').text).toContain('/app');
		const failing = run(sh, `kubectl exec ${pod} -n demo -- cat /nope`);
		expect(failing.exitCode).toBe(1);
		expect(failing.text).toBe(
			'cat: /nope: No such file or directory\ncommand terminated with exit code 1'
		);
	});

	it('mounts secret volumes as files', () => {
		const text = deployment()
			.replace(
				'          securityContext:\n            runAsNonRoot',
				'          volumeMounts:\n            - name: creds\n              mountPath: /secrets\n              readOnly: true\n          securityContext:\n            runAsNonRoot'
			)
			.replace(
				'      containers:',
				'      volumes:\n        - name: creds\n          secret:\n            secretName: creds\n            defaultMode: 0444\n      containers:'
			);
		const sh = makeShell({ files: { ...workspace(), 'deploy.yaml': text } });
		pushApp(sh);
		runAll(sh, [
			'kubectl create namespace demo',
			'kubectl create secret generic creds --from-literal=password=s3cret -n demo',
			'kubectl apply -f deploy.yaml',
		]);
		expect(run(sh, `kubectl exec ${firstPod(sh)} -n demo -- cat /secrets/password`).text).toBe(
			's3cret'
		);
	});

	it('refuses exec without --, into a waiting container, and of a missing program', () => {
		const sh = deployed();
		const pod = firstPod(sh);
		expect(run(sh, `kubectl exec ${pod} -n demo ls`).text).toContain(
			'Use exec [POD] -- [COMMAND] instead'
		);
		expect(run(sh, `kubectl exec ${pod} -n demo`).text).toContain(
			'you must specify at least one command'
		);
		expect(run(sh, `kubectl exec ${pod} -n demo -- vim`).text).toContain(
			'executable file not found in $PATH'
		);
		expect(run(sh, 'kubectl exec -n demo -- ls').exitCode).toBe(1);
		const waiting = makeShell();
		runAll(waiting, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		const out = run(waiting, `kubectl exec ${firstPod(waiting)} -n demo -- ls`);
		expect(out.exitCode).toBe(1);
		expect(out.text).toBe('error: unable to upgrade connection: container not found ("app")');
	});
});

describe('kubectl create and delete', () => {
	it('creates a namespace once, with a valid name', () => {
		const sh = makeShell();
		expect(run(sh, 'kubectl create namespace demo').text).toBe('namespace/demo created');
		expect(run(sh, 'kubectl create namespace demo').text).toBe(
			'Error from server (AlreadyExists): namespaces "demo" already exists'
		);
		expect(run(sh, 'kubectl create namespace Demo_1').text).toContain('is invalid');
		expect(run(sh, 'kubectl create namespace').exitCode).toBe(1);
		expect(run(sh, 'kubectl create ns other').exitCode).toBe(0);
	});

	it('creates generic secrets from literals and workspace files', () => {
		const sh = makeShell({ files: { 'mongo-password': 'pw\n' } });
		run(sh, 'kubectl create namespace demo');
		expect(
			run(sh, 'kubectl -n demo create secret generic db --from-file=password=./mongo-password').text
		).toBe('secret/db created');
		expect(run(sh, 'kubectl create secret generic db -n demo').exitCode).toBe(1);
		expect(run(sh, 'kubectl create secret generic x --from-file=nope -n demo').text).toContain(
			'no such file'
		);
		expect(
			run(sh, 'kubectl create secret generic y --from-literal=novalue -n demo').text
		).toContain('expected key=value');
		expect(run(sh, 'kubectl create secret generic z -n nowhere').text).toContain(
			'namespaces "nowhere" not found'
		);
	});

	it('deletes by type and name, or by file', () => {
		const sh = deployed();
		expect(run(sh, 'kubectl delete service web -n demo').text).toBe('service/web deleted');
		expect(run(sh, 'kubectl delete -f deploy.yaml').text).toContain('deployment.apps/web deleted');
		expect(sh.state.cluster.pods).toEqual([]);
		expect(run(sh, 'kubectl delete deployment web -n demo').exitCode).toBe(1);
		expect(run(sh, 'kubectl delete deployment -n demo').text).toContain('no name was specified');
		expect(run(sh, 'kubectl delete namespace demo').text).toBe('namespace/demo deleted');
		expect(sh.state.cluster.objects.some((o) => o.namespace === 'demo')).toBe(false);
	});
});
