import { z } from 'zod';
import { isValidPattern, isValidRegex } from './pattern.js';

/**
 * The closed set of exercise checks, as written in `exercise.yaml`.
 *
 * Every check has an `id`, a `description` the learner reads, a `type` and the type's arguments.
 * Strings may contain `{{param}}` placeholders, replaced before grading. A *pattern* is either an
 * exact string or a regular expression written `/source/flags`. A *word list* matches a shell
 * command (or an exec-form command line) when its words appear in that order, each word being a
 * pattern over one token.
 */

/** A string compared exactly, or a `/regex/flags` pattern. */
export const PatternSchema = z
	.string()
	.min(1)
	.refine(isValidPattern, 'a /regex/ pattern must compile');

/** A regular-expression source (always a regex, matched with the `m` flag). */
const RegexSchema = z.string().min(1).refine(isValidRegex, 'the regular expression must compile');

/** Words that a command must contain in order, each a pattern over one token. */
export const WordsSchema = z.array(PatternSchema).min(1);

/** Fields shared by every check. */
const base = {
	/** Stable kebab-case id, unique inside the exercise. */
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a check id is kebab-case'),
	/** What the check asks for, in one sentence a learner reads. */
	description: z.string().min(10),
	/** Name of the file the check reads; needed only when several files share the check's kind. */
	file: z.string().min(1).optional(),
};

/** Dockerfile: the final stage's base image. */
const BaseImage = z
	.object({
		...base,
		/** Selects this check: `base-image`. */
		type: z.literal('base-image'),
		/** Accepted repository names without registry or tag, e.g. `python` or `nginx`. */
		image: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
		/** Required registry host, e.g. `registry.nersc.gov`. */
		registry: z.string().min(1).optional(),
		/** Require an explicit tag (or digest) other than `latest`. */
		pinned: z.boolean().optional(),
		/** Pattern the tag must match, e.g. `/slim/`. */
		tag: PatternSchema.optional(),
	})
	.strict();

/** Dockerfile: the final stage exposes a port. */
const Expose = z
	.object({
		...base,
		/** Selects this check: `expose`. */
		type: z.literal('expose'),
		/** The exact port. */
		port: z.number().int().min(1).max(65535).optional(),
		/** Or any port strictly above this one. */
		above: z.number().int().min(0).max(65535).optional(),
	})
	.strict();

/** Dockerfile: the last USER of the final stage is numeric and not root. */
const User = z
	.object({
		...base,
		/** Selects this check: `user`. */
		type: z.literal('user'),
		/** The exact value, e.g. `{{uid}}` or `{{uid}}:{{gid}}`. */
		equals: z.string().min(1).optional(),
	})
	.strict();

/** Dockerfile: the final stage's working directory. */
const Workdir = z
	.object({
		...base,
		/** Selects this check: `workdir`. */
		type: z.literal('workdir'),
		/** Absolute path the last WORKDIR resolves to. */
		path: z.string().startsWith('/'),
	})
	.strict();

/** Dockerfile: a COPY in the final stage puts a file at a path. */
const Copy = z
	.object({
		...base,
		/** Selects this check: `copy`. */
		type: z.literal('copy'),
		/** The source as written in the build context (or in the earlier stage with `from`). */
		source: z.string().min(1).optional(),
		/** Absolute path where the copied file or directory must end up. */
		dest: z.string().startsWith('/').optional(),
		/** Require `--from=` naming an earlier stage of this Dockerfile. */
		from: z.boolean().optional(),
	})
	.strict();

/** Dockerfile: ENTRYPOINT and CMD of the final stage are in exec (JSON) form. */
const Command = z
	.object({
		...base,
		/** Selects this check: `command`. */
		type: z.literal('command'),
		/** Words the combined ENTRYPOINT + CMD must contain in order. */
		words: z.array(PatternSchema).optional(),
	})
	.strict();

/** Dockerfile: a shell command in RUN instructions, with conditions on each occurrence. */
const RunCommand = z
	.object({
		...base,
		/** Selects this check: `run-command`. */
		type: z.literal('run-command'),
		/** Words that select the command, e.g. `[apt-get, install]`, or a list of alternatives. */
		command: z.union([WordsSchema, z.array(WordsSchema).min(1)]),
		/** Whether the command must appear, must not appear, or is only constrained when present. */
		present: z.enum(['required', 'forbidden', 'optional']).default('required'),
		/** Tokens (patterns) every selected command must also carry, in any order. */
		with: z.array(PatternSchema).optional(),
		/** A command that must run before it in the same RUN. */
		precededBy: WordsSchema.optional(),
		/** A command that must run after it in the same RUN. */
		followedBy: WordsSchema.optional(),
		/** Which stages to look at: the final one, the ones before it, or all. */
		stage: z.enum(['final', 'build', 'all']).default('final'),
	})
	.strict();

/** Dockerfile: how many times an instruction appears. */
const InstructionCount = z
	.object({
		...base,
		/** Selects this check: `instruction-count`. */
		type: z.literal('instruction-count'),
		/** The instruction keyword, e.g. `FROM` or `ADD`. */
		instruction: z.string().regex(/^[A-Z]+$/),
		/** Fewest allowed. */
		min: z.number().int().min(0).optional(),
		/** Most allowed. */
		max: z.number().int().min(0).optional(),
		/** Count in the final stage or in the whole file. */
		stage: z.enum(['final', 'all']).default('all'),
	})
	.strict();

/** Dockerfile: the content of a file inside the image after COPY, sed and echo steps. */
const ImageFile = z
	.object({
		...base,
		/** Selects this check: `image-file`. */
		type: z.literal('image-file'),
		/** Absolute path of the file in the image. */
		path: z.string().startsWith('/'),
		/** Content the base image ships at that path. */
		initial: z.string().default(''),
		/** Patterns (regular expressions, multiline) the final content must match. */
		contains: z.array(RegexSchema).default([]),
		/** Patterns the final content must not match. */
		excludes: z.array(RegexSchema).default([]),
	})
	.strict();

/** Dockerfile: every RUN with a pipe fails when any part of the pipe fails. */
const Pipefail = z
	.object({
		...base,
		/** Selects this check: `pipefail`. */
		type: z.literal('pipefail'),
	})
	.strict();

/** Compose: a service exists, optionally with an image. */
const ComposeService = z
	.object({
		...base,
		/** Selects this check: `compose-service`. */
		type: z.literal('compose-service'),
		/** Service name. */
		service: z.string().min(1),
		/** Pattern the image must match. */
		image: PatternSchema.optional(),
	})
	.strict();

/** Compose: a service publishes a container port. */
const ComposePort = z
	.object({
		...base,
		/** Selects this check: `compose-port`. */
		type: z.literal('compose-port'),
		/** Service name. */
		service: z.string().min(1),
		/** Port inside the container. */
		container: z.number().int().min(1).max(65535),
		/** Port on the host, when it matters. */
		host: z.number().int().min(1).max(65535).optional(),
	})
	.strict();

/** Compose: an environment variable of a service (list or map form). */
const ComposeEnv = z
	.object({
		...base,
		/** Selects this check: `compose-env`. */
		type: z.literal('compose-env'),
		/** Service name. */
		service: z.string().min(1),
		/** Variable name. */
		name: z.string().min(1),
		/** Pattern the value must match. */
		value: PatternSchema.optional(),
		/** Require the variable to be absent instead. */
		absent: z.boolean().optional(),
	})
	.strict();

/** Compose: a service mounts something at a path (short or long volume syntax). */
const ComposeVolume = z
	.object({
		...base,
		/** Selects this check: `compose-volume`. */
		type: z.literal('compose-volume'),
		/** Service name. */
		service: z.string().min(1),
		/** Path inside the container. */
		target: z.string().startsWith('/'),
		/** Pattern the host path or volume name must match, as written. */
		source: PatternSchema.optional(),
		/** Require (true) or forbid (false) a read-only mount. */
		readOnly: z.boolean().optional(),
	})
	.strict();

/** Compose: a plain key of one service, or of every service with `service: '*'`. */
const ComposeField = z
	.object({
		...base,
		/** Selects this check: `compose-field`. */
		type: z.literal('compose-field'),
		/** Service name, or `*` for every service. */
		service: z.string().min(1),
		/** Key of the service, e.g. `user`, `cap_drop`, `group_add`. */
		field: z.string().regex(/^[a-z_]+$/),
		/** The value, compared as a string. */
		equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
		/** An item the list value must hold (compared case-sensitively). */
		contains: z.string().min(1).optional(),
		/** Require the key to be absent instead. */
		absent: z.boolean().optional(),
	})
	.strict();

/** Compose: a service reads a top-level secret, optionally through a `*_FILE` variable. */
const ComposeSecret = z
	.object({
		...base,
		/** Selects this check: `compose-secret`. */
		type: z.literal('compose-secret'),
		/** Service name. */
		service: z.string().min(1),
		/** Pattern the secret's top-level name must match. */
		secret: PatternSchema.optional(),
		/** A variable whose value must be `/run/secrets/<target>` of that secret. */
		env: z.string().min(1).optional(),
	})
	.strict();

/** Kubernetes: an object of a kind exists. */
const K8sObject = z
	.object({
		...base,
		/** Selects this check: `k8s-object`. */
		type: z.literal('k8s-object'),
		/** Accepted kinds, e.g. `Deployment` or `[Deployment, StatefulSet]`. */
		kind: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
		/** Required `metadata.name`. */
		name: PatternSchema.optional(),
		/** Most replicas allowed (a missing `replicas` means 1). */
		maxReplicas: z.number().int().min(1).optional(),
	})
	.strict();

/** Kubernetes: every container image comes from a registry or matches a pattern. */
const K8sImage = z
	.object({
		...base,
		/** Selects this check: `k8s-image`. */
		type: z.literal('k8s-image'),
		/** Required registry host. */
		registry: z.string().min(1).optional(),
		/** Pattern the whole image reference must match. */
		pattern: PatternSchema.optional(),
	})
	.strict();

/** Kubernetes: every pod template lists an image pull secret. */
const K8sPullSecret = z
	.object({
		...base,
		/** Selects this check: `k8s-pull-secret`. */
		type: z.literal('k8s-pull-secret'),
		/** Secret name; the center's pull secret when omitted. */
		name: z.string().min(1).optional(),
	})
	.strict();

/** Kubernetes: some container declares a port. */
const K8sContainerPort = z
	.object({
		...base,
		/** Selects this check: `k8s-container-port`. */
		type: z.literal('k8s-container-port'),
		/** The `containerPort`. */
		port: z.number().int().min(1).max(65535),
	})
	.strict();

/** Security-context fields a check can read; pod values apply where the container sets none. */
export const SECURITY_FIELDS = [
	'runAsUser',
	'runAsGroup',
	'runAsNonRoot',
	'fsGroup',
	'allowPrivilegeEscalation',
	'privileged',
	'readOnlyRootFilesystem',
	'capabilities.drop',
	'capabilities.add',
] as const;

/** Kubernetes: the effective security context of every container (init containers included). */
const K8sSecurity = z
	.object({
		...base,
		/** Selects this check: `k8s-security`. */
		type: z.literal('k8s-security'),
		/** Pattern of the container names to look at; every container when omitted. */
		container: PatternSchema.optional(),
		/** The field, e.g. `runAsUser` or `capabilities.drop`. */
		field: z.enum(SECURITY_FIELDS),
		/** The value, compared as a string (`{{uid}}` works). */
		equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
		/** Items the list must hold. */
		contains: z.array(z.string().min(1)).optional(),
		/** Items the list may hold; `center` means Spin's allowed capabilities. */
		subsetOf: z.union([z.literal('center'), z.array(z.string().min(1))]).optional(),
		/** Let an unset field pass. */
		optional: z.boolean().optional(),
	})
	.strict();

/** Volume sources a mount check can ask for. */
export const VOLUME_SOURCES = [
	'persistentVolumeClaim',
	'hostPath',
	'secret',
	'configMap',
	'emptyDir',
] as const;

/** Kubernetes: some container mounts a volume of a given source. */
const K8sVolume = z
	.object({
		...base,
		/** Selects this check: `k8s-volume`. */
		type: z.literal('k8s-volume'),
		/** Where it is mounted; any path when omitted. */
		mountPath: z.string().startsWith('/').optional(),
		/** The volume's source. */
		source: z.enum(VOLUME_SOURCES),
		/** Require (true) or forbid (false) `readOnly: true` on the mount. */
		readOnly: z.boolean().optional(),
		/** Pattern the hostPath `path` must match. */
		hostPath: PatternSchema.optional(),
		/** Required hostPath `type`, e.g. `Directory`. */
		hostPathType: z.string().min(1).optional(),
		/** Require the claim to be defined in the file with one of Spin's storage classes. */
		spinStorageClass: z.boolean().optional(),
	})
	.strict();

/** Kubernetes: a container gets a variable from a Secret (secretKeyRef, envFrom or `*_FILE`). */
const K8sSecretEnv = z
	.object({
		...base,
		/** Selects this check: `k8s-secret-env`. */
		type: z.literal('k8s-secret-env'),
		/** Variable name. */
		name: z.string().min(1),
	})
	.strict();

/** Kubernetes: every Ingress has a host of Spin's form for its name and namespace. */
const K8sIngressHost = z
	.object({
		...base,
		/** Selects this check: `k8s-ingress-host`. */
		type: z.literal('k8s-ingress-host'),
	})
	.strict();

/** Kubernetes: every Ingress backend reaches a container port through a Service of the file. */
const K8sRoute = z
	.object({
		...base,
		/** Selects this check: `k8s-route`. */
		type: z.literal('k8s-route'),
	})
	.strict();

/** One check of an exercise. */
export const CheckSchema = z.discriminatedUnion('type', [
	BaseImage,
	Expose,
	User,
	Workdir,
	Copy,
	Command,
	RunCommand,
	InstructionCount,
	ImageFile,
	Pipefail,
	ComposeService,
	ComposePort,
	ComposeEnv,
	ComposeVolume,
	ComposeField,
	ComposeSecret,
	K8sObject,
	K8sImage,
	K8sPullSecret,
	K8sContainerPort,
	K8sSecurity,
	K8sVolume,
	K8sSecretEnv,
	K8sIngressHost,
	K8sRoute,
]);

/** A parsed check. */
export type Check = z.output<typeof CheckSchema>;
/** A check as written. */
export type CheckInput = z.input<typeof CheckSchema>;
/** Every check type. */
export type CheckType = Check['type'];
/** The check of one type. */
export type CheckOf<T extends CheckType> = Extract<Check, { type: T }>;

export { CHECK_FILE_KIND } from './check-kinds.js';
