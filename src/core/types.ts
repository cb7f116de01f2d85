/**
 * Shared shapes of the validator core.
 *
 * A `Diagnostic` is what every consumer (editor markers, findings list, simulated `docker build`,
 * the staff issuer) receives. Positions are 1-based, lines and columns alike; `end` is exclusive
 * (the column just after the last flagged character), as in Monaco's markers.
 */

/** The kinds of text the validator grades. */
export const SOURCE_KINDS = ['dockerfile', 'compose', 'k8s'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Rule families: what Docker rejects, good practice, and what Spin requires. */
export const FAMILIES = ['correctness', 'practice', 'spin'] as const;
export type Family = (typeof FAMILIES)[number];

/** Severity follows Spin's behaviour: error = refused or cannot work; warning = hardening; info = style. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A 1-based position in a text. */
export interface Position {
	line: number;
	column: number;
}

/** A 1-based range; `end.column` is exclusive. */
export interface Range {
	start: Position;
	end: Position;
}

/** One finding about a text, ready to show to a learner. */
export interface Diagnostic {
	/** Stable rule id, e.g. `spin/non-root-user`. */
	ruleId: string;
	/** Which of the rule's messages was used. */
	messageId: string;
	family: Family;
	severity: Severity;
	range: Range;
	message: string;
	hint: string;
	/** Site-relative link to the rule's documentation page. */
	docs: string;
}

/** Cross-references to other linters' checks that match a rule. */
export interface RuleRefs {
	hadolint?: string;
	buildkit?: string;
}

/** What a rule's `check()` reports; the runner turns it into a `Diagnostic`. */
export interface Report<M extends string = string> {
	messageId: M;
	range: Range;
	/** Values substituted into `{name}` placeholders of the message. */
	data?: Record<string, string | number>;
}

/** A rule's static description. */
export interface RuleMeta<M extends string = string> {
	/** Stable id: `dockerfile/…` (correctness), `docker/…` (practice), `spin/…`, `compose/…`, `k8s/…`. */
	id: string;
	kind: SourceKind;
	family: Family;
	severity: Severity;
	/** One sentence: what the rule asks for. */
	description: string;
	/** Message templates by id, with `{name}` placeholders. */
	messages: Record<M, string>;
	/** What to do about it, in one or two sentences. */
	hint: string;
	refs?: RuleRefs;
}

/** A rule: metadata plus a pure check over a parsed document `D`. */
export interface Rule<D = unknown, M extends string = string> extends RuleMeta<M> {
	check(ctx: RuleContext<D>): Report<M>[];
}

/** What a rule's check receives. */
export interface RuleContext<D> {
	doc: D;
	center: import('./center.js').Center;
}

/** Declares a rule with its message ids type-checked. */
export function defineRule<D, M extends string>(rule: Rule<D, M>): Rule<D, M> {
	return rule;
}

/** Where a rule is documented on the site: its entry on the rules page. */
export function ruleDocsPath(id: string): string {
	return `/rules/#${id}`;
}
