import type { Center } from './center.js';
import { parseDockerfile, type DockerfileDoc } from './dockerfile/parse.js';
import { hashString } from './hash.js';
import { composeRules } from './rules/compose/index.js';
import { dockerfileRules } from './rules/dockerfile/index.js';
import { k8sRules } from './rules/k8s/index.js';
import {
	ruleDocsPath,
	type Diagnostic,
	type Report,
	type Rule,
	type Severity,
	type SourceKind,
} from './types.js';
import { parseYamlText, type YamlDoc } from './yaml/parse.js';

/** Version of the rule set; bump it whenever a rule's behaviour changes. */
export const VALIDATOR_VERSION = '1.0.0';

/** Options of one validation run. */
export interface ValidateOptions {
	/** Spin's facts (`content/center.yaml`, parsed with `CenterSchema`). */
	center: Center;
	/** Per-rule severity overrides; `off` disables a rule. */
	severities?: Record<string, Severity | 'off'>;
}

/** Every rule, by kind. */
export const RULES = {
	dockerfile: dockerfileRules,
	compose: composeRules,
	k8s: k8sRules,
} as const satisfies Record<SourceKind, readonly Rule<never>[]>;

/** Every rule of every kind, in a stable order. */
export function allRules(): readonly Rule<never>[] {
	return [...RULES.dockerfile, ...RULES.compose, ...RULES.k8s];
}

/** Content hash of the rule set's metadata and the center data, recorded in bundles. */
export function rulesetHash(center: Center): string {
	const meta = allRules().map(({ id, kind, family, severity, messages }) => ({
		id,
		kind,
		family,
		severity,
		messages,
	}));
	return hashString(JSON.stringify({ version: VALIDATOR_VERSION, meta, center }));
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

/** Runs the rules of one kind over a parsed document. */
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

/** Validates a text of the given kind; never throws, returns diagnostics sorted by position. */
export function validate(kind: SourceKind, text: string, options: ValidateOptions): Diagnostic[] {
	let diagnostics: Diagnostic[];
	try {
		if (kind === 'dockerfile') {
			const doc: DockerfileDoc = parseDockerfile(text);
			diagnostics = runRules(RULES.dockerfile, doc, options);
		} else {
			const doc: YamlDoc = parseYamlText(text);
			diagnostics = runRules(kind === 'compose' ? RULES.compose : RULES.k8s, doc, options);
		}
	} catch (error) {
		diagnostics = [internalError(kind, error)];
	}
	return diagnostics.sort(byPosition);
}
