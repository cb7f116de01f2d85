import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { encodeBase64Url } from '../../core/completion/base64url.js';
import { usernameHash } from '../../core/completion/check.js';
import { buildCredential, signCredential } from '../../core/completion/credential.js';
import {
	achievementId,
	COURSE_VERSION,
	DEFAULT_ORIGIN,
	issuerId,
} from '../../core/completion/issuer.js';
import { verifyCredential } from '../../core/completion/verify.js';
import { writeText } from '../lib/files.js';
import type { Io } from '../lib/io.js';
import { loadSigner, readJwks } from '../lib/keys.js';
import { recordIssue } from '../lib/ledger.js';
import { checkJson, formatCheck, runCheck, type CheckOptions } from './check.js';
import { privatePath, publicPath } from './paths.js';

/** Options of `issue`. */
export interface IssueOptions extends CheckOptions {
	key?: string | undefined;
	out?: string | undefined;
	jwks?: string | undefined;
	origin?: string | undefined;
	json: boolean;
}

/**
 * Checks a bundle and, when it passes, signs the credential, writes `<uuid>.jwt`, and records the
 * credential and the bundle's solutions in the ledger.
 */
export async function issue(io: Io, options: IssueOptions): Promise<number> {
	const signer = loadSigner(privatePath(io, options.key, 'key'));
	const outcome = await runCheck(io, options);
	if (outcome.exitCode !== 0 || !outcome.bundle) {
		io.out(
			options.json ? `${JSON.stringify(checkJson(outcome), null, '\t')}\n` : formatCheck(outcome)
		);
		return outcome.exitCode;
	}
	const bundle = outcome.bundle;
	const origin = options.origin ?? DEFAULT_ORIGIN;
	const uuid = randomUUID();
	const payload = buildCredential({
		email: bundle.learner.email,
		salt: encodeBase64Url(randomBytes(16)),
		jti: `urn:uuid:${uuid}`,
		issuedAt: Math.floor(io.now().getTime() / 1000),
		bundleDigest: bundle.digest,
		origin,
		courseVersion: COURSE_VERSION,
	});
	const token = await signCredential(payload, signer);
	const { d: _secret, ...publicJwk } = signer.privateJwk;
	const selfCheck = await verifyCredential(token, {
		jwks: { keys: [publicJwk] },
		email: bundle.learner.email,
		now: io.now(),
		acceptedAchievements: [achievementId(origin, COURSE_VERSION)],
		issuer: issuerId(origin),
	});
	if (!selfCheck.ok) throw new Error(`the new credential does not verify: ${selfCheck.code}`);
	const published = readJwks(publicPath(io, options.jwks, 'jwks', options.root));
	if (!published?.keys.some((k) => k.kid === signer.kid)) {
		io.err(
			`Warning: key ${signer.kid} is not in the published JWKS; gates will answer unknown-key.\n`
		);
	}
	const path = join(privatePath(io, options.out, 'issued'), `${uuid}.jwt`);
	writeText(path, `${token}\n`);
	recordIssue(privatePath(io, options.ledger, 'ledger'), bundle, {
		jti: payload.jti,
		usernameHash: usernameHash(bundle.learner.username),
		bundleDigest: bundle.digest,
		issuedAt: payload.validFrom,
		validUntil: payload.validUntil,
		achievement: payload.credentialSubject.achievement.id,
	});
	if (options.json) {
		io.out(
			`${JSON.stringify({ ...(checkJson(outcome) as object), jti: payload.jti, token: path, validUntil: payload.validUntil }, null, '\t')}\n`
		);
	} else {
		io.out(
			`${formatCheck(outcome)}Issued ${payload.jti}, valid until ${payload.validUntil}\nToken: ${path}\n`
		);
	}
	return 0;
}
