import { parse, type ParseEntry } from 'shell-quote';
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';
import { allRuns } from '../../../../src/core/dockerfile/run-scripts.js';
import { shellTokens } from '../../../../src/core/dockerfile/shell-tokens.js';
import { loadCorpus } from '../corpus/corpus.js';

/** Stands in for `$` so that `shell-quote` leaves variables alone. */
const DOLLAR = '\u0001';

/** `shell-quote`'s reading of a line, with `$` kept as an ordinary character. */
function reference(text: string): unknown[] {
	const back = (s: string) => s.replaceAll(DOLLAR, '$');
	return parse(text.replaceAll('$', DOLLAR)).map((entry: ParseEntry) => {
		if (typeof entry === 'string') return back(entry);
		if ('pattern' in entry) return { op: 'glob', pattern: back(entry.pattern) };
		if ('comment' in entry) return { comment: back(entry.comment) };
		return entry;
	});
}

/** The lines `splitCommands` hands to the tokenizer: continuation lines joined. */
function scriptLines(script: string): string[] {
	const lines: string[] = [];
	let start = 0;
	while (start <= script.length) {
		let end = script.indexOf('\n', start);
		while (end > 0 && script[end - 1] === '\\') end = script.indexOf('\n', end + 1);
		if (end < 0) end = script.length;
		lines.push(script.slice(start, end).replace(/\\?\r?\n|\r/g, (m) => ' '.repeat(m.length)));
		start = end + 1;
	}
	return lines;
}

/** A small deterministic generator (mulberry32). */
function generator(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('shellTokens', () => {
	test('reads words, quotes, escapes, globs, operators and comments', () => {
		expect(shellTokens(`a "b c" 'd e' f\\ g *.txt && x|y; z >> out 2>&1 # rest`)).toEqual([
			'a',
			'b c',
			'd e',
			'f g',
			{ op: 'glob', pattern: '*.txt' },
			{ op: '&&' },
			'x',
			{ op: '|' },
			'y',
			{ op: ';' },
			'z',
			{ op: '>>' },
			'out',
			'2',
			{ op: '>&' },
			'1',
			{ comment: ' rest' },
		]);
		expect(shellTokens('echo "$HOME" ${A:-b} $#x')).toEqual([
			'echo',
			'$HOME',
			'${A:-b}',
			'$',
			{ comment: 'x' },
		]);
	});

	test('matches shell-quote on hand-picked edge cases', () => {
		const cases = [
			'',
			'   ',
			'"unterminated',
			"it's",
			'a"b"c\'d\'e',
			'"a\\"b" "c\\\\d" "e\\$f" "g\\xh"',
			'\\* \\? "*" \'?\' a\\#b a#b "#" \'#\'',
			'x <<< y <<- z << w <(a) >(b) >| c <> d <& e &> f &>> g ;;& h ;& i |& j',
			"$'a\\'b' $$ $? ${x} $(cmd) `cmd`",
			'""\'\'"" a""b',
			'tab\tsep\u00a0nbsp\u3000ideo',
			'a\\',
			'\\\\ \\" \\\' \\$ \\| \\&',
		];
		for (const text of cases) expect(shellTokens(text), text).toEqual(reference(text));
	});

	test('matches shell-quote on every line of every RUN in the corpus', () => {
		let lines = 0;
		for (const { text } of loadCorpus()) {
			const doc = parseDockerfile(text);
			for (const { scripts } of allRuns(doc)) {
				for (const script of scripts) {
					for (const line of scriptLines(script.text)) {
						lines++;
						expect(shellTokens(line), line).toEqual(reference(line));
					}
				}
			}
		}
		expect(lines).toBeGreaterThan(500);
	});

	test('matches shell-quote on random text made of shell metacharacters', () => {
		const alphabet = ['a', 'b', ' ', '\t', '"', "'", '\\', '$', '#', '*', '?', '&', '|', ';'];
		alphabet.push('(', ')', '<', '>', '{', '}', '-', '=', '\u00a0', 'é');
		const random = generator(20240601);
		for (let n = 0; n < 5000; n++) {
			const length = 1 + Math.floor(random() * 24);
			let text = '';
			for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
			expect(shellTokens(text), JSON.stringify(text)).toEqual(reference(text));
		}
	});
});
