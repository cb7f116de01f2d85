import { describe, expect, test } from 'vitest';
import { lines, runOn } from './check-helpers.js';

const k8s = (check: Parameters<typeof runOn>[1], text: string) => runOn('k8s', check, text);

const app = lines(
	'apiVersion: v1',
	'kind: PersistentVolumeClaim',
	'metadata: {name: data, namespace: demo}',
	'spec: {storageClassName: nfs-client, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
	'---',
	'apiVersion: apps/v1',
	'kind: Deployment',
	'metadata: {name: web, namespace: demo}',
	'spec:',
	'  replicas: 2',
	'  selector: {matchLabels: {app: web}}',
	'  template:',
	'    metadata: {labels: {app: web, tier: front}}',
	'    spec:',
	'      securityContext: {runAsNonRoot: true, runAsUser: 54321, fsGroup: 60123}',
	'      imagePullSecrets: [{name: registry-nersc}]',
	'      initContainers:',
	'        - name: init',
	'          image: registry.nersc.gov/m1234/alice/init:v1',
	'          securityContext: {capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false, runAsUser: 1000}',
	'      containers:',
	'        - name: web',
	'          image: registry.nersc.gov/m1234/alice/web:v1',
	'          ports: [{name: http, containerPort: 8080}]',
	'          env:',
	'            - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}',
	'            - {name: DB_PASSWORD_FILE, value: /secrets/db/password}',
	'            - {name: PLAIN, value: hunter2}',
	'          volumeMounts:',
	'            - {name: data, mountPath: /data}',
	'            - {name: cells, mountPath: /srv, readOnly: true}',
	'            - {name: creds, mountPath: /secrets/db}',
	'          securityContext:',
	'            capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CAP_CHOWN]}',
	'            allowPrivilegeEscalation: false',
	'      volumes:',
	'        - {name: data, persistentVolumeClaim: {claimName: data}}',
	'        - {name: cells, hostPath: {path: /global/cfs/cdirs/m1234/cells, type: Directory}}',
	'        - {name: creds, secret: {secretName: db}}',
	'---',
	'apiVersion: v1',
	'kind: Service',
	'metadata: {name: web, namespace: demo}',
	'spec:',
	'  selector: {app: web}',
	'  ports: [{name: http, port: 80, targetPort: http}]',
	'---',
	'apiVersion: networking.k8s.io/v1',
	'kind: Ingress',
	'metadata: {name: www, namespace: demo}',
	'spec:',
	'  rules:',
	'    - host: www.demo.development.svc.spin.nersc.org',
	'      http:',
	'        paths:',
	'          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}'
);

describe('k8s-object', () => {
	test('finds kinds and names, and limits replicas', () => {
		expect(k8s({ type: 'k8s-object', kind: ['StatefulSet', 'Deployment'] }, app).passed).toBe(true);
		expect(k8s({ type: 'k8s-object', kind: 'Ingress', name: 'www' }, app).passed).toBe(true);
		expect(k8s({ type: 'k8s-object', kind: 'CronJob' }, app).passed).toBe(false);
		const replicas = k8s({ type: 'k8s-object', kind: 'Deployment', maxReplicas: 1 }, app);
		expect(replicas.passed).toBe(false);
		expect(replicas.range?.start.line).toBe(10);
	});
	test('opens kind: List wrappers', () => {
		const list = lines(
			'apiVersion: v1',
			'kind: List',
			'items:',
			'  - {apiVersion: v1, kind: Service, metadata: {name: s}}'
		);
		expect(k8s({ type: 'k8s-object', kind: 'Service' }, list).passed).toBe(true);
	});
});

describe('k8s-image and k8s-pull-secret', () => {
	test('check every container, init containers included', () => {
		expect(k8s({ type: 'k8s-image', registry: 'registry.nersc.gov' }, app).passed).toBe(true);
		expect(k8s({ type: 'k8s-image', pattern: '/\\/web:v1$/' }, app).passed).toBe(false);
		expect(k8s({ type: 'k8s-pull-secret' }, app).passed).toBe(true);
		expect(k8s({ type: 'k8s-pull-secret', name: 'other' }, app).passed).toBe(false);
		const hub = app.replace('registry.nersc.gov/m1234/alice/init:v1', 'busybox:1.36');
		expect(k8s({ type: 'k8s-image', registry: 'registry.nersc.gov' }, hub).passed).toBe(false);
	});
});

describe('k8s-container-port', () => {
	test('finds a declared port', () => {
		expect(k8s({ type: 'k8s-container-port', port: 8080 }, app).passed).toBe(true);
		expect(k8s({ type: 'k8s-container-port', port: 80 }, app).passed).toBe(false);
	});
});

describe('k8s-security', () => {
	test('uses pod values where a container sets none, container values first', () => {
		expect(k8s({ type: 'k8s-security', field: 'runAsNonRoot', equals: true }, app).passed).toBe(
			true
		);
		expect(k8s({ type: 'k8s-security', field: 'fsGroup', equals: '60123' }, app).passed).toBe(true);
		const uid = k8s({ type: 'k8s-security', field: 'runAsUser', equals: '54321' }, app);
		expect(uid.passed).toBe(false);
		expect(uid.message).toContain('init container `init`');
		expect(
			k8s({ type: 'k8s-security', field: 'runAsUser', equals: '54321', container: 'web' }, app)
				.passed
		).toBe(true);
	});
	test('compares capability lists, with the CAP_ prefix ignored', () => {
		expect(
			k8s({ type: 'k8s-security', field: 'capabilities.drop', contains: ['ALL'] }, app).passed
		).toBe(true);
		expect(
			k8s(
				{ type: 'k8s-security', field: 'capabilities.add', subsetOf: 'center', optional: true },
				app
			).passed
		).toBe(true);
		expect(
			k8s(
				{
					type: 'k8s-security',
					field: 'capabilities.add',
					subsetOf: ['NET_BIND_SERVICE'],
					optional: true,
				},
				app
			).passed
		).toBe(false);
		expect(
			k8s(
				{ type: 'k8s-security', field: 'capabilities.add', contains: ['CHOWN'], container: 'web' },
				app
			).passed
		).toBe(true);
		expect(
			k8s({ type: 'k8s-security', field: 'capabilities.add', contains: ['CHOWN'] }, app).passed
		).toBe(false);
	});
	test('treats a missing field as a failure unless optional', () => {
		expect(k8s({ type: 'k8s-security', field: 'privileged', equals: false }, app).passed).toBe(
			false
		);
		expect(
			k8s({ type: 'k8s-security', field: 'privileged', equals: false, optional: true }, app).passed
		).toBe(true);
		expect(
			k8s({ type: 'k8s-security', field: 'allowPrivilegeEscalation', equals: false }, app).passed
		).toBe(true);
	});
});

describe('k8s-volume', () => {
	test('finds claims with a Spin storage class and hostPaths with their settings', () => {
		expect(
			k8s(
				{
					type: 'k8s-volume',
					source: 'persistentVolumeClaim',
					mountPath: '/data/',
					spinStorageClass: true,
				},
				app
			).passed
		).toBe(true);
		expect(
			k8s(
				{
					type: 'k8s-volume',
					source: 'hostPath',
					mountPath: '/srv',
					hostPath: '/^\\/global\\//',
					hostPathType: 'Directory',
					readOnly: true,
				},
				app
			).passed
		).toBe(true);
		expect(
			k8s({ type: 'k8s-volume', source: 'secret', mountPath: '/secrets/db', readOnly: true }, app)
				.passed
		).toBe(false);
		expect(k8s({ type: 'k8s-volume', source: 'hostPath', mountPath: '/data' }, app).passed).toBe(
			false
		);
		const other = app.replace('storageClassName: nfs-client', 'storageClassName: standard');
		const cls = k8s(
			{ type: 'k8s-volume', source: 'persistentVolumeClaim', spinStorageClass: true },
			other
		);
		expect(cls.passed).toBe(false);
		expect(cls.message).toContain('standard');
	});
	test('follows StatefulSet claim templates', () => {
		const sts = lines(
			'apiVersion: apps/v1',
			'kind: StatefulSet',
			'metadata: {name: db}',
			'spec:',
			'  template:',
			'    spec:',
			'      containers:',
			'        - {name: db, image: mongo:7.0, volumeMounts: [{name: data, mountPath: /data/db}]}',
			'  volumeClaimTemplates:',
			'    - metadata: {name: data}',
			'      spec: {storageClassName: nfs-client-vast}'
		);
		expect(
			k8s(
				{
					type: 'k8s-volume',
					source: 'persistentVolumeClaim',
					mountPath: '/data/db',
					spinStorageClass: true,
				},
				sts
			).passed
		).toBe(true);
	});
});

describe('k8s-secret-env', () => {
	test('accepts secretKeyRef and a _FILE inside a Secret mount, not a literal', () => {
		expect(k8s({ type: 'k8s-secret-env', name: 'TOKEN' }, app).passed).toBe(true);
		expect(k8s({ type: 'k8s-secret-env', name: 'DB_PASSWORD' }, app).passed).toBe(true);
		const plain = k8s({ type: 'k8s-secret-env', name: 'PLAIN' }, app);
		expect(plain.passed).toBe(false);
		expect(plain.range?.start.line).toBe(28);
	});
	test('accepts envFrom a Secret', () => {
		const text = lines(
			'apiVersion: v1',
			'kind: Pod',
			'metadata: {name: p}',
			'spec:',
			'  containers:',
			'    - {name: c, image: a:1, envFrom: [{secretRef: {name: s}}]}'
		);
		expect(k8s({ type: 'k8s-secret-env', name: 'ANY' }, text).passed).toBe(true);
	});
});

describe('k8s-ingress-host', () => {
	test('needs <name>.<namespace>.<cluster>.svc.spin.nersc.org', () => {
		expect(k8s({ type: 'k8s-ingress-host' }, app).passed).toBe(true);
		expect(
			k8s(
				{ type: 'k8s-ingress-host' },
				app.replace('www.demo.development', 'www.other.development')
			).passed
		).toBe(false);
		expect(
			k8s({ type: 'k8s-ingress-host' }, app.replace('www.demo.development', 'web.demo.development'))
				.passed
		).toBe(false);
		expect(
			k8s({ type: 'k8s-ingress-host' }, app.replace('www.demo.development', 'www.demo.staging'))
				.passed
		).toBe(false);
	});
});

describe('k8s-route', () => {
	test('follows Ingress → Service port → selector → named container port', () => {
		expect(k8s({ type: 'k8s-route' }, app).passed).toBe(true);
	});
	test('fails a missing Service, a wrong port, a selector that matches nothing and a target no container has', () => {
		expect(
			k8s({ type: 'k8s-route' }, app.replace('service: {name: web,', 'service: {name: site,'))
				.message
		).toContain('not defined');
		expect(
			k8s({ type: 'k8s-route' }, app.replace('port: {number: 80}', 'port: {number: 8080}')).message
		).toContain('no port');
		expect(
			k8s({ type: 'k8s-route' }, app.replace('selector: {app: web}', 'selector: {app: www}'))
				.message
		).toContain('matches no pod');
		expect(
			k8s({ type: 'k8s-route' }, app.replace('targetPort: http', 'targetPort: 9000')).message
		).toContain('9000');
	});
});
