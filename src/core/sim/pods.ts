import type { Center } from '../center.js';
import { hashString } from '../hash.js';
import { baseImage, publicImageExists } from './bases.js';
import { addEvent, findObject } from './cluster.js';
import type { Engine } from './engine.js';
import { cloneTree, mkdirp, writeFile } from './fs.js';
import { asString, decodeBase64, objects, path, text, type Json } from './kube-data.js';
import { readImageName } from './refs.js';
import { processContext } from './runtime.js';
import { launch } from './startup.js';
import type { Image, Pod, PodContainer } from './types.js';

/**
 * Pods of the simulated cluster: each container's image is pulled (from the simulated NERSC
 * registry or a public one), its security context checked as the kubelet does, its variables
 * and secret volumes filled in, and its main process started.
 */

/** What creating a pod needs. */
export interface PodRequest {
	namespace: string;
	owner: string;
	revision: number;
	name: string;
	/** `spec.template` (or a Pod manifest): `metadata` and `spec`. */
	template: Json;
}

type Pulled = { image: Image } | { reason: string };

/** Pulls a container image as the kubelet would. */
function pull(engine: Engine, center: Center, ref: string, secrets: string[]): Pulled {
	const name = readImageName(ref);
	if ('error' in name)
		return {
			reason: `Failed to apply default image tag "${ref}": couldn't parse image name "${ref}": ${name.error}`,
		};
	const store = engine.state.store;
	const { nersc, legacy, pullSecret } = center.registries;
	if (name.host === nersc || name.host === legacy) {
		const id = store.registry[name.ref];
		const image = id ? store.images[id] : undefined;
		if (!image)
			return {
				reason: `Failed to pull image "${ref}": ${name.full}: not found (push it first: docker push ${name.ref})`,
			};
		if (!secrets.includes(pullSecret)) {
			return {
				reason: `Failed to pull image "${ref}": 401 Unauthorized: the project's images are private; list imagePullSecrets: [{name: ${pullSecret}}] in the pod spec`,
			};
		}
		return { image };
	}
	if (!publicImageExists(name)) {
		const local = store.tags[name.ref]
			? ` (${name.ref} exists only in your local Docker engine; the cluster pulls from a registry: tag it for ${nersc} and push it)`
			: '';
		return {
			reason: `Failed to pull image "${ref}": pull access denied, repository does not exist or may require authorization${local}`,
		};
	}
	const base = baseImage(name);
	return {
		image: {
			id: hashString(`pulled:${name.full}`),
			base: name.full,
			steps: [],
			config: base.config,
			files: base.files,
			size: base.size,
			created: 0,
		},
	};
}

/** A security-context value: the container's, else the pod's. */
function security(container: Json, pod: Json, key: string): unknown {
	return path(container, 'securityContext', key) ?? path(pod, 'securityContext', key);
}

/** Why the kubelet refuses to start a container for `runAsNonRoot`, or `null`. */
function nonRootProblem(image: Image, runAsUser: unknown, runAsNonRoot: unknown): string | null {
	if (runAsNonRoot !== true) return null;
	if (runAsUser !== undefined)
		return Number(runAsUser) === 0 ? "container's runAsUser breaks non-root policy" : null;
	const user = (image.config.user.split(':')[0] ?? '').trim();
	if (user === '' || user === 'root' || user === '0')
		return 'container has runAsNonRoot and image will run as root';
	if (!/^\d+$/.test(user))
		return `container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root`;
	return null;
}

/** Reads a Secret's decoded values. */
function secretData(
	engine: Engine,
	namespace: string,
	name: string
): Record<string, string> | null {
	const secret = findObject(engine, 'Secret', namespace, name);
	if (!secret) return null;
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(
		(path(secret.manifest, 'data') as Json | undefined) ?? {}
	))
		out[key] = decodeBase64(asString(value) ?? '');
	for (const [key, value] of Object.entries(
		(path(secret.manifest, 'stringData') as Json | undefined) ?? {}
	))
		out[key] = asString(value) ?? '';
	return out;
}

/** The variables of a container (`env`, `envFrom`); a string is a config error. */
function environment(engine: Engine, namespace: string, container: Json): string[] | string {
	const env: string[] = [];
	for (const source of objects(container, 'envFrom')) {
		const name = text(source, 'secretRef', 'name');
		if (!name) continue;
		const data = secretData(engine, namespace, name);
		if (!data) return `secret "${name}" not found`;
		for (const [key, value] of Object.entries(data)) env.push(`${key}=${value}`);
	}
	for (const entry of objects(container, 'env')) {
		const name = text(entry, 'name') ?? '';
		const ref = path(entry, 'valueFrom', 'secretKeyRef');
		if (ref === undefined) {
			env.push(`${name}=${text(entry, 'value') ?? ''}`);
			continue;
		}
		const secret = text(ref, 'name') ?? '';
		const key = text(ref, 'key') ?? '';
		const data = secretData(engine, namespace, secret);
		if (!data) return `secret "${secret}" not found`;
		if (data[key] === undefined) return `couldn't find key ${key} in Secret ${namespace}/${secret}`;
		env.push(`${name}=${data[key]}`);
	}
	return env;
}

/** Adds the pod's volumes to an image's files: secrets as files, other volumes as directories. */
function mountVolumes(
	engine: Engine,
	namespace: string,
	spec: Json,
	container: Json,
	image: Image
): Image | string {
	const files = cloneTree(image.files);
	const volumes = objects(spec, 'volumes');
	for (const mount of objects(container, 'volumeMounts')) {
		const target = text(mount, 'mountPath');
		const volume = volumes.find((v) => text(v, 'name') === text(mount, 'name'));
		if (!target || !volume) continue;
		mkdirp(files, target, '0:0', 0o755);
		const secretName = text(volume, 'secret', 'secretName');
		const claim = text(volume, 'persistentVolumeClaim', 'claimName');
		if (claim && !findObject(engine, 'PersistentVolumeClaim', namespace, claim))
			return `persistentvolumeclaim "${claim}" not found`;
		if (!secretName) continue;
		const data = secretData(engine, namespace, secretName);
		if (!data) return `secret "${secretName}" not found`;
		const mode = Number(path(volume, 'secret', 'defaultMode') ?? 0o644);
		for (const [key, value] of Object.entries(data))
			writeFile(files, `${target.replace(/\/$/, '')}/${key}`, value, '0:0', mode);
	}
	return { ...image, files };
}

/** Starts one container of a pod. */
function startContainer(
	engine: Engine,
	center: Center,
	req: PodRequest,
	podName: string,
	ip: string,
	container: Json
): PodContainer {
	const spec = (path(req.template, 'spec') as Json | undefined) ?? {};
	const name = text(container, 'name') ?? 'app';
	const ref = text(container, 'image') ?? '';
	const base: PodContainer = {
		name,
		image: ref,
		imageId: null,
		phase: 'ErrImagePull',
		reason: '',
		restarts: 0,
		user: '',
		env: [],
		workdir: '',
		logs: [],
		files: {},
	};
	const object = `pod/${podName}`;
	const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
		addEvent(engine, { namespace: req.namespace, type, reason, object, message });
	event('Normal', 'Pulling', `Pulling image "${ref}"`);
	const secrets = objects(spec, 'imagePullSecrets').map((s) => text(s, 'name') ?? '');
	const pulled = pull(engine, center, ref, secrets);
	if ('reason' in pulled) {
		event('Warning', 'Failed', pulled.reason);
		event('Warning', 'Failed', 'Error: ErrImagePull');
		return { ...base, reason: pulled.reason };
	}
	event('Normal', 'Pulled', `Successfully pulled image "${ref}"`);
	const configError = (reason: string): PodContainer => {
		event('Warning', 'Failed', `Error: ${reason}`);
		return { ...base, imageId: pulled.image.id, phase: 'CreateContainerConfigError', reason };
	};
	const runAsUser = security(container, spec, 'runAsUser');
	const problem = nonRootProblem(
		pulled.image,
		runAsUser,
		security(container, spec, 'runAsNonRoot')
	);
	if (problem)
		return configError(`${problem} (pod: "${podName}_${req.namespace}", container: ${name})`);
	const env = environment(engine, req.namespace, container);
	if (typeof env === 'string') return configError(env);
	const image = mountVolumes(engine, req.namespace, spec, container, pulled.image);
	if (typeof image === 'string') return configError(image);
	const runAsGroup = security(container, spec, 'runAsGroup');
	const user =
		runAsUser === undefined
			? ''
			: `${String(runAsUser)}${runAsGroup === undefined ? '' : `:${String(runAsGroup)}`}`;
	const fsGroup = path(spec, 'securityContext', 'fsGroup');
	const context = processContext(image, {
		user,
		env,
		hostname: podName,
		groups: fsGroup === undefined ? [] : [Number(fsGroup)],
		workdir: text(container, 'workingDir') ?? '',
		time: engine.now(),
	});
	if (typeof context === 'string') return configError(context);
	const entry = (path(container, 'command') as unknown[] | undefined)?.map(String);
	const args = (path(container, 'args') as unknown[] | undefined)?.map(String);
	const command = [
		...(entry ?? image.config.entrypoint ?? []),
		...(args ?? (entry ? [] : (image.config.cmd ?? []))),
	];
	const started = launch({ ...context, command, ip, time: engine.now() });
	const result: PodContainer = {
		...base,
		imageId: image.id,
		user: user || image.config.user,
		env: context.env,
		workdir: context.cwd,
		logs: started.logs,
		files: image.files,
	};
	if (started.runtimeError || !started.running) {
		const why = started.runtimeError ?? `the container exited with code ${started.exitCode}`;
		event(
			'Warning',
			'BackOff',
			`Back-off restarting failed container ${name} in pod ${podName}_${req.namespace} (${why})`
		);
		return { ...result, phase: 'CrashLoopBackOff', reason: why, restarts: 3 };
	}
	event('Normal', 'Created', `Created container ${name}`);
	event('Normal', 'Started', `Started container ${name}`);
	return { ...result, phase: 'Running', reason: '' };
}

/** Creates a pod from a template, with its events. */
export function makePod(engine: Engine, center: Center, req: PodRequest): Pod {
	const ip = `10.42.0.${(engine.state.seq % 250) + 2}`;
	addEvent(engine, {
		namespace: req.namespace,
		type: 'Normal',
		reason: 'Scheduled',
		object: `pod/${req.name}`,
		message: `Successfully assigned ${req.namespace}/${req.name} to worker-1`,
	});
	const containers = objects(req.template, 'spec', 'containers').map((c) =>
		startContainer(engine, center, req, req.name, ip, c)
	);
	return {
		name: req.name,
		namespace: req.namespace,
		owner: req.owner,
		revision: req.revision,
		ip,
		containers,
		created: engine.now(),
	};
}

/** Whether every container of a pod runs. */
export function podReady(pod: Pod): boolean {
	return pod.containers.length > 0 && pod.containers.every((c) => c.phase === 'Running');
}
