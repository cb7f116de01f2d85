/**
 * The deck's keyboard, as a pure reducer: a key and the current state give the next state and
 * at most one side effect for the page to perform (fullscreen, timer, windows, help).
 */

/** What the deck shows. `goto` holds digits typed after G, or null. */
export interface DeckState {
	index: number;
	total: number;
	blackout: boolean;
	overview: boolean;
	goto: string | null;
}

/** Side effects the page performs. */
export type DeckEffect = 'fullscreen' | 'timer' | 'help' | 'presenter' | 'notes' | null;

/** Clamps a slide number into the deck. */
export function clampSlide(n: number, total: number): number {
	return Math.min(Math.max(1, Math.trunc(n) || 1), Math.max(1, total));
}

/** Applies one key press. Keys are `KeyboardEvent.key` values. */
export function pressKey(
	state: DeckState,
	key: string
): { state: DeckState; effect: DeckEffect; handled: boolean } {
	const to = (index: number): DeckState => ({
		...state,
		index: clampSlide(index, state.total),
		goto: null,
	});
	if (state.goto !== null) {
		if (/^\d$/.test(key))
			return { state: { ...state, goto: state.goto + key }, effect: null, handled: true };
		if (key === 'Enter') {
			const n = Number(state.goto);
			return { state: state.goto ? to(n) : { ...state, goto: null }, effect: null, handled: true };
		}
		if (key === 'Escape') return { state: { ...state, goto: null }, effect: null, handled: true };
	}
	switch (key) {
		case 'ArrowRight':
		case ' ':
		case 'PageDown':
			return { state: to(state.index + 1), effect: null, handled: true };
		case 'ArrowLeft':
		case 'PageUp':
			return { state: to(state.index - 1), effect: null, handled: true };
		case 'Home':
			return { state: to(1), effect: null, handled: true };
		case 'End':
			return { state: to(state.total), effect: null, handled: true };
		case 'g':
		case 'G':
			return { state: { ...state, goto: '' }, effect: null, handled: true };
		case 'o':
		case 'O':
			return {
				state: { ...state, overview: !state.overview, goto: null },
				effect: null,
				handled: true,
			};
		case 'b':
		case 'B':
		case '.':
			return {
				state: { ...state, blackout: !state.blackout, goto: null },
				effect: null,
				handled: true,
			};
		case 'f':
		case 'F':
			return { state, effect: 'fullscreen', handled: true };
		case 't':
		case 'T':
			return { state, effect: 'timer', handled: true };
		case '?':
			return { state, effect: 'help', handled: true };
		case 'p':
		case 'P':
			return { state, effect: 'presenter', handled: true };
		case 'n':
		case 'N':
			return { state, effect: 'notes', handled: true };
		case 'Escape':
			return {
				state: { ...state, overview: false, goto: null },
				effect: null,
				handled: state.overview,
			};
		default:
			return { state, effect: null, handled: false };
	}
}

/** Reads the slide number from a URL hash such as `#7`; null when absent or not a number. */
export function slideFromHash(hash: string): number | null {
	const m = /^#(\d+)$/.exec(hash);
	return m ? Number(m[1]) : null;
}
