/**
 * Completion: the bundle a graduate sends, attendance codes, and the signed credential. Every
 * module here runs unchanged in browsers and Node (WebCrypto, Compression Streams, `jose`).
 */
export {
	attendanceCode,
	constantTimeEqual,
	sessionKey,
	verifyAttendanceCode,
} from './attendance.js';
export {
	buildBundle,
	normalizeAttendanceCode,
	type BuildBundleOptions,
	type BuildBundleResult,
} from './bundle-build.js';
export {
	BUNDLE_ERROR_CODES,
	BUNDLE_PREFIX,
	bundleDigest,
	bundleToJson,
	decodeBundle,
	encodeBundle,
	parseBundleJson,
	readBundleText,
	type BundleErrorCode,
	type BundleResult,
	type EncodeResult,
} from './bundle-codec.js';
export {
	BUNDLE_MAX_BYTES,
	BundleSchema,
	type Bundle,
	type BundleExercise,
} from './bundle-schema.js';
export {
	buildCredential,
	signCredential,
	type CredentialPayload,
	type Signer,
} from './credential.js';
export * from './issuer.js';
export { SESSION_IDS, type SessionId } from './sessions.js';
export { hashEmail } from './subject.js';
export { VERIFY_CODES, type VerifyCode } from './verify-codes.js';
export { verifyCredential, type VerifyOptions, type VerifyResult } from './verify.js';
