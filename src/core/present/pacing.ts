/** Where the presenter stands against the plan. */
export interface Pace {
	/** Minutes planned to have passed by the end of the current slide. */
	plannedEnd: number;
	/** Minutes planned to have passed when the current slide starts. */
	plannedStart: number;
	/** Positive when behind the plan, negative when ahead, in minutes. */
	drift: number;
	status: 'ahead' | 'on-time' | 'behind';
}

/**
 * Spreads the chapter's teaching minutes over its slides in proportion to their words
 * (every slide gets at least a share of one word, so a short slide still has time).
 * Returns the planned minute at which each slide ends.
 */
export function planSlides(words: readonly number[], minutes: number): number[] {
	const weights = words.map((w) => Math.max(1, w));
	const total = weights.reduce((a, b) => a + b, 0);
	let sum = 0;
	return weights.map((w) => {
		sum += w;
		return total === 0 ? 0 : (minutes * sum) / total;
	});
}

/** Compares elapsed minutes with the plan at a slide; within `tolerance` minutes is on time. */
export function pace(plan: readonly number[], slide: number, elapsed: number, tolerance = 2): Pace {
	const plannedStart = slide > 0 ? (plan[slide - 1] ?? 0) : 0;
	const plannedEnd = plan[slide] ?? plan.at(-1) ?? 0;
	let drift = 0;
	if (elapsed > plannedEnd) drift = elapsed - plannedEnd;
	else if (elapsed < plannedStart) drift = elapsed - plannedStart;
	const status = drift > tolerance ? 'behind' : drift < -tolerance ? 'ahead' : 'on-time';
	return { plannedStart, plannedEnd, drift, status };
}

/** Formats minutes as m:ss. */
export function formatMinutes(minutes: number): string {
	const total = Math.round(Math.abs(minutes) * 60);
	return `${minutes < 0 ? '-' : ''}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
