import {
	chmodSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Reads a UTF-8 file, or returns null when it cannot be read. */
export function readTextOrNull(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

/** Writes a file, creating its folder. */
export function writeText(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
}

/** Writes a secret file readable by its owner only (mode 600), in a folder of mode 700. */
export function writeSecret(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	writeFileSync(path, text, { mode: 0o600 });
	chmodSync(path, 0o600);
}

/** Reads every file under a folder as text, by relative path with `/` separators. */
export function readTree(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	if (!existsSync(dir)) return out;
	const visit = (d: string): void => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) visit(full);
			else out[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
		}
	};
	visit(dir);
	return out;
}
