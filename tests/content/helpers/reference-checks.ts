import type { Chapter } from '../../../src/schemas/chapter.js';
import { frontmatterLine, jsxAttribute, jsxElements, lineOf, walk, type MdxFile } from './mdx.js';
import type { Problem } from './problem.js';

/** The ids that exist: exercise folders, video files and glossary terms. */
export interface KnownIds {
	exercises: ReadonlySet<string>;
	videos: ReadonlySet<string>;
	glossary: ReadonlySet<string>;
}

/** How one kind of reference is written: a frontmatter list and a JSX component with an `id`. */
interface RefKind {
	field: 'exerciseIds' | 'videos';
	component: 'Exercise' | 'Video';
	known: ReadonlySet<string>;
	where: string;
}

/** Checks one frontmatter list against its JSX elements and the ids that exist. */
function checkRefs(mdx: MdxFile, chapter: Chapter, kind: RefKind): Problem[] {
	const problems: Problem[] = [];
	const add = (line: number, message: string): void => {
		problems.push({ file: mdx.file, line, message });
	};
	const listed = chapter[kind.field];
	const inBody = new Map<string, number>();
	listed.forEach((id, index) => {
		const line = frontmatterLine(mdx, [kind.field, index]);
		if (!kind.known.has(id))
			add(line, `${kind.field} names "${id}", which is not in ${kind.where}`);
		if (listed.indexOf(id) !== index) add(line, `${kind.field} lists "${id}" twice`);
	});
	for (const element of mdx.tree ? jsxElements(mdx.tree, kind.component) : []) {
		const line = lineOf(element);
		const id = jsxAttribute(element, 'id');
		if (typeof id !== 'string') {
			add(line, `<${kind.component}> needs a literal id="…" attribute`);
			continue;
		}
		if (!kind.known.has(id)) add(line, `<${kind.component} id="${id}"> is not in ${kind.where}`);
		if (!listed.includes(id)) {
			add(line, `<${kind.component} id="${id}"> is missing from the frontmatter's ${kind.field}`);
		}
		if (inBody.has(id)) add(line, `<${kind.component} id="${id}"> appears twice in the body`);
		inBody.set(id, line);
	}
	listed.forEach((id, index) => {
		if (!inBody.has(id)) {
			const line = frontmatterLine(mdx, [kind.field, index]);
			add(line, `${kind.field} lists "${id}" but the body has no <${kind.component} id="${id}">`);
		}
	});
	return problems;
}

/** Matches a link to a glossary entry; group 1 is the anchor, if any. */
export const GLOSSARY_LINK = /^\/glossary\/?(?:#(.*))?$/;

/** Checks that every link to `/glossary/#<id>` names a term of the glossary. */
function checkGlossaryLinks(mdx: MdxFile, glossary: ReadonlySet<string>): Problem[] {
	const problems: Problem[] = [];
	if (!mdx.tree) return problems;
	walk(mdx.tree, (node) => {
		if (node.type !== 'link' && node.type !== 'definition') return;
		const match = GLOSSARY_LINK.exec(node.url ?? '');
		if (!match) return;
		const id = match[1];
		const message = !id
			? `link to ${node.url} names no term: write /glossary/#<id>`
			: glossary.has(id)
				? undefined
				: `link to ${node.url}: "${id}" is not an id in content/glossary.yaml`;
		if (message) problems.push({ file: mdx.file, line: lineOf(node), message });
	});
	return problems;
}

/** Checks a chapter's exercises, videos and glossary links against the ids that exist. */
export function checkReferences(mdx: MdxFile, chapter: Chapter, known: KnownIds): Problem[] {
	return [
		...checkRefs(mdx, chapter, {
			field: 'exerciseIds',
			component: 'Exercise',
			known: known.exercises,
			where: 'exercises/ (a folder with exercise.yaml)',
		}),
		...checkRefs(mdx, chapter, {
			field: 'videos',
			component: 'Video',
			known: known.videos,
			where: 'content/videos/ (a <id>.yaml file)',
		}),
		...checkGlossaryLinks(mdx, known.glossary),
	];
}

/** An exercise as its `exercise.yaml` places it: the `chapter` field and its line. */
export interface PlacedExercise {
	id: string;
	file: string;
	line: number;
	chapter: string | undefined;
}

/** Checks that every exercise is listed by exactly one chapter, the one its `chapter` field names. */
export function checkPlacement(
	exercises: readonly PlacedExercise[],
	chapters: ReadonlyMap<string, readonly string[]>
): Problem[] {
	const problems: Problem[] = [];
	for (const exercise of exercises) {
		const add = (message: string): void => {
			problems.push({ file: exercise.file, line: exercise.line, message });
		};
		const placed = [...chapters].filter(([, ids]) => ids.includes(exercise.id)).map(([s]) => s);
		if (placed.length === 0) {
			add(`exercise "${exercise.id}" is placed in no chapter (no chapter's exerciseIds lists it)`);
		} else if (placed.length > 1) {
			add(`exercise "${exercise.id}" is placed in ${placed.length} chapters: ${placed.join(', ')}`);
		} else if (placed[0] !== exercise.chapter) {
			add(
				`exercise "${exercise.id}" says chapter: ${exercise.chapter ?? '(none)'} but ${placed[0]} lists it`
			);
		}
	}
	return problems;
}
