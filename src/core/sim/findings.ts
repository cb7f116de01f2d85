import type { Diagnostic, Severity } from '../types.js';
import { paint, type Colour } from './format.js';

/** The validator's findings as terminal lines: file and line, severity, rule id, message, hint. */

const COLOURS: Record<Severity, Colour> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** `1 error`, `2 warnings`. */
export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Formats findings, each as a heading line, its message and its hint. */
export function findingLines(file: string, diagnostics: readonly Diagnostic[]): string[] {
	const lines: string[] = [];
	for (const d of diagnostics) {
		const where = `${file}:${d.range.start.line}`;
		lines.push(
			` ${paint(COLOURS[d.severity], d.severity.padEnd(7))} ${where}  ${paint('dim', d.ruleId)}`
		);
		lines.push(`         ${d.message}`);
		if (d.hint) lines.push(`         ${paint('dim', `hint: ${d.hint}`)}`);
	}
	return lines;
}

/** A one-line summary such as `2 errors, 1 warning`. */
export function summary(diagnostics: readonly Diagnostic[]): string {
	const parts: string[] = [];
	for (const severity of ['error', 'warning', 'info'] as const) {
		const n = diagnostics.filter((d) => d.severity === severity).length;
		if (n > 0) parts.push(severity === 'info' ? `${n} info` : plural(n, severity));
	}
	return parts.join(', ');
}

/** The lines around a 1-based line of a text, BuildKit style (`>>>` marks the line). */
export function snippet(file: string, text: string, line: number): string[] {
	const all = text.split(/\r?\n/);
	const from = Math.max(1, line - 2);
	const to = Math.min(all.length, line + 1);
	const out = [`${file}:${line}`, '--------------------'];
	for (let n = from; n <= to; n++) {
		out.push(`${String(n).padStart(4)} | ${n === line ? '>>> ' : '    '}${all[n - 1] ?? ''}`);
	}
	out.push('--------------------');
	return out;
}
