import strings from '../i18n/en.json';

/** A key of the English string table. */
export type StringKey = keyof typeof strings;

/**
 * Looks up a UI string and fills `{name}` placeholders.
 * @example t('chapter.minutes', { minutes: 40 }) // "40 min"
 */
export function t(key: StringKey, data: Record<string, string | number> = {}): string {
	return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in data ? String(data[name]) : whole
	);
}
