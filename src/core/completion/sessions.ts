/** The instructional sessions whose attendance a completion needs, in course order. */
export const SESSION_IDS = ['s1-meet-spin', 's2-running-services', 's3-storage-secrets'] as const;

/** One instructional session's id (its chapter slug). */
export type SessionId = (typeof SESSION_IDS)[number];

/** True when `value` names an instructional session. */
export function isSessionId(value: string): value is SessionId {
	return (SESSION_IDS as readonly string[]).includes(value);
}
