import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../helpers/center.js';

/**
 * The shared Dockerfile corpus (`../shared/corpus` beside the repository): real Dockerfiles,
 * their manifest, and BuildKit's own parser results for its parser fixtures.
 */

export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');
const dockerfiles = path.join(corpusRoot, 'dockerfiles');

/** One manifest entry. */
export interface CorpusFile {
	file: string;
	repo: string;
	tags: string[];
	text: string;
}

/** Reads every corpus Dockerfile listed in the manifest. */
export function loadCorpus(): CorpusFile[] {
	const manifest = JSON.parse(
		readFileSync(path.join(dockerfiles, 'manifest.json'), 'utf8')
	) as Omit<CorpusFile, 'text'>[];
	return manifest.map((entry) => ({
		...entry,
		text: readFileSync(path.join(dockerfiles, entry.file), 'utf8'),
	}));
}

/** One instruction of a BuildKit parser result: keyword, flags and arguments. */
export interface ExpectedInstruction {
	keyword: string;
	flags: string[];
	args: string[];
}

const ESCAPES: Record<string, string> = {
	n: '\n',
	t: '\t',
	r: '\r',
	a: '\x07',
	b: '\b',
	f: '\f',
	v: '\v',
};

/** Decodes a Go-quoted string (`strconv.Quote` output). */
function unquote(quoted: string): string {
	const body = quoted.slice(1, -1);
	let out = '';
	for (let i = 0; i < body.length; i++) {
		const c = body[i] ?? '';
		if (c !== '\\') {
			out += c;
			continue;
		}
		const next = body[++i] ?? '';
		if (next === 'x' || next === 'u' || next === 'U') {
			const size = next === 'x' ? 2 : next === 'u' ? 4 : 8;
			out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + size), 16));
			i += size;
		} else {
			out += ESCAPES[next] ?? next;
		}
	}
	return out;
}

const STRING = /"(?:[^"\\]|\\.)*"/g;

/** Parses one `(keyword ["flags"] "arg" …)` line of a BuildKit result file. */
export function parseResultLine(line: string): ExpectedInstruction | null {
	const head = /^\((\w+)\s*(\[[^\]]*\])?/.exec(line.trim());
	if (!head?.[1]) return null;
	const flags = [...(head[2] ?? '').matchAll(STRING)].map((m) => unquote(m[0]));
	const rest = line.trim().slice(head[0].length);
	const args = rest.trimStart().startsWith('(')
		? []
		: [...rest.matchAll(STRING)].map((m) => unquote(m[0]));
	return { keyword: head[1], flags, args };
}

/** The BuildKit parser fixtures: Dockerfile text and expected instructions. */
export function loadParserFixtures(): {
	name: string;
	text: string;
	expected: ExpectedInstruction[];
}[] {
	const dir = path.join(corpusRoot, 'buildkit-parser-expected');
	return readdirSync(dir)
		.filter((file) => file.endsWith('__result'))
		.sort((a, b) => a.localeCompare(b, 'en'))
		.map((file) => ({
			name: file.replace(/__result$/, ''),
			text: readFileSync(path.join(dockerfiles, file.replace(/__result$/, '__Dockerfile')), 'utf8'),
			expected: readFileSync(path.join(dir, file), 'utf8')
				.split('\n')
				.map(parseResultLine)
				.filter((entry): entry is ExpectedInstruction => entry !== null),
		}));
}

/** One recorded `dockerfile-utils` finding (1-based, end exclusive). */
export interface BaselineFinding {
	code: string;
	line: number;
	col: number;
	endLine: number;
	endCol: number;
}

/** The recorded `dockerfile-utils` findings of every corpus file, by file name. */
export function loadBaseline(): Map<string, BaselineFinding[]> {
	const file = path.join(corpusRoot, 'baseline-dockerfile-ast-0.7.1-utils-0.16.3.json');
	const data = JSON.parse(readFileSync(file, 'utf8')) as {
		files: Record<string, { diagnostics: BaselineFinding[] }>;
	};
	return new Map(Object.entries(data.files).map(([name, entry]) => [name, entry.diagnostics]));
}
