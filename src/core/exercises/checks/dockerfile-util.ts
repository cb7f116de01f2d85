import { finalLineage } from '../../dockerfile/queries.js';
import { finalStage } from '../../dockerfile/stages.js';
import type { DockerfileDoc, Instruction, Stage } from '../../dockerfile/types.js';
import type { Range } from '../../types.js';

/** Helpers shared by the Dockerfile checks: stages, paths, working directories and COPY targets. */

/** Directories that exist in common base images, so `COPY f /srv` copies into them. */
const KNOWN_DIRS = new Set([
	'/',
	'/bin',
	'/etc',
	'/etc/nginx',
	'/etc/nginx/conf.d',
	'/home',
	'/opt',
	'/root',
	'/srv',
	'/tmp',
	'/usr',
	'/usr/bin',
	'/usr/local',
	'/usr/local/bin',
	'/usr/local/lib',
	'/usr/share/nginx/html',
	'/var',
	'/var/tmp',
	'/var/www',
]);

/** Where a failing Dockerfile check points when nothing closer exists: the final FROM, or line 1. */
export function fallbackRange(doc: DockerfileDoc): Range {
	return (
		finalStage(doc.stages)?.from.range ?? {
			start: { line: 1, column: 1 },
			end: { line: 1, column: 1 },
		}
	);
}

/** The instructions of the final stage and the stages it builds on, in build order. */
export function finalInstructions(doc: DockerfileDoc): Instruction[] {
	return finalLineage(doc)
		.reverse()
		.flatMap((stage) => stage.instructions);
}

/** The stages a check looks at: the final lineage, the stages before it, or all. */
export function selectStages(doc: DockerfileDoc, which: 'final' | 'build' | 'all'): Stage[] {
	if (which === 'all') return doc.stages;
	const lineage = finalLineage(doc);
	return which === 'final' ? lineage : doc.stages.filter((stage) => !lineage.includes(stage));
}

/** Normalises an absolute path: no `.`/`..` segments, no repeated or trailing slashes. */
export function normalizePath(path: string): string {
	const out: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') out.pop();
		else out.push(part);
	}
	return '/' + out.join('/');
}

/** Resolves a path against a working directory. */
export function resolvePath(cwd: string, path: string): string {
	return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** The last path component. */
export function baseName(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Tracks the working directory and the directories known to exist while walking a stage. */
export class ImagePaths {
	cwd = '/';
	readonly dirs = new Set(KNOWN_DIRS);

	/** Applies a WORKDIR value. */
	workdir(value: string): void {
		this.cwd = resolvePath(this.cwd, value);
		this.addDir(this.cwd);
	}

	/** Records a directory and its parents. */
	addDir(path: string): void {
		let current = normalizePath(path);
		while (current !== '/') {
			this.dirs.add(current);
			current = normalizePath(current.slice(0, current.lastIndexOf('/')) || '/');
		}
	}

	/** Resolves a path written in the stage. */
	resolve(path: string): string {
		return resolvePath(this.cwd, path);
	}
}

/** Sources and destination of a COPY or ADD (shell or JSON form); null when malformed. */
export function copyParts(ins: Instruction): { sources: string[]; dest: string } | null {
	const words = ins.exec ?? ins.args.map((word) => word.value);
	if (words.length < 2) return null;
	return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? '' };
}

/** Tells whether a COPY source names a whole directory (the build context or a folder). */
function isDirectorySource(source: string): boolean {
	return source === '.' || source === './' || source.endsWith('/');
}

/** Turns a simple glob (`*`, `?`) into a regular expression. */
function globToRegex(glob: string): RegExp {
	const body = glob
		.replace(/[.+^${}()|[\]\\]/g, '\\$&')
		.replace(/\*/g, '[^/]*')
		.replace(/\?/g, '[^/]');
	return new RegExp(`^${body}$`);
}

/**
 * Where a copied file ends up: for each context file the COPY takes (`files` lists the context's
 * relative paths), its absolute path in the image. Updates the known directories.
 */
export function copyTargets(
	ins: Instruction,
	paths: ImagePaths,
	files: readonly string[]
): { file: string; target: string }[] {
	const parts = copyParts(ins);
	if (!parts) return [];
	const dest = paths.resolve(parts.dest);
	const intoDir =
		parts.dest.endsWith('/') ||
		parts.dest === '.' ||
		parts.sources.length > 1 ||
		paths.dirs.has(dest) ||
		parts.sources.some((s) => isDirectorySource(s) || /[*?]/.test(s));
	const out: { file: string; target: string }[] = [];
	for (const source of parts.sources) {
		const clean = source.replace(/^\.\//, '');
		if (isDirectorySource(source)) {
			const prefix = clean === '.' || clean === '' ? '' : clean.replace(/\/+$/, '') + '/';
			for (const file of files) {
				if (file.startsWith(prefix))
					out.push({ file, target: normalizePath(`${dest}/${file.slice(prefix.length)}`) });
			}
			continue;
		}
		const matcher = /[*?]/.test(clean) ? globToRegex(clean) : null;
		const matched = matcher ? files.filter((file) => matcher.test(file)) : [clean];
		for (const file of matched) {
			out.push({ file, target: intoDir ? normalizePath(`${dest}/${baseName(file)}`) : dest });
		}
	}
	if (intoDir) paths.addDir(dest);
	return out;
}
