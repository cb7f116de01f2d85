import type { DockerfileDoc } from '../../dockerfile/types.js';
import { offsetAt } from '../../dockerfile/text.js';
import { utilsFindings, type UtilsFinding } from '../../dockerfile/utils-diagnostics.js';
import { defineRule, type Range, type Report, type Rule } from '../../types.js';
import { CORRECTNESS_TABLE, type CorrectnessEntry } from './correctness-table.js';

/**
 * The correctness rules: one per `dockerfile-utils` check, built from `CORRECTNESS_TABLE`.
 * `dockerfile-utils` runs once per document; each rule picks the findings of its own code.
 */

/** Findings that BuildKit accepts although `dockerfile-utils` 0.16.3 does not know them. */
const ACCEPTED: Record<string, RegExp> = {
	/** `ADD --unpack` came with Dockerfile syntax 1.17. */
	UNKNOWN_ADD_FLAG: /^--unpack(=|$)/,
};

/** The source text a range covers, on one line and at most 60 characters. */
function flaggedText(doc: DockerfileDoc, range: Range): string {
	const start = offsetAt(doc.lines, range.start);
	const end = Math.max(start, offsetAt(doc.lines, range.end));
	const text = doc.text.slice(start, end).split(/\r?\n|\r/)[0] ?? '';
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Turns a `ValidationCode` name into our rule id. */
export function correctnessRuleId(codeName: string): string {
	return `dockerfile/${codeName.toLowerCase().replace(/_/g, '-')}`;
}

/** Builds the rule for one code name. */
function buildRule(name: string, entry: CorrectnessEntry): Rule<DockerfileDoc, 'problem'> {
	const names = [name, ...(entry.aliases ?? [])];
	return defineRule<DockerfileDoc, 'problem'>({
		id: correctnessRuleId(name),
		kind: 'dockerfile',
		family: 'correctness',
		severity: entry.severity,
		description: entry.description,
		messages: { problem: entry.message },
		hint: entry.hint,
		...(entry.refs ? { refs: entry.refs } : {}),
		check({ doc }) {
			const findings = utilsFindings(doc);
			const reports: Report<'problem'>[] = [];
			const accepted = ACCEPTED[name];
			for (const finding of names.flatMap((n): UtilsFinding[] => findings.get(n) ?? [])) {
				const text = flaggedText(doc, finding.range);
				if (accepted?.test(text)) continue;
				reports.push({ messageId: 'problem', range: finding.range, data: { text } });
			}
			return reports;
		},
	});
}

/** Every correctness rule, in the table's order. */
export const correctnessRules: readonly Rule<DockerfileDoc, 'problem'>[] = Object.entries(
	CORRECTNESS_TABLE
).map(([name, entry]) => buildRule(name, entry));

/** Code names that the table maps, aliases included. */
export function mappedCodeNames(): string[] {
	return Object.entries(CORRECTNESS_TABLE).flatMap(([name, entry]: [string, CorrectnessEntry]) => [
		name,
		...(entry.aliases ?? []),
	]);
}
