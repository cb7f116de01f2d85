import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../src/core/dockerfile/parse.js';
import { exposedPorts } from '../../../src/core/rules/dockerfile/ports.js';
import { parseImage } from '../../../src/core/yaml/values.js';
import { repoRoot } from '../helpers/center.js';
import {
	at,
	listAt,
	onlyObject,
	readRepoFile,
	spinManifestFiles,
	spinObjects,
	type Manifest,
} from './files.js';

/**
 * The image and the manifests agree with each other: the port nginx listens on is the one the
 * Dockerfile EXPOSEs and every manifest uses, nginx writes only where the pod mounts a volume,
 * the probes fetch a file the image contains, and the kustomization edits what it means to.
 */

/** The directives of an nginx configuration as `[name, ...arguments]`, comments removed. */
function nginxDirectives(text: string): string[][] {
	const bare = text.replace(/#[^\n]*/g, '');
	return bare
		.split(/[;{}]/)
		.map((statement) => statement.trim().split(/\s+/))
		.filter((words) => words[0] !== undefined && words[0] !== '');
}

/** The arguments of every directive with this name. */
function directiveArgs(text: string, name: string): string[][] {
	return nginxDirectives(text)
		.filter((words) => words[0] === name)
		.map((words) => words.slice(1));
}

const dockerfileText = readRepoFile('Dockerfile');
const dockerfile = parseDockerfile(dockerfileText);
const siteConf = readRepoFile('deploy/nginx/default.conf');
const mainConf = readRepoFile('deploy/nginx/nginx.conf');
const objects = spinObjects();
const deployment = onlyObject(objects, 'Deployment');
const service = onlyObject(objects, 'Service');
const ingress = onlyObject(objects, 'Ingress');
const kustomization = onlyObject(objects, 'Kustomization');
const pod = at(deployment, 'spec', 'template');
const containers = listAt(pod, 'spec', 'containers') as Manifest[];
const web = containers[0] as Manifest;

/** The container port that a number or a port name stands for in the web container. */
function containerPort(ref: unknown): number | undefined {
	const ports = listAt(web, 'ports') as Manifest[];
	if (typeof ref === 'number')
		return ports.some((p) => p['containerPort'] === ref) ? ref : undefined;
	const named = ports.find((p) => p['name'] === ref);
	return typeof named?.['containerPort'] === 'number' ? named['containerPort'] : undefined;
}

/** The final stage's instructions of one keyword. */
function finalStage(keyword: string) {
	const last = dockerfile.stages[dockerfile.stages.length - 1];
	return (last?.instructions ?? []).filter((ins) => ins.keyword === keyword);
}

describe('one port from nginx to the ingress', () => {
	const listen = directiveArgs(siteConf, 'listen').map((args) => Number(args[0]));
	const port = listen[0];

	test('nginx listens on one unprivileged port', () => {
		expect(listen).toHaveLength(1);
		expect(port).toBeGreaterThan(1024);
	});

	test('the Dockerfile exposes that port and only that one', () => {
		expect(exposedPorts(dockerfile).map(({ first, last }) => [first, last])).toEqual([
			[port, port],
		]);
	});

	test('the Deployment runs one container that declares that port', () => {
		expect(containers).toHaveLength(1);
		expect((listAt(web, 'ports') as Manifest[]).map((p) => p['containerPort'])).toEqual([port]);
	});

	test('both probes ask that port for a file the image build writes', () => {
		for (const probe of ['readinessProbe', 'livenessProbe']) {
			expect(containerPort(at(web, probe, 'httpGet', 'port'))).toBe(port);
			const probePath = at(web, probe, 'httpGet', 'path');
			expect(typeof probePath).toBe('string');
			expect(dockerfileText).toContain(`> dist${String(probePath)}`);
			expect(directiveArgs(siteConf, 'location')).toContainEqual(['=', probePath]);
		}
	});

	test('the Service selects the pods and forwards to that port', () => {
		const labels = at(pod, 'metadata', 'labels') as Manifest;
		expect(at(deployment, 'spec', 'selector', 'matchLabels')).toEqual(labels);
		expect(labels).toMatchObject(at(service, 'spec', 'selector') as Manifest);
		const ports = listAt(service, 'spec', 'ports') as Manifest[];
		expect(ports).toHaveLength(1);
		expect(containerPort(ports[0]?.['targetPort'])).toBe(port);
	});

	test('the Ingress sends its traffic to that Service port', () => {
		const paths = listAt(ingress, 'spec', 'rules', 0, 'http', 'paths');
		expect(paths).toHaveLength(1);
		const backend = at(paths[0], 'backend', 'service') as Manifest;
		expect(backend['name']).toBe(at(service, 'metadata', 'name'));
		const servicePort = listAt(service, 'spec', 'ports')[0] as Manifest;
		const wanted = at(backend, 'port');
		expect(
			at(wanted, 'name') === servicePort['name'] || at(wanted, 'number') === servicePort['port']
		).toBe(true);
	});
});

describe('a read-only root file system', () => {
	test('the container asks for it', () => {
		expect(at(web, 'securityContext', 'readOnlyRootFilesystem')).toBe(true);
	});

	test('nginx writes only below directories the pod mounts as emptyDir volumes', () => {
		const emptyDirs = new Set(
			(listAt(pod, 'spec', 'volumes') as Manifest[])
				.filter((volume) => volume['emptyDir'] !== undefined)
				.map((volume) => volume['name'])
		);
		const mounts = (listAt(web, 'volumeMounts') as Manifest[])
			.filter((mount) => emptyDirs.has(mount['name']) && mount['readOnly'] !== true)
			.map((mount) => String(mount['mountPath']));
		const written = nginxDirectives(mainConf)
			.filter(([name]) => name === 'pid' || name?.endsWith('_temp_path'))
			.map((words) => words[1] ?? '');
		expect(written).toHaveLength(6);
		for (const file of written) {
			expect(mounts.some((mount) => file.startsWith(`${mount}/`))).toBe(true);
		}
	});
});

describe('the user', () => {
	test('the image and the pod run as the same numeric, non-root user', () => {
		const users = finalStage('USER').map((ins) => ins.argsText.trim());
		expect(users).toHaveLength(1);
		const [uid, gid] = (users[0] ?? '').split(':').map(Number);
		expect(uid).toBeGreaterThan(0);
		for (const context of [at(pod, 'spec', 'securityContext'), at(web, 'securityContext')]) {
			expect(context).toMatchObject({ runAsNonRoot: true, runAsUser: uid, runAsGroup: gid });
		}
	});
});

/** Tells whether a path of the build context is excluded by a `.dockerignore` pattern. */
function ignored(file: string, patterns: readonly string[]): boolean {
	const parts = file.split('/');
	const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
	return patterns.some((pattern) => {
		const source = pattern
			.replace(/^\/+|\/+$/g, '')
			.split('**')
			.map((piece) =>
				piece
					.split('*')
					.map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
					.join('[^/]*')
			)
			.join('.*');
		const regex = new RegExp(`^${source}$`);
		return prefixes.some((prefix) => regex.test(prefix));
	});
}

describe('the build context', () => {
	const patterns = readRepoFile('.dockerignore')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));

	test('every file the Dockerfile copies from the context exists and is not ignored', () => {
		const sources = dockerfile.instructions
			.filter((ins) => ins.keyword === 'COPY' && !ins.flags.some((f) => f.name === 'from'))
			.flatMap((ins) => ins.args.slice(0, -1).map((word) => word.value))
			.filter((source) => source !== '.');
		expect(sources).toEqual(
			expect.arrayContaining([
				'package.json',
				'package-lock.json',
				'deploy/nginx/nginx.conf',
				'deploy/nginx/default.conf',
			])
		);
		for (const source of sources) {
			expect(existsSync(path.join(repoRoot, source))).toBe(true);
			expect(ignored(source, patterns)).toBe(false);
		}
	});

	test('what the build makes again or must not ship stays out', () => {
		for (const file of [
			'node_modules/astro/package.json',
			'dist/index.html',
			'.git/HEAD',
			'.env',
		]) {
			expect(ignored(file, patterns)).toBe(true);
		}
		for (const file of ['src/pages/index.astro', 'content/center.yaml', 'keys/jwks.json']) {
			expect(ignored(file, patterns)).toBe(false);
		}
	});
});

describe('the kustomization', () => {
	test('lists every other manifest of the folder', () => {
		const others = spinManifestFiles()
			.map((file) => path.basename(file))
			.filter((name) => name !== 'kustomization.yaml');
		expect([...(listAt(kustomization, 'resources') as string[])].sort()).toEqual(others);
	});

	test('its image entry names the image of the Deployment', () => {
		const image = parseImage(String(at(web, 'image')));
		const name = `${image.registry ?? ''}/${image.repository}`;
		expect(listAt(kustomization, 'images').map((entry) => at(entry, 'name'))).toEqual([name]);
		expect(image.tag).toBe(at(kustomization, 'images', 0, 'newTag'));
	});

	test('its namespace is the one the committed ingress host names', () => {
		const host = String(at(ingress, 'spec', 'rules', 0, 'host'));
		expect(host.split('.')[0]).toBe(at(ingress, 'metadata', 'name'));
		expect(host.split('.')[1]).toBe(at(kustomization, 'namespace'));
	});

	test('its replacement writes the namespace into that label of the ingress host', () => {
		expect(listAt(kustomization, 'replacements')).toEqual([
			{
				source: { kind: 'Ingress', name: 'spinup', fieldPath: 'metadata.namespace' },
				targets: [
					{
						select: { kind: 'Ingress', name: 'spinup' },
						fieldPaths: ['spec.rules.0.host'],
						options: { delimiter: '.', index: 1 },
					},
				],
			},
		]);
		expect(at(ingress, 'metadata', 'name')).toBe('spinup');
	});
});
