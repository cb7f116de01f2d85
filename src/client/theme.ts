/** The colour schemes a learner can choose. */
export type Theme = 'light' | 'dark';

const KEY = 'spinup:theme';

/** Returns the scheme the page shows now. */
export function currentTheme(): Theme {
	return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

/** Shows the page in the given scheme. */
export function applyTheme(theme: Theme): void {
	document.documentElement.dataset['theme'] = theme;
}

/** Remembers the learner's choice; a browser that refuses storage keeps the choice for this page. */
export function saveTheme(theme: Theme): void {
	try {
		localStorage.setItem(KEY, theme);
	} catch {
		// Storage disabled or full: the choice still applies until the page is left.
	}
}
