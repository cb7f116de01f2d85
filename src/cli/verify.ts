/**
 * Access-gate tool: verifies a SpinUp completion credential against pinned keys.
 *
 *   npm run verify -- TOKEN_FILE --email E --jwks FILE [--revoked FILE] [--json]
 *                     [--origin URL] [--achievement URL]...
 *
 * TOKEN_FILE holds the compact VC-JWT (surrounding white space is ignored). --jwks is the gate's
 * pinned copy of the issuer's public keys; --revoked the published list { "revoked": [jti…] }.
 * The issuer and the accepted achievement default to those of https://spinup.example.org and
 * the current course version; --origin and --achievement (repeatable) change them.
 * --json prints { ok, code, exitCode, reason, claims? } on stdout.
 *
 * Exit statuses (VERIFY_EXIT_CODES below):
 *   0  valid              the credential is valid for this e-mail address
 *   1  internal           unexpected error
 *   2  usage              unknown option or missing argument
 *   3  unreadable-input   the token, JWKS or revocation file is missing or malformed
 *   10 malformed          not a compact JWS of a JSON header and payload
 *   11 unsupported-alg    the header names an algorithm other than EdDSA (Ed25519)
 *   12 bad-type           the header typ is not vc+jwt
 *   13 unknown-key        the header kid is not a pinned key
 *   14 bad-signature      the signature does not match (altered or forged)
 *   15 bad-claims         iss, jti, nbf or exp missing or invalid
 *   16 wrong-issuer       iss is not the expected issuer
 *   17 not-yet-valid      nbf is in the future (beyond 60 s)
 *   18 expired            exp is past (beyond 60 s)
 *   19 revoked            the jti is on the revocation list
 *   20 inconsistent       the credential body disagrees with the claims
 *   21 wrong-achievement  an achievement this gate does not accept
 *   22 wrong-subject      issued to another e-mail address
 */
import { parseArgs } from 'node:util';
import {
	achievementId,
	COURSE_VERSION,
	DEFAULT_ORIGIN,
	issuerId,
} from '../core/completion/issuer.js';
import { VERIFY_CODES, type VerifyCode } from '../core/completion/verify-codes.js';
import { verifyCredential } from '../core/completion/verify.js';
import { readRevocationList } from './issuer/revoke.js';
import { readTextOrNull } from './lib/files.js';
import { CliError, isMain, processIo, resolvePath, type Io } from './lib/io.js';
import { readJwks } from './lib/keys.js';

/** Exit statuses of the gate tool, by name. */
export const VERIFY_EXIT_CODES = [
	{ code: 0, name: 'valid', meaning: VERIFY_CODES.valid },
	{ code: 1, name: 'internal', meaning: 'An unexpected error (a bug); the message says where.' },
	{ code: 2, name: 'usage', meaning: 'Unknown option or missing argument.' },
	{
		code: 3,
		name: 'unreadable-input',
		meaning: 'The token, JWKS or revocation file is missing or malformed.',
	},
	{ code: 10, name: 'malformed', meaning: VERIFY_CODES.malformed },
	{ code: 11, name: 'unsupported-alg', meaning: VERIFY_CODES['unsupported-alg'] },
	{ code: 12, name: 'bad-type', meaning: VERIFY_CODES['bad-type'] },
	{ code: 13, name: 'unknown-key', meaning: VERIFY_CODES['unknown-key'] },
	{ code: 14, name: 'bad-signature', meaning: VERIFY_CODES['bad-signature'] },
	{ code: 15, name: 'bad-claims', meaning: VERIFY_CODES['bad-claims'] },
	{ code: 16, name: 'wrong-issuer', meaning: VERIFY_CODES['wrong-issuer'] },
	{ code: 17, name: 'not-yet-valid', meaning: VERIFY_CODES['not-yet-valid'] },
	{ code: 18, name: 'expired', meaning: VERIFY_CODES.expired },
	{ code: 19, name: 'revoked', meaning: VERIFY_CODES.revoked },
	{ code: 20, name: 'inconsistent', meaning: VERIFY_CODES.inconsistent },
	{ code: 21, name: 'wrong-achievement', meaning: VERIFY_CODES['wrong-achievement'] },
	{ code: 22, name: 'wrong-subject', meaning: VERIFY_CODES['wrong-subject'] },
] as const;

/** Returns the exit status of a verification outcome. */
export function verifyExitCode(code: VerifyCode): number {
	return VERIFY_EXIT_CODES.find((row) => row.name === code)?.code ?? 1;
}

const USAGE =
	'Usage: npm run verify -- TOKEN_FILE --email E --jwks FILE [--revoked FILE] [--json] [--origin URL] [--achievement URL]...\n';

/** Parses the command line. */
function parse(argv: string[]) {
	try {
		return parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				email: { type: 'string' },
				jwks: { type: 'string' },
				revoked: { type: 'string' },
				json: { type: 'boolean' },
				origin: { type: 'string' },
				achievement: { type: 'string', multiple: true },
			},
		});
	} catch (error) {
		throw new CliError(2, `${(error as Error).message}\n${USAGE}`);
	}
}

/** Verifies the token named on the command line and reports. */
async function run(io: Io, argv: string[]): Promise<number> {
	const { values, positionals } = parse(argv);
	const [tokenFile, ...extra] = positionals;
	if (tokenFile === undefined || extra.length > 0) throw new CliError(2, USAGE);
	if (values.email === undefined) throw new CliError(2, `--email is required.\n${USAGE}`);
	if (values.jwks === undefined) throw new CliError(2, `--jwks is required.\n${USAGE}`);
	const token = readTextOrNull(resolvePath(io, tokenFile));
	if (token === null) throw new CliError(3, `Cannot read the token ${tokenFile}.`);
	const jwks = readJwks(resolvePath(io, values.jwks));
	if (jwks === null) throw new CliError(3, `Cannot read the key set ${values.jwks}.`);
	const revoked =
		values.revoked === undefined ? [] : readRevocationList(resolvePath(io, values.revoked), false);
	const origin = values.origin ?? DEFAULT_ORIGIN;
	const result = await verifyCredential(token.trim(), {
		jwks,
		email: values.email,
		revoked,
		now: io.now(),
		acceptedAchievements: values.achievement ?? [achievementId(origin, COURSE_VERSION)],
		issuer: issuerId(origin),
	});
	const exitCode = verifyExitCode(result.code);
	if (values.json) io.out(`${JSON.stringify({ ...result, exitCode }, null, '\t')}\n`);
	else io.out(`${result.ok ? 'VALID' : 'INVALID'} (${result.code}): ${result.reason}\n`);
	return exitCode;
}

/** Runs the gate tool with command-line arguments; resolves to the exit status. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
	try {
		return await run(io, argv);
	} catch (error) {
		const known = error instanceof CliError;
		const exitCode = known ? error.exitCode : 1;
		const message = error instanceof Error ? error.message : String(error);
		io.err(known ? `${message}\n` : `Internal error: ${message}\n`);
		if (argv.includes('--json')) {
			const name = VERIFY_EXIT_CODES.find((row) => row.code === exitCode)?.name ?? 'internal';
			io.out(
				`${JSON.stringify({ ok: false, code: name, exitCode, reason: message.trim() }, null, '\t')}\n`
			);
		}
		return exitCode;
	}
}

if (isMain(import.meta.url)) {
	main(process.argv.slice(2)).then((code) => {
		process.exitCode = code;
	});
}
