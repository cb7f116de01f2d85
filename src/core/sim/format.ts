/** Output helpers: ANSI colours, aligned tables and the relative times Docker and kubectl print. */

/** What a command returns. `output` uses `\r\n` line ends, as a terminal expects. */
export interface CommandResult {
	output: string;
	exitCode: number;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, dim: 2, bold: 1 } as const;

/** A colour or style name. */
export type Colour = keyof typeof CODES;

/** Wraps text in an ANSI colour. */
export function paint(colour: Colour, text: string): string {
	return `\x1b[${CODES[colour]}m${text}\x1b[0m`;
}

/** Removes ANSI escape sequences (for tests and for width computations). */
export function stripAnsi(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}

/** Joins lines into terminal output (`\r\n` line ends, none after the last line). */
export function result(lines: readonly string[], exitCode = 0): CommandResult {
	const output = lines.join('\n').split(/\r?\n/).join('\r\n');
	return { output, exitCode };
}

/** An error result: the message in red. */
export function failure(lines: readonly string[], exitCode = 1): CommandResult {
	return result(
		lines.map((line) => paint('red', line)),
		exitCode
	);
}

/** Aligns rows under a header, with `gap` spaces between columns (Docker uses 3, kubectl 3). */
export function table(
	header: readonly string[],
	rows: readonly (readonly string[])[],
	gap = 3
): string[] {
	const all = [header, ...rows];
	const widths = header.map((_, i) =>
		Math.max(...all.map((row) => stripAnsi(row[i] ?? '').length))
	);
	return all.map((row) =>
		row
			.map((cell, i) =>
				i === row.length - 1
					? cell
					: cell + ' '.repeat((widths[i] ?? 0) - stripAnsi(cell).length + gap)
			)
			.join('')
			.trimEnd()
	);
}

/** Docker's human duration (`Less than a second`, `5 seconds`, `About a minute`, `3 hours`…). */
export function humanDuration(ms: number): string {
	const seconds = Math.round(Math.max(0, ms) / 1000);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.round(seconds / 60);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.round(seconds / 3600);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	return `${Math.round(hours / 24)} days`;
}

/** kubectl's short age (`5s`, `3m20s`, `2h`, `4d`). */
export function shortAge(ms: number): string {
	const s = Math.floor(Math.max(0, ms) / 1000);
	if (s < 120) return `${s}s`;
	if (s < 600) return `${Math.floor(s / 60)}m${s % 60 === 0 ? '' : `${s % 60}s`}`;
	if (s < 3 * 3600) return `${Math.floor(s / 60)}m`;
	if (s < 48 * 3600) return `${Math.floor(s / 3600)}h`;
	return `${Math.floor(s / 86400)}d`;
}

/** Sizes the way `docker images` prints them (decimal units). */
export function humanSize(bytes: number): string {
	if (bytes < 1000) return `${bytes}B`;
	if (bytes < 1_000_000)
		return `${(bytes / 1000).toFixed(bytes < 10_000 ? 2 : 1).replace(/\.?0+$/, '')}kB`;
	if (bytes < 1_000_000_000) return `${Math.round(bytes / 1_000_000)}MB`;
	return `${(bytes / 1_000_000_000).toFixed(2)}GB`;
}

/** Quotes a command for `docker ps` (`"python app.py"`, cut to 20 characters). */
export function quotedCommand(words: readonly string[], limit = 20): string {
	const text = words.join(' ');
	return `"${text.length > limit ? `${text.slice(0, limit - 1)}…` : text}"`;
}
