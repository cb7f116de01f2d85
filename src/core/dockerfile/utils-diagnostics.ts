import { validate, ValidationCode } from 'dockerfile-utils';
import type { Range } from '../types.js';
import './ast.js';
import './utils-speedups.js';
import { clampPosition, fromLsp } from './text.js';
import type { DockerfileDoc } from './types.js';

/**
 * `dockerfile-utils` diagnostics of a document, computed once and kept in `doc.memo`.
 * Diagnostics are grouped by the *name* of their `ValidationCode`, which is stable across
 * releases where the numbers are not.
 */

/** One `dockerfile-utils` finding. */
export interface UtilsFinding {
	range: Range;
	/** The library's own message, kept for reference. */
	message: string;
}

const KEY = 'dockerfile-utils';

/** Names of the codes by number; where two names share a number, the later (current) one wins. */
const NAMES = new Map<number, string>();
for (const [name, value] of Object.entries(ValidationCode)) {
	if (typeof value === 'number') NAMES.set(value, name);
}

/** Every code name of the installed `dockerfile-utils`, deprecated aliases included. */
export function validationCodeNames(): string[] {
	return Object.keys(ValidationCode).filter((key) => !/^\d+$/.test(key));
}

/** The code name that a code number reports under. */
export function codeName(code: number): string | undefined {
	return NAMES.get(code);
}

/** Runs `dockerfile-utils` once per document and groups its findings by code name. */
export function utilsFindings(doc: DockerfileDoc): Map<string, UtilsFinding[]> {
	const known = doc.memo.get(KEY) as Map<string, UtilsFinding[]> | undefined;
	if (known) return known;
	const grouped = new Map<string, UtilsFinding[]>();
	if (doc.failure === null) {
		for (const diagnostic of validate(doc.source)) {
			const name = typeof diagnostic.code === 'number' ? codeName(diagnostic.code) : undefined;
			if (!name) continue;
			const list = grouped.get(name) ?? [];
			const message =
				typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
			const range = fromLsp(diagnostic.range);
			const start = clampPosition(doc.lines, range.start);
			list.push({ range: { start, end: clampPosition(doc.lines, range.end) }, message });
			grouped.set(name, list);
		}
	}
	doc.memo.set(KEY, grouped);
	return grouped;
}
