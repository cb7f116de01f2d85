import { attendanceCode } from '../../core/completion/attendance.js';
import { USERNAME_PATTERN } from '../../core/completion/bundle-schema.js';
import { isSessionId, SESSION_IDS } from '../../core/completion/sessions.js';
import { readTextOrNull, writeText } from '../lib/files.js';
import { CliError, resolvePath, type Io } from '../lib/io.js';
import { loadMasterKey } from '../lib/keys.js';
import { privatePath } from './paths.js';

/** Options of `attendance-codes`. */
export interface AttendanceOptions {
	session: string | undefined;
	roster: string | undefined;
	master?: string | undefined;
	out?: string | undefined;
}

/**
 * Reads user names from the first column of a roster CSV. A header row whose first cell is
 * `username`, blank lines and `#` comments are skipped; names are lower-cased.
 */
export function parseRoster(text: string): { usernames: string[]; errors: string[] } {
	const usernames: string[] = [];
	const errors: string[] = [];
	text.split(/\r?\n/).forEach((line, i) => {
		const first = (line.split(',')[0] ?? '')
			.trim()
			.replace(/^"(.*)"$/, '$1')
			.toLowerCase();
		if (first === '' || first.startsWith('#') || (i === 0 && first === 'username')) return;
		if (!USERNAME_PATTERN.test(first)) errors.push(`line ${i + 1}: "${first}" is not a user name`);
		else if (!usernames.includes(first)) usernames.push(first);
	});
	return { usernames, errors };
}

/** Writes a CSV of `username,code` for one session and a roster. */
export async function attendanceCodes(io: Io, options: AttendanceOptions): Promise<number> {
	if (options.session === undefined || !isSessionId(options.session)) {
		throw new CliError(2, `--session must be one of ${SESSION_IDS.join(', ')}.`);
	}
	if (options.roster === undefined) throw new CliError(2, '--roster FILE is required.');
	const rosterPath = resolvePath(io, options.roster);
	const text = readTextOrNull(rosterPath);
	if (text === null) throw new CliError(3, `Cannot read the roster ${rosterPath}.`);
	const { usernames, errors } = parseRoster(text);
	if (errors.length > 0) throw new CliError(3, `The roster has errors:\n  ${errors.join('\n  ')}`);
	const master = loadMasterKey(privatePath(io, options.master, 'master'));
	const rows = ['username,code'];
	for (const name of usernames)
		rows.push(`${name},${await attendanceCode(master, options.session, name)}`);
	const csv = `${rows.join('\n')}\n`;
	if (options.out === undefined) io.out(csv);
	else writeText(resolvePath(io, options.out), csv);
	io.err(`${usernames.length} code(s) for ${options.session}.\n`);
	return 0;
}
