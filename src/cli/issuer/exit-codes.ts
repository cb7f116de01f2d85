/**
 * Exit statuses of `npm run issuer`. When a bundle fails several ways, `check` and `issue` exit
 * with the first in this order (4, 5, 6, 7, 8) and the report lists every problem.
 */
export const ISSUER_EXIT_CODES = [
	{ code: 0, name: 'ok', meaning: 'Done; for check and issue, the bundle passed every check.' },
	{ code: 1, name: 'internal', meaning: 'An unexpected error (a bug); the message says where.' },
	{ code: 2, name: 'usage', meaning: 'Unknown command or option, or a missing argument.' },
	{
		code: 3,
		name: 'unreadable-input',
		meaning: 'An input file is missing or has the wrong format.',
	},
	{
		code: 4,
		name: 'bad-bundle',
		meaning: 'The bundle does not decode or does not fit the format.',
	},
	{
		code: 5,
		name: 'validator-mismatch',
		meaning:
			'The bundle was graded with another validator version or rule set, or for another course version.',
	},
	{
		code: 6,
		name: 'exercise-failed',
		meaning: 'A required exercise is missing or fails when re-graded.',
	},
	{ code: 7, name: 'attendance', meaning: 'An attendance code is missing or wrong.' },
	{
		code: 8,
		name: 'similar',
		meaning: "A solution is identical or near-identical to another learner's in the ledger.",
	},
	{
		code: 9,
		name: 'no-key',
		meaning: 'The signing key or the attendance master key is missing or unreadable.',
	},
] as const;

/** Name of an issuer exit status. */
export type IssuerExitName = (typeof ISSUER_EXIT_CODES)[number]['name'];

/** Returns the exit status with this name. */
export function exitCode(name: IssuerExitName): number {
	return ISSUER_EXIT_CODES.find((row) => row.name === name)?.code ?? 1;
}
