import { GlossaryTermSchema } from '../../../src/schemas/glossary.js';
import { VideoSchema } from '../../../src/schemas/video.js';
import { lineOf, walk, type MdxFile } from './mdx.js';
import type { Problem } from './problem.js';
import { GLOSSARY_LINK } from './reference-checks.js';
import { readYaml, schemaProblems, yamlLine } from './yaml-file.js';

/** Checks the glossary: a list of valid terms, unique ids, `see` ids that exist. Returns the ids. */
export function checkGlossary(
	file: string,
	text: string
): { ids: Set<string>; problems: Problem[] } {
	const yaml = readYaml(file, text);
	const problems = [...yaml.problems];
	const ids = new Set<string>();
	if (!Array.isArray(yaml.data)) {
		problems.push({ file, line: 1, message: 'the glossary must be a YAML list of terms' });
		return { ids, problems };
	}
	const terms: unknown[] = yaml.data;
	const lines = new Map<string, number>();
	terms.forEach((term, index) => {
		problems.push(...schemaProblems(yaml, GlossaryTermSchema, term, [index]));
		const id = (term as { id?: unknown } | null)?.id;
		if (typeof id !== 'string') return;
		const line = yamlLine(yaml, [index, 'id']);
		const first = lines.get(id);
		if (first !== undefined) {
			problems.push({ file, line, message: `id "${id}" is used twice (first on line ${first})` });
		} else lines.set(id, line);
		ids.add(id);
	});
	terms.forEach((term, index) => {
		const see = (term as { see?: unknown } | null)?.see;
		if (!Array.isArray(see)) return;
		see.forEach((id: unknown, n) => {
			if (typeof id === 'string' && !ids.has(id)) {
				const line = yamlLine(yaml, [index, 'see', n]);
				problems.push({ file, line, message: `see: "${id}" is not an id of this glossary` });
			}
		});
	});
	return { ids, problems };
}

/** Checks one video file against `VideoSchema`. */
export function checkVideo(file: string, text: string): Problem[] {
	const yaml = readYaml(file, text);
	return [...yaml.problems, ...schemaProblems(yaml, VideoSchema)];
}

/** One glossary link of a chapter: the term id, its line and whether it sits in a heading. */
export interface GlossaryLink {
	id: string;
	line: number;
	inHeading: boolean;
}

/** Every link to a glossary entry in a chapter's body. */
export function glossaryLinks(mdx: MdxFile): GlossaryLink[] {
	const links: GlossaryLink[] = [];
	if (!mdx.tree) return links;
	walk(mdx.tree, (node, ancestors) => {
		if (node.type !== 'link') return;
		const id = GLOSSARY_LINK.exec(node.url ?? '')?.[1];
		if (!id) return;
		const inHeading = ancestors.some((a) => a.type === 'heading');
		links.push({ id, line: lineOf(node), inHeading });
	});
	return links;
}

/** Checks that a chapter links each term once (at its first use) and never from a heading. */
export function checkLinkUse(mdx: MdxFile): Problem[] {
	const problems: Problem[] = [];
	const first = new Map<string, number>();
	for (const link of glossaryLinks(mdx)) {
		if (link.inHeading) {
			const message = `glossary link to "${link.id}" in a heading: link the term in prose instead`;
			problems.push({ file: mdx.file, line: link.line, message });
		}
		const earlier = first.get(link.id);
		if (earlier !== undefined) {
			const message = `"${link.id}" is linked again (first on line ${earlier}): link a term at its first use only`;
			problems.push({ file: mdx.file, line: link.line, message });
		} else first.set(link.id, link.line);
	}
	return problems;
}

/** The fewest distinct glossary terms a chapter links: its main terms, at their first use. */
export const MIN_GLOSSARY_LINKS = 5;

/** Checks that a chapter links at least `minimum` distinct glossary terms. */
export function checkLinkCount(mdx: MdxFile, minimum = MIN_GLOSSARY_LINKS): Problem[] {
	const ids = new Set(glossaryLinks(mdx).map((link) => link.id));
	if (ids.size >= minimum) return [];
	const message = `links ${ids.size} glossary terms; link at least ${minimum} of its main terms at their first use, as [term](/glossary/#id)`;
	return [{ file: mdx.file, line: 1, message }];
}
