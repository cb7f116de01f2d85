import type { ExecContext } from './exec.js';
import { resolvePath } from './fs.js';
import type { Image } from './types.js';
import { resolveUser } from './users.js';

/** The process environment of a container or pod: user, variables, working directory. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What a process is started with. */
export interface ProcessSpec {
	/** `--user` / `runAsUser[:runAsGroup]`, or `''` for the image's USER. */
	user: string;
	/** Extra variables (`-e`, `env:`), as `NAME=value`. */
	env: readonly string[];
	hostname: string;
	/** Extra group ids (`--group-add`, `fsGroup`). */
	groups?: readonly number[];
	/** Working directory override. */
	workdir?: string;
	/** Time in ms, for `ls -l` dates. */
	time: number;
}

/** `ls -l` date, e.g. `May  1 09:00`. */
export function lsDate(ms: number): string {
	const d = new Date(ms);
	const hh = String(d.getUTCHours()).padStart(2, '0');
	const mm = String(d.getUTCMinutes()).padStart(2, '0');
	return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hh}:${mm}`;
}

/** Merges variables: later values replace earlier ones with the same name, in place. */
export function mergeEnv(...lists: readonly (readonly string[])[]): string[] {
	const out: string[] = [];
	for (const list of lists) {
		for (const entry of list) {
			const name = entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry;
			const at = out.findIndex((e) => e.slice(0, e.indexOf('=')) === name);
			const value = entry.includes('=') ? entry : `${entry}=`;
			if (at >= 0) out[at] = value;
			else out.push(value);
		}
	}
	return out;
}

/** Builds the context a container's processes run in; a string is the runtime's error. */
export function processContext(image: Image, spec: ProcessSpec): ExecContext | string {
	const userSpec = spec.user || image.config.user;
	const identity = resolveUser(image.files, userSpec);
	if (typeof identity === 'string') return identity;
	if (spec.groups && spec.groups.length > 0) identity.groups = [...spec.groups];
	const merged = mergeEnv(image.config.env, spec.env);
	const path = merged.find((e) => e.startsWith('PATH=')) ?? DEFAULT_PATH;
	const rest = merged.filter((e) => !/^(PATH|HOME|HOSTNAME)=/.test(e));
	const home =
		merged.find((e) => e.startsWith('HOME=')) ??
		`HOME=${identity.home === '/nonexistent' ? '/' : identity.home}`;
	return {
		files: image.files,
		cwd: resolvePath('/', spec.workdir || image.config.workdir || '/'),
		env: [path, `HOSTNAME=${spec.hostname}`, ...rest, home],
		identity,
		hostname: spec.hostname,
		date: lsDate(spec.time),
	};
}

/** The command a container runs: ENTRYPOINT + CMD, with `docker run IMAGE CMD…` replacing CMD. */
export function containerCommand(
	image: Image,
	override: readonly string[],
	entrypoint?: string
): string[] {
	const entry =
		entrypoint !== undefined
			? entrypoint === ''
				? []
				: [entrypoint]
			: (image.config.entrypoint ?? []);
	const cmd =
		override.length > 0 ? [...override] : entrypoint !== undefined ? [] : (image.config.cmd ?? []);
	return [...entry, ...cmd];
}
