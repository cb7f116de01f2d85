import type { Center } from './center.js';
import {
	ruleDocsPath,
	type Diagnostic,
	type Report,
	type Rule,
	type Severity,
	type SourceKind,
} from './types.js';

/**
 * The runner shared by the per-kind validators (`validate-dockerfile.ts`, `validate-yaml.ts`) and
 * the combined one (`validate.ts`): it runs one kind's rules over a parsed text and turns their
 * reports into sorted diagnostics. It imports no parser, so each kind's bundle holds only its own.
 */

/** Version of the rule set; bump it whenever a rule's behaviour changes. */
export const VALIDATOR_VERSION = '1.0.0';

/** Options of one validation run. */
export interface ValidateOptions {
	/** Spin's facts (`content/center.yaml`, parsed with `CenterSchema`). */
	center: Center;
	/** Per-rule severity overrides; `off` disables a rule. */
	severities?: Record<string, Severity | 'off'>;
}

/** Replaces `{name}` placeholders with values from `data`. */
function format(template: string, data: Record<string, string | number> | undefined): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		data && name in data ? String(data[name]) : whole
	);
}

/** Turns a rule's report into a diagnostic. */
function toDiagnostic(rule: Rule<never>, report: Report, severity: Severity): Diagnostic {
	const template = (rule.messages as Record<string, string>)[report.messageId] ?? report.messageId;
	return {
		ruleId: rule.id,
		messageId: report.messageId,
		family: rule.family,
		severity,
		range: report.range,
		message: format(template, report.data),
		hint: rule.hint,
		docs: ruleDocsPath(rule.id),
	};
}

/** Orders diagnostics by position, then rule id. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
	return (
		a.range.start.line - b.range.start.line ||
		a.range.start.column - b.range.start.column ||
		a.ruleId.localeCompare(b.ruleId, 'en')
	);
}

/** A diagnostic for a rule that crashed: reported, never thrown. */
function internalError(ruleId: string, error: unknown): Diagnostic {
	return {
		ruleId: 'validator/internal',
		messageId: 'crashed',
		family: 'correctness',
		severity: 'info',
		range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
		message: `The check ${ruleId} could not run on this text (${String(error)}).`,
		hint: 'Other checks still ran. Please report this text to the course staff.',
		docs: ruleDocsPath('validator/internal'),
	};
}

/** Runs the rules of one kind over a parsed text. */
function runRules<D>(rules: readonly Rule<D>[], doc: D, options: ValidateOptions): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const rule of rules) {
		const override = options.severities?.[rule.id];
		if (override === 'off') continue;
		let reports: Report[];
		try {
			reports = rule.check({ doc, center: options.center });
		} catch (error) {
			out.push(internalError(rule.id, error));
			continue;
		}
		for (const report of reports) {
			out.push(toDiagnostic(rule as Rule<never>, report, override ?? rule.severity));
		}
	}
	return out;
}

/** Parses a text and runs one kind's rules over it; never throws, sorts by position. */
export function validateWith<D>(
	kind: SourceKind,
	parse: (text: string) => D,
	rules: readonly Rule<D>[],
	text: string,
	options: ValidateOptions
): Diagnostic[] {
	let diagnostics: Diagnostic[];
	try {
		diagnostics = runRules(rules, parse(text), options);
	} catch (error) {
		diagnostics = [internalError(kind, error)];
	}
	return diagnostics.sort(byPosition);
}
