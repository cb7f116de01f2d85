import { hashString } from '../hash.js';
import { baseImage } from './bases.js';
import { imageName, type ImageName } from './refs.js';
import type { Container, EngineState, Image } from './types.js';

/**
 * The in-memory engine: images, containers, the registry and the cluster, as plain data in
 * `state`. Ids are SHA-256 digests of a counter and times come from the injected clock, so two
 * engines given the same commands end in the same state.
 */

/** How an engine is set up. */
export interface EngineOptions {
	/** Returns the current time in ms; when absent the engine keeps its own clock in `state.now`. */
	clock?: () => number;
	/** Start time of the engine's own clock (default 2024-05-01T09:00:00Z). */
	start?: number;
	/** Name of the simulated Kubernetes cluster (default `development`). */
	cluster?: string;
}

/** The default start of the engine's clock. */
export const DEFAULT_START = Date.UTC(2024, 4, 1, 9, 0, 0);

const ADJECTIVES = [
	'brave',
	'calm',
	'eager',
	'gentle',
	'happy',
	'jolly',
	'keen',
	'lucid',
	'nifty',
	'quirky',
	'serene',
	'vibrant',
];
const SCIENTISTS = [
	'curie',
	'dijkstra',
	'franklin',
	'hopper',
	'johnson',
	'lovelace',
	'meitner',
	'noether',
	'ramanujan',
	'shannon',
	'turing',
	'wu',
];

/** A fresh, empty engine state. */
export function createState(options: EngineOptions = {}): EngineState {
	return {
		now: options.start ?? DEFAULT_START,
		seq: 0,
		store: { images: {}, tags: {}, registry: {}, logins: [], buildCache: [] },
		containers: [],
		cluster: {
			name: options.cluster ?? 'development',
			objects: [
				{
					kind: 'Namespace',
					name: 'default',
					namespace: '',
					manifest: {},
					created: options.start ?? DEFAULT_START,
					generation: 1,
				},
			],
			rollouts: [],
			pods: [],
			events: [],
		},
	};
}

/** The engine: state plus the clock and id helpers every command uses. */
export class Engine {
	state: EngineState;
	private readonly clock: (() => number) | undefined;

	/** Wraps a state (a fresh one by default). */
	constructor(options: EngineOptions = {}, state?: EngineState) {
		this.state = state ?? createState(options);
		this.clock = options.clock;
	}

	/** The current time in ms. */
	now(): number {
		return this.clock ? this.clock() : this.state.now;
	}

	/** Moves the engine's own clock forward. */
	advance(ms: number): void {
		this.state.now += ms;
	}

	/** A new 64-hex id, unique in this engine. */
	nextId(kind: string): string {
		this.state.seq += 1;
		return hashString(`${kind}:${this.state.seq}`);
	}

	/** A Docker-style generated container name, e.g. `eager_hopper`. */
	nextName(): string {
		const taken = new Set(this.state.containers.map((c) => c.name));
		for (let i = 0; ; i++) {
			const n = this.state.seq + i;
			const base = `${ADJECTIVES[n % ADJECTIVES.length]}_${SCIENTISTS[Math.floor(n / ADJECTIVES.length) % SCIENTISTS.length]}`;
			const name = i < ADJECTIVES.length * SCIENTISTS.length ? base : `${base}${i}`;
			if (!taken.has(name)) return name;
		}
	}

	/** Stores an image under its id (keeping an existing one). */
	addImage(image: Image): Image {
		const known = this.state.store.images[image.id];
		if (known) return known;
		this.state.store.images[image.id] = image;
		return image;
	}

	/** Points a local reference at an image. */
	tag(ref: string, id: string): void {
		this.state.store.tags[ref] = id;
	}

	/** The local references of an image, sorted. */
	refsOf(id: string): string[] {
		return Object.entries(this.state.store.tags)
			.filter(([, value]) => value === id)
			.map(([ref]) => ref)
			.sort();
	}

	/** Finds a local image by reference, full id, `sha256:` id or unique id prefix. */
	findImage(key: string): Image | undefined {
		const { images, tags } = this.state.store;
		const name = imageName(key);
		const byRef = name ? tags[name.ref] : undefined;
		if (byRef) return images[byRef];
		const hex = key.replace(/^sha256:/, '');
		if (!/^[0-9a-f]{4,64}$/.test(hex)) return undefined;
		const local = new Set(Object.values(tags));
		const matches = [...local].filter((id) => id.startsWith(hex));
		return matches.length === 1 && matches[0] ? images[matches[0]] : undefined;
	}

	/** Makes a public base image available locally, as `docker pull` would. */
	pull(name: ImageName): Image {
		const base = baseImage(name);
		const id = hashString(JSON.stringify(['pulled', name.full, base.config]));
		const image = this.addImage({
			id,
			base: name.full,
			steps: [],
			config: base.config,
			files: base.files,
			size: base.size,
			created: this.now(),
		});
		this.tag(name.ref, image.id);
		return image;
	}

	/** Finds a container by name, full id or unique id prefix. */
	findContainer(key: string): Container | undefined {
		const { containers } = this.state;
		const exact = containers.find((c) => c.name === key || c.id === key);
		if (exact) return exact;
		if (!/^[0-9a-f]{1,64}$/.test(key)) return undefined;
		const matches = containers.filter((c) => c.id.startsWith(key));
		return matches.length === 1 ? matches[0] : undefined;
	}

	/** Removes a container. */
	removeContainer(container: Container): void {
		this.state.containers = this.state.containers.filter((c) => c !== container);
	}
}
