import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodType } from 'zod';
import type { Problem } from './problem.js';

/** A YAML text read with line positions: `data` is its plain value, `problems` its syntax errors. */
export interface YamlFile {
	file: string;
	doc: Document.Parsed;
	lines: LineCounter;
	data: unknown;
	problems: Problem[];
}

/** Parses YAML that starts on `firstLine` of `file`, so that lines are those of the file. */
export function readYaml(file: string, text: string, firstLine = 1): YamlFile {
	const lines = new LineCounter();
	const doc = parseDocument('\n'.repeat(firstLine - 1) + text, {
		lineCounter: lines,
		prettyErrors: false,
	});
	const problems = doc.errors.map((error) => ({
		file,
		line: lines.linePos(error.pos[0]).line,
		message: `YAML does not parse: ${error.message.split('\n')[0] ?? ''}`,
	}));
	return { file, doc, lines, data: doc.toJS(), problems };
}

/** Returns the line of the value at `path` (e.g. `['exerciseIds', 2]`), else its nearest parent's. */
export function yamlLine(yaml: YamlFile, path: readonly PropertyKey[]): number {
	for (let n = path.length; n >= 0; n -= 1) {
		const node = yaml.doc.getIn(path.slice(0, n), true) as { range?: number[] } | undefined;
		const start = node?.range?.[0];
		if (start !== undefined) return yaml.lines.linePos(start).line;
	}
	return 1;
}

/** Checks a YAML value against a zod schema; one problem per issue, at the line of its path. */
export function schemaProblems(
	yaml: YamlFile,
	schema: ZodType,
	value: unknown = yaml.data,
	base: readonly PropertyKey[] = []
): Problem[] {
	const result = schema.safeParse(value);
	if (result.success) return [];
	return result.error.issues.map((issue) => {
		const path = [...base, ...issue.path];
		const where = path.length > 0 ? `${path.join('.')}: ` : '';
		return { file: yaml.file, line: yamlLine(yaml, path), message: `${where}${issue.message}` };
	});
}
