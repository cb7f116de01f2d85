/** A finding of a content check: where it is (repository-relative file, 1-based line) and what. */
export interface Problem {
	file: string;
	line: number;
	message: string;
}

/** Formats a problem as `file:line: message`, the way editors link to it. */
export function formatProblem(problem: Problem): string {
	return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Orders problems by file, then line, then message. */
function byPlace(a: Problem, b: Problem): number {
	return (
		a.file.localeCompare(b.file, 'en') ||
		a.line - b.line ||
		a.message.localeCompare(b.message, 'en')
	);
}

/** Formats problems one per line, in file, line and message order, for a readable test failure. */
export function formatProblems(problems: readonly Problem[]): string[] {
	return [...problems].sort(byPlace).map(formatProblem);
}
