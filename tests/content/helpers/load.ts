import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../unit/helpers/center.js';
import { readMdx, type MdxFile } from './mdx.js';

export { repoRoot };

/** Reads a repository file as text. */
export function readText(file: string): string {
	return readFileSync(join(repoRoot, file), 'utf8');
}

/** Repository-relative paths of the chapter files, sorted. */
export function chapterFiles(): string[] {
	return readdirSync(join(repoRoot, 'content/chapters'))
		.filter((name) => name.endsWith('.mdx'))
		.sort()
		.map((name) => `content/chapters/${name}`);
}

/** Reads every chapter. */
export function loadChapters(): MdxFile[] {
	return chapterFiles().map((file) => readMdx(file, readText(file)));
}

/** The slug of a chapter file: its name without folder and `.mdx`. */
export function slugOf(file: string): string {
	return (file.split('/').pop() ?? file).replace(/\.mdx$/, '');
}

/** Names of the folders in `exercises/`, sorted. */
export function exerciseFolders(): string[] {
	return readdirSync(join(repoRoot, 'exercises'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
}

/** Ids of the exercises that exist: folders holding an `exercise.yaml`. */
export function exerciseIds(): Set<string> {
	return new Set(
		exerciseFolders().filter((id) => existsSync(join(repoRoot, 'exercises', id, 'exercise.yaml')))
	);
}

/** Repository-relative paths of the video files, sorted. */
export function videoFiles(): string[] {
	return readdirSync(join(repoRoot, 'content/videos'))
		.filter((name) => name.endsWith('.yaml'))
		.sort()
		.map((name) => `content/videos/${name}`);
}

/** Ids of the videos: their file names without `.yaml`. */
export function videoIds(): Set<string> {
	return new Set(
		videoFiles().map((file) => (file.split('/').pop() ?? file).replace(/\.yaml$/, ''))
	);
}
