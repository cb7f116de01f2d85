import type { CheckOutcome, FileDiagnostic } from '../../core/exercises/grade.js';

/** Labels the findings list reads from the element's data attributes. */
export interface FindingLabels {
	line: string;
	docs: string;
	none: string;
	severity: Record<string, string>;
}

/** Renders validator findings; `onPick` moves the cursor to a finding. */
export function renderFindings(
	list: HTMLElement,
	diagnostics: readonly FileDiagnostic[],
	labels: FindingLabels,
	showFile: boolean,
	onPick: (d: FileDiagnostic) => void
): void {
	list.replaceChildren();
	if (diagnostics.length === 0) {
		const li = document.createElement('li');
		li.className = 'none';
		li.textContent = labels.none;
		list.append(li);
		return;
	}
	for (const d of diagnostics) {
		const li = document.createElement('li');
		li.className = `finding finding-${d.severity}`;
		const go = document.createElement('button');
		go.type = 'button';
		go.className = 'finding-go';
		const where = labels.line.replace('{line}', String(d.range.start.line));
		go.textContent = `${labels.severity[d.severity] ?? d.severity} · ${showFile ? `${d.file} ` : ''}${where}: ${d.message}`;
		go.addEventListener('click', () => onPick(d));
		const hint = document.createElement('p');
		hint.className = 'finding-hint';
		hint.textContent = d.hint;
		const docs = document.createElement('a');
		docs.href = d.docs;
		docs.textContent = `${labels.docs} (${d.ruleId})`;
		hint.append(' ', docs);
		li.append(go, hint);
		list.append(li);
	}
}

/** Marks each listed check as passed or missing, with the reason when it failed. */
export function renderChecks(
	list: HTMLElement,
	checks: readonly CheckOutcome[],
	passed: string,
	missing: string
): void {
	for (const outcome of checks) {
		const li = list.querySelector<HTMLElement>(`[data-check="${CSS.escape(outcome.id)}"]`);
		if (!li) continue;
		li.dataset['state'] = outcome.passed ? 'passed' : 'missing';
		const state = li.querySelector('[data-check-state]');
		if (state) state.textContent = outcome.passed ? passed : missing;
		let why = li.querySelector<HTMLElement>('.why');
		if (!outcome.passed && outcome.message) {
			if (!why) {
				why = document.createElement('span');
				why.className = 'why';
				li.append(why);
			}
			why.textContent = outcome.message;
		} else why?.remove();
	}
}
