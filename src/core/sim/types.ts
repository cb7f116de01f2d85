/**
 * The state of the simulated container engine, registry and cluster.
 *
 * Everything here is plain data (objects, arrays, strings, numbers), so a state can be copied
 * with `structuredClone`, stored as JSON and graded by `gradeTerminal`. Times are milliseconds
 * from the engine's injected clock; ids come from a counter, never from randomness.
 */

/** A file or directory inside an image, keyed by absolute path in `FileTree`. */
export interface FileNode {
	dir: boolean;
	content: string;
	/** Owner as `uid:gid`. */
	owner: string;
	/** Permission bits, e.g. `0o644`. */
	mode: number;
}

/** An image's file system: absolute path → node. Parent directories are present as nodes. */
export type FileTree = Record<string, FileNode>;

/** What an image runs with (the parts of Docker's image config the simulator uses). */
export interface ImageConfig {
	/** `USER` as written (`''` means root). */
	user: string;
	/** Working directory (`''` means `/`). */
	workdir: string;
	/** Environment as `NAME=value`, in order. */
	env: string[];
	/** Exposed ports such as `5000/tcp`. */
	exposed: string[];
	entrypoint: string[] | null;
	cmd: string[] | null;
	/** Whether ENTRYPOINT or CMD was written in shell form (wrapped in `/bin/sh -c`). */
	shellForm: boolean;
	labels: Record<string, string>;
}

/** An image known to the engine, whether built, pulled or pushed. */
export interface Image {
	/** 64 hex digits derived from the image's content. */
	id: string;
	/** The base it was built from, e.g. `docker.io/library/python:3.12-slim`, or `scratch`. */
	base: string;
	/** The build steps, as written in the Dockerfile (`FROM …`, `COPY …`). */
	steps: string[];
	config: ImageConfig;
	files: FileTree;
	/** Size in bytes. */
	size: number;
	created: number;
}

/** A published port: `host` on the machine, `container` inside. */
export interface PortMapping {
	host: number;
	container: number;
	protocol: 'tcp' | 'udp';
}

/** A container's life-cycle state. */
export type ContainerState = 'created' | 'running' | 'exited';

/** A container. */
export interface Container {
	/** 64 hex digits. */
	id: string;
	name: string;
	/** The image reference as given to `docker run`. */
	image: string;
	imageId: string;
	/** The command the container runs (entrypoint + cmd). */
	command: string[];
	state: ContainerState;
	exitCode: number;
	ports: PortMapping[];
	/** Environment as `NAME=value`: image ENV, then `-e` values. */
	env: string[];
	/** The user it runs as, as given (`--user` or the image's USER; `''` is root). */
	user: string;
	capAdd: string[];
	capDrop: string[];
	/** Removed when it stops (`--rm`). */
	autoRemove: boolean;
	logs: string[];
	created: number;
	finished: number | null;
}

/** The simulated registry and the local image store. */
export interface ImageStore {
	/** Every image by id (local, pushed, or both). */
	images: Record<string, Image>;
	/** Local references (`name:tag`, Docker's short form) → image id. */
	tags: Record<string, string>;
	/** Pushed references (`host/path:tag`) → image id. */
	registry: Record<string, string>;
	/** Registry hosts logged in to. */
	logins: string[];
	/** Hashes of build steps already built (BuildKit's cache). */
	buildCache: string[];
}

/** A Kubernetes object as stored: its manifest plus the fields the simulator tracks. */
export interface KubeObject {
	kind: string;
	name: string;
	/** `''` for cluster-scoped objects (namespaces). */
	namespace: string;
	/** The last applied manifest, as plain data. */
	manifest: Record<string, unknown>;
	created: number;
	generation: number;
}

/** One revision of a Deployment's pod template. */
export interface Revision {
	number: number;
	/** `spec.template` of that revision. */
	template: Record<string, unknown>;
	/** The `kubernetes.io/change-cause` annotation, if any. */
	cause: string | null;
	created: number;
}

/** A Deployment's rollout record. */
export interface Rollout {
	namespace: string;
	name: string;
	/** Revisions, oldest first; the last one is current. */
	revisions: Revision[];
	/** Times `rollout undo` succeeded. */
	rollbacks: number;
}

/** What a pod's container is doing. */
export type PodPhase =
	'Running' | 'Completed' | 'ErrImagePull' | 'CrashLoopBackOff' | 'CreateContainerConfigError';

/** One container of a pod. */
export interface PodContainer {
	name: string;
	image: string;
	imageId: string | null;
	phase: PodPhase;
	/** Why it is not running, in the words kubelet uses. */
	reason: string;
	restarts: number;
	user: string;
	env: string[];
	workdir: string;
	logs: string[];
	/** The container's files: the image's, plus mounted secrets and volumes. */
	files: FileTree;
}

/** A pod. */
export interface Pod {
	name: string;
	namespace: string;
	/** The Deployment that owns it, or `''` for a bare Pod. */
	owner: string;
	/** The owner's revision the pod was made from. */
	revision: number;
	ip: string;
	containers: PodContainer[];
	created: number;
}

/** A cluster event, as `kubectl get events` lists them. */
export interface KubeEvent {
	namespace: string;
	type: 'Normal' | 'Warning';
	reason: string;
	/** e.g. `pod/web-7d9c…` or `deployment/web`. */
	object: string;
	message: string;
	time: number;
}

/** The simulated cluster. */
export interface Cluster {
	/** Cluster name, e.g. `development`. */
	name: string;
	objects: KubeObject[];
	rollouts: Rollout[];
	pods: Pod[];
	events: KubeEvent[];
}

/** Everything the simulator knows; plain data. */
export interface EngineState {
	/** The clock's current time in milliseconds. */
	now: number;
	/** Counter for ids and names. */
	seq: number;
	store: ImageStore;
	containers: Container[];
	cluster: Cluster;
}
