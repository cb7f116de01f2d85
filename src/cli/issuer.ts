/**
 * Staff tool for SpinUp completion: `npm run issuer -- <command> [options]`.
 *
 *   keygen [--out DIR] [--jwks FILE] [--force]
 *       Ed25519 signing key (mode 600) and attendance master key in DIR (default
 *       $SPINUP_ISSUER_HOME or ~/.spinup-issuer); the public key is added to keys/jwks.json.
 *   attendance-codes --session S --roster roster.csv [--master FILE] [--out FILE]
 *       CSV of username,code for one session.
 *   check BUNDLE [--ledger DIR] [--master FILE] [--accept-similar] [--json]
 *       Re-checks a bundle (bundle.json or a file holding the SPINUP1 text).
 *   issue BUNDLE [--key FILE] [--ledger DIR] [--out DIR] [--master FILE] [--origin URL]
 *         [--accept-similar] [--json]
 *       Checks, then signs the credential: <out>/<uuid>.jwt and a ledger row.
 *   revoke JTI [--list FILE]
 *       Adds a credential id to the revocation list (default keys/revoked.json).
 *
 * Every command takes --root DIR (the repository holding content/ and exercises/). Exit statuses
 * are listed in ./issuer/exit-codes.ts (ISSUER_EXIT_CODES).
 */
import { parseArgs } from 'node:util';
import { attendanceCodes } from './issuer/attendance-codes.js';
import { check } from './issuer/check.js';
import { ISSUER_EXIT_CODES } from './issuer/exit-codes.js';
import { issue } from './issuer/issue.js';
import { keygen } from './issuer/keygen.js';
import { revoke } from './issuer/revoke.js';
import { CliError, isMain, processIo, REPO_ROOT, resolvePath, type Io } from './lib/io.js';

export { ISSUER_EXIT_CODES };

/** Options each command accepts (all take --root). */
const COMMANDS = {
	keygen: { out: 'string', jwks: 'string', force: 'boolean' },
	'attendance-codes': { session: 'string', roster: 'string', master: 'string', out: 'string' },
	check: { ledger: 'string', master: 'string', 'accept-similar': 'boolean', json: 'boolean' },
	issue: {
		key: 'string',
		ledger: 'string',
		out: 'string',
		master: 'string',
		jwks: 'string',
		origin: 'string',
		'accept-similar': 'boolean',
		json: 'boolean',
	},
	revoke: { list: 'string' },
} as const;

type Command = keyof typeof COMMANDS;

const USAGE = `Usage: npm run issuer -- <${Object.keys(COMMANDS).join('|')}> [options]\n`;

/** Parses a command's options strictly. */
function parse(command: Command, args: string[]) {
	const spec = { root: 'string', ...COMMANDS[command] } as Record<string, 'string' | 'boolean'>;
	const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
	try {
		const { values, positionals } = parseArgs({
			args,
			options,
			allowPositionals: true,
			strict: true,
		});
		const str = (name: string): string | undefined => {
			const v = values[name];
			return typeof v === 'string' ? v : undefined;
		};
		return { str, flag: (name: string) => values[name] === true, positionals };
	} catch (error) {
		throw new CliError(2, `${String((error as Error).message)}\n${USAGE}`);
	}
}

/** Runs one command. */
async function run(io: Io, command: Command, args: string[]): Promise<number> {
	const { str, flag, positionals } = parse(command, args);
	const rootOption = str('root');
	const root = rootOption === undefined ? REPO_ROOT : resolvePath(io, rootOption);
	const maxPositionals = command === 'check' || command === 'issue' || command === 'revoke' ? 1 : 0;
	if (positionals.length > maxPositionals)
		throw new CliError(2, `Unexpected argument ${positionals[maxPositionals]}.\n${USAGE}`);
	switch (command) {
		case 'keygen':
			return keygen(io, { out: str('out'), jwks: str('jwks'), root, force: flag('force') });
		case 'attendance-codes':
			return attendanceCodes(io, {
				session: str('session'),
				roster: str('roster'),
				master: str('master'),
				out: str('out'),
			});
		case 'check':
			return check(io, {
				bundle: positionals[0],
				ledger: str('ledger'),
				master: str('master'),
				root,
				acceptSimilar: flag('accept-similar'),
				json: flag('json'),
			});
		case 'issue':
			return issue(io, {
				bundle: positionals[0],
				key: str('key'),
				ledger: str('ledger'),
				out: str('out'),
				master: str('master'),
				jwks: str('jwks'),
				origin: str('origin'),
				root,
				acceptSimilar: flag('accept-similar'),
				json: flag('json'),
			});
		case 'revoke':
			return revoke(io, positionals[0], str('list'), root);
	}
}

/** Runs the staff tool with command-line arguments; resolves to the exit status. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
	const [command, ...args] = argv;
	if (
		command === undefined ||
		command === '--help' ||
		command === 'help' ||
		!(command in COMMANDS)
	) {
		io.err(USAGE);
		return command === '--help' || command === 'help' ? 0 : 2;
	}
	try {
		return await run(io, command as Command, args);
	} catch (error) {
		if (error instanceof CliError) {
			io.err(`${error.message}\n`);
			return error.exitCode;
		}
		io.err(
			`Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
		);
		return 1;
	}
}

if (isMain(import.meta.url)) {
	main(process.argv.slice(2)).then((code) => {
		process.exitCode = code;
	});
}
