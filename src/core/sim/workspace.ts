import { globMatch, resolvePath } from './fs.js';

/**
 * The learner's workspace: named files (the exercise's editor text and context files) by path
 * relative to the prompt's directory, e.g. `Dockerfile`, `app.py`, `web/nginx-proxy.conf`.
 */

/** Normalises a workspace path (`./app.py` → `app.py`, `web/` → `web`); `''` is the top. */
export function workspacePath(path: string): string {
	return resolvePath('/', path).slice(1);
}

/** Whether a path names a directory of the workspace. */
export function isWorkspaceDir(files: Readonly<Record<string, string>>, path: string): boolean {
	return path === '' || Object.keys(files).some((name) => name.startsWith(`${path}/`));
}

/** The names directly inside a workspace directory (sub-directories end with `/`), sorted. */
export function listWorkspace(files: Readonly<Record<string, string>>, dir: string): string[] {
	const prefix = dir === '' ? '' : `${dir}/`;
	const names = new Set<string>();
	for (const name of Object.keys(files)) {
		if (!name.startsWith(prefix)) continue;
		const rest = name.slice(prefix.length);
		const slash = rest.indexOf('/');
		names.add(slash < 0 ? rest : `${rest.slice(0, slash)}/`);
	}
	return [...names].sort((a, b) => a.localeCompare(b, 'en'));
}

/** Reads `.dockerignore` patterns (comments and blank lines skipped, `!` exceptions kept). */
function ignorePatterns(text: string | undefined): string[] {
	if (!text) return [];
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'))
		.map((line) => line.replace(/^\.?\//, '').replace(/\/$/, ''));
}

/** Whether a path (or one of its parent directories) matches a pattern. */
function matches(pattern: string, path: string): boolean {
	const parts = path.split('/');
	for (let n = 1; n <= parts.length; n++) {
		if (globMatch(pattern.replace(/\*\*\/?/g, '*'), parts.slice(0, n).join('/'))) return true;
	}
	return false;
}

/** The build context: files under `dir`, relative to it, minus what `.dockerignore` excludes. */
export function contextFiles(
	files: Readonly<Record<string, string>>,
	dir: string
): Record<string, string> {
	const prefix = dir === '' ? '' : `${dir}/`;
	const patterns = ignorePatterns(files[`${prefix}.dockerignore`]);
	const out: Record<string, string> = {};
	for (const [name, content] of Object.entries(files)) {
		if (!name.startsWith(prefix)) continue;
		const relative = name.slice(prefix.length);
		let ignored = false;
		for (const pattern of patterns) {
			if (pattern.startsWith('!')) {
				if (matches(pattern.slice(1), relative)) ignored = false;
			} else if (matches(pattern, relative)) ignored = true;
		}
		if (!ignored) out[relative] = content;
	}
	return out;
}
