import { describe, expect, test } from 'vitest';
import {
	compare,
	fingerprint,
	jaccard,
	reference,
	shingles,
	solutionTokens,
	type Solution,
} from '../../../../src/core/completion/similarity.js';

const STARTER: Solution = { files: { Dockerfile: 'FROM python\nCMD python app.py\n' }, params: {} };
const MODEL: Solution = {
	files: {
		Dockerfile: [
			'FROM python:3.12-slim',
			'WORKDIR /app',
			'COPY requirements.txt .',
			'RUN pip install --no-cache-dir -r requirements.txt',
			'COPY app.py .',
			'USER {{uid}}',
			'EXPOSE 8000',
			'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
		].join('\n'),
	},
	params: {},
};
const REF = reference(STARTER, MODEL);

/** The model answer written by a learner with a UID and extra lines of their own. */
function learner(uid: string, extra: string): Solution {
	const text = (MODEL.files['Dockerfile'] ?? '').replace('{{uid}}', uid);
	return { files: { Dockerfile: `${text}\n${extra}` }, params: { uid } };
}

const OWN =
	'LABEL title="Open day guest book" description="Collects notes from visitors and shows the latest twenty" team="imaging web"';

describe('solutionTokens', () => {
	test('drops comments, lower-cases, and puts param values back as placeholders', () => {
		const tokens = solutionTokens({
			files: { Dockerfile: '# mine\nUSER 54321 # me\nFROM A' },
			params: { uid: '54321' },
		});
		expect(tokens.join(' ')).toBe('@ @ file dockerfile user { { uid } } from a');
	});

	test('does not replace a value inside a longer number', () => {
		expect(solutionTokens({ files: { f: 'port 154321' }, params: { uid: '54321' } })).toContain(
			'154321'
		);
	});
});

describe('shingles and jaccard', () => {
	test('cut overlapping five-token shingles', () => {
		expect([...shingles(['a', 'b', 'c', 'd', 'e', 'f'])]).toEqual(['a b c d e', 'b c d e f']);
		expect([...shingles(['a', 'b'])]).toEqual(['a b']);
	});

	test('measure overlap', () => {
		expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
		expect(jaccard(new Set(), new Set())).toBe(1);
	});
});

describe('compare', () => {
	test('does not pair solutions that are the model answer, even with different UIDs', () => {
		const a = fingerprint(learner('54321', ''), REF);
		const b = fingerprint(learner('60000', ''), REF);
		expect(a.hash).toBe(REF.solutionHash);
		expect(compare(a, b, REF).likeness).toBe('not-compared');
	});

	test('flags the same own lines as identical, whatever the UID', () => {
		const a = fingerprint(learner('54321', OWN), REF);
		const b = fingerprint(learner('60000', OWN), REF);
		expect(compare(a, b, REF)).toEqual({ likeness: 'identical', score: 1 });
	});

	test('flags a one-word change in long own lines as near-identical', () => {
		// One changed token alters 5 shingles on each side: (n - 5) / (n + 5) >= 0.9 needs n >= 95.
		const long = [
			OWN,
			'LABEL owner="Building 59, second floor, room 214" rota="weekly handover on Monday morning"',
			'ENV GUESTBOOK_TITLE="Visitors of the open day" GUESTBOOK_PAGE_SIZE=20 GUESTBOOK_THEME=light',
			'HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request as u; u.urlopen(\'http://localhost:8000/\')"]',
		].join('\n');
		const a = fingerprint(learner('54321', long), REF);
		const b = fingerprint(learner('54321', long.replace('Monday', 'Tuesday')), REF);
		const result = compare(a, b, REF);
		expect(result.likeness).toBe('near-identical');
		expect(result.score).toBeGreaterThanOrEqual(0.9);
	});

	test('calls independent own lines different', () => {
		const a = fingerprint(learner('54321', OWN), REF);
		const b = fingerprint(
			learner(
				'54321',
				'ENV GREETING="Welcome to the reading room of the map library" PAGE_SIZE=50 THEME=dark'
			),
			REF
		);
		expect(compare(a, b, REF).likeness).toBe('different');
	});

	test('skips exercises whose published solution is short', () => {
		const tiny = reference(STARTER, { files: { Dockerfile: 'FROM python:3.12-slim' }, params: {} });
		const a = fingerprint(learner('1', OWN), tiny);
		expect(tiny.comparable).toBe(false);
		expect(compare(a, a, tiny).likeness).toBe('not-compared');
	});
});
