import { z } from 'zod';
import { compilePattern, isValidPattern } from '../exercises/pattern.js';
import { rolloutOf } from './cluster.js';
import { Engine } from './engine.js';
import { objects, text } from './kube-data.js';
import { imageName } from './refs.js';
import { currentRevision, deploymentCounts } from './rollout-state.js';
import type { Container, EngineState } from './types.js';
import { resolveUser } from './users.js';

/**
 * Terminal tasks: a closed set of checks on the simulated engine's state, graded after each
 * command. A *pattern* is an exact string in which `{name}` placeholders stand for one name
 * component (or for the value given in `params`), or a regular expression written `/source/flags`.
 */

const Pattern = z.string().min(1).refine(isValidPattern, 'a /regex/ pattern must compile');

const base = {
	/** Stable kebab-case id. */
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a check id is kebab-case'),
	/** What the learner must do, in one sentence. */
	description: z.string().min(10),
};

/** One terminal check. */
export const TerminalCheckSchema = z.discriminatedUnion('type', [
	/** A local image whose name matches, e.g. `my-first-container-app` or `app:v1`. */
	z.object({ ...base, type: z.literal('image-built'), image: Pattern }).strict(),
	/** An image pushed to the simulated registry, e.g. `registry.nersc.gov/{project}/app:v1`. */
	z.object({ ...base, type: z.literal('image-pushed'), image: Pattern }).strict(),
	/** A logged-in registry host (the NERSC registry by default). */
	z
		.object({ ...base, type: z.literal('logged-in'), registry: z.string().min(1).optional() })
		.strict(),
	/** A running container with the given properties. */
	z
		.object({
			...base,
			type: z.literal('container-running'),
			image: Pattern.optional(),
			name: Pattern.optional(),
			/** A published port: the host port, the container port, or both. */
			port: z
				.object({
					host: z.number().int().min(1).max(65535).optional(),
					container: z.number().int().min(1).max(65535).optional(),
				})
				.strict()
				.optional(),
			/** The user as given (`--user` or the image's USER). */
			user: Pattern.optional(),
			/** Require a non-root user (a UID other than 0). */
			nonRoot: z.boolean().optional(),
			/** Require `--cap-drop ALL`. */
			capDropAll: z.boolean().optional(),
			/** Variables the container must have, name → pattern of the value. */
			env: z.record(Pattern).optional(),
		})
		.strict(),
	/** A namespace that exists. */
	z.object({ ...base, type: z.literal('namespace-exists'), name: Pattern }).strict(),
	/** A Kubernetes object of a kind. */
	z
		.object({
			...base,
			type: z.literal('object-exists'),
			kind: z.string().min(1),
			name: Pattern,
			namespace: Pattern.optional(),
		})
		.strict(),
	/** A Deployment whose current revision is fully rolled out and ready. */
	z
		.object({
			...base,
			type: z.literal('deployment-available'),
			name: Pattern,
			namespace: Pattern.optional(),
			/** Lowest revision number accepted (e.g. 2 after an update). */
			minRevision: z.number().int().min(1).optional(),
			/** Pattern that some container image of the current revision must match. */
			image: Pattern.optional(),
		})
		.strict(),
	/** A Deployment that was rolled back with `kubectl rollout undo`. */
	z
		.object({
			...base,
			type: z.literal('rolled-back'),
			name: Pattern,
			namespace: Pattern.optional(),
		})
		.strict(),
]);

/** The checks of a terminal task; ids are unique. */
export const TerminalChecksSchema = z
	.array(TerminalCheckSchema)
	.min(1)
	.refine(
		(checks) => new Set(checks.map((c) => c.id)).size === checks.length,
		'check ids must be unique'
	);

/** A parsed terminal check. */
export type TerminalCheck = z.output<typeof TerminalCheckSchema>;

/** The outcome of one check. */
export interface TaskResult {
	id: string;
	passed: boolean;
}

/** Values for `{placeholders}`, e.g. `{ project: 'm1234' }`. */
export type TaskParams = Readonly<Record<string, string>>;

/** Compiles a pattern into an anchored test. */
export function patternTest(pattern: string, params: TaskParams = {}): (value: string) => boolean {
	const regex = compilePattern(pattern);
	if (regex) return (value) => regex.test(value);
	const source = pattern
		.split(/(\{[A-Za-z][A-Za-z0-9_]*\})/)
		.map((part) => {
			const name = /^\{([A-Za-z][A-Za-z0-9_]*)\}$/.exec(part)?.[1];
			if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			const value = params[name];
			return value === undefined ? '[^/:\\s]+' : value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('');
	const exact = new RegExp(`^${source}$`);
	return (value) => exact.test(value);
}

/** Whether an image reference matches a pattern: by full reference, or by repository alone. */
function imageMatches(test: (value: string) => boolean, ref: string): boolean {
	const name = imageName(ref);
	if (!name) return test(ref);
	const fullRepo = name.full.slice(0, name.full.length - name.tag.length - 1);
	return [ref, name.ref, name.repository, name.full, fullRepo].some(test);
}

/** Whether a running container satisfies a `container-running` check. */
function containerMatches(
	state: EngineState,
	c: Container,
	check: Extract<TerminalCheck, { type: 'container-running' }>,
	params: TaskParams
): boolean {
	if (c.state !== 'running') return false;
	const refs = [
		c.image,
		...Object.entries(state.store.tags)
			.filter(([, id]) => id === c.imageId)
			.map(([ref]) => ref),
	];
	if (check.image && !refs.some((ref) => imageMatches(patternTest(check.image ?? '', params), ref)))
		return false;
	if (check.name && !patternTest(check.name, params)(c.name)) return false;
	const port = check.port;
	if (
		port &&
		!c.ports.some(
			(p) =>
				(port.host === undefined || p.host === port.host) &&
				(port.container === undefined || p.container === port.container)
		)
	)
		return false;
	if (check.user && !patternTest(check.user, params)(c.user)) return false;
	if (check.nonRoot) {
		const image = state.store.images[c.imageId];
		const identity = image ? resolveUser(image.files, c.user) : 'no image';
		if (typeof identity === 'string' || identity.uid === 0) return false;
	}
	if (check.capDropAll && !c.capDrop.includes('ALL')) return false;
	for (const [name, value] of Object.entries(check.env ?? {})) {
		const entry = c.env.find((e) => e.startsWith(`${name}=`));
		if (entry === undefined || !patternTest(value, params)(entry.slice(name.length + 1)))
			return false;
	}
	return true;
}

/** Grades one check. */
function grade(engine: Engine, check: TerminalCheck, params: TaskParams): boolean {
	const state = engine.state;
	const test = (pattern: string | undefined, value: string) =>
		pattern === undefined || patternTest(pattern, params)(value);
	const deployments = (name: string, namespace: string | undefined) =>
		state.cluster.objects.filter(
			(o) => o.kind === 'Deployment' && test(name, o.name) && test(namespace, o.namespace)
		);
	switch (check.type) {
		case 'image-built':
			return Object.keys(state.store.tags).some((ref) =>
				imageMatches(patternTest(check.image, params), ref)
			);
		case 'image-pushed':
			return Object.keys(state.store.registry).some((ref) =>
				imageMatches(patternTest(check.image, params), ref)
			);
		case 'logged-in':
			return check.registry === undefined
				? state.store.logins.length > 0
				: state.store.logins.includes(check.registry);
		case 'container-running':
			return state.containers.some((c) => containerMatches(state, c, check, params));
		case 'namespace-exists':
			return state.cluster.objects.some((o) => o.kind === 'Namespace' && test(check.name, o.name));
		case 'object-exists':
			return state.cluster.objects.some(
				(o) =>
					o.kind === check.kind && test(check.name, o.name) && test(check.namespace, o.namespace)
			);
		case 'deployment-available':
			return deployments(check.name, check.namespace).some((d) => {
				const counts = deploymentCounts(engine, d);
				const revision = currentRevision(
					rolloutOf(engine, d.namespace, d.name) ?? {
						namespace: '',
						name: '',
						revisions: [],
						rollbacks: 0,
					}
				);
				if (!revision || counts.replicas === 0) return false;
				if (counts.updatedReady < counts.replicas || counts.ready !== counts.replicas) return false;
				if (check.minRevision !== undefined && revision.number < check.minRevision) return false;
				const images = objects(revision.template, 'spec', 'containers').map(
					(c) => text(c, 'image') ?? ''
				);
				return (
					check.image === undefined ||
					images.some((ref) => imageMatches(patternTest(check.image ?? '', params), ref))
				);
			});
		case 'rolled-back':
			return deployments(check.name, check.namespace).some(
				(d) => (rolloutOf(engine, d.namespace, d.name)?.rollbacks ?? 0) > 0
			);
	}
}

/** Grades terminal checks against an engine state; pure (the state is not changed). */
export function gradeTerminal(
	checks: readonly TerminalCheck[],
	state: EngineState,
	params: TaskParams = {}
): TaskResult[] {
	const engine = new Engine({}, state);
	return checks.map((check) => ({ id: check.id, passed: grade(engine, check, params) }));
}
