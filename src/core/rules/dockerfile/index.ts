import type { DockerfileDoc } from '../../dockerfile/types.js';
import type { Rule } from '../../types.js';
import allowedRegistry from './allowed-registry.js';
import apkNoCache from './apk-no-cache.js';
import aptGetYes from './apt-get-yes.js';
import aptListsCleanup from './apt-lists-cleanup.js';
import aptNoInstallRecommends from './apt-no-install-recommends.js';
import copyFromEarlierStage from './copy-from-earlier-stage.js';
import copyFromOwnStage from './copy-from-own-stage.js';
import copyNotAdd from './copy-not-add.js';
import { correctnessRules } from './correctness.js';
import exposeRange from './expose-range.js';
import jsonCmd from './json-cmd.js';
import mergeRuns from './merge-runs.js';
import noLatestTag from './no-latest-tag.js';
import noPrivilegeTools from './no-privilege-tools.js';
import noSecretsInArgEnv from './no-secrets-in-arg-env.js';
import noSudo from './no-sudo.js';
import nonRootUser from './non-root-user.js';
import pipNoCacheDir from './pip-no-cache-dir.js';
import pipefail from './pipefail.js';
import platformAmd64 from './platform-amd64.js';
import syntax from './syntax.js';
import taggedImage from './tagged-image.js';
import unprivilegedPort from './unprivileged-port.js';
import workdirNotCd from './workdir-not-cd.js';

/** The Dockerfile rules in the order they run and are listed: correctness, practice, Spin. */
export const dockerfileRules: readonly Rule<DockerfileDoc>[] = [
	syntax,
	...correctnessRules,
	taggedImage,
	noLatestTag,
	jsonCmd,
	copyFromEarlierStage,
	copyFromOwnStage,
	noSudo,
	aptGetYes,
	aptNoInstallRecommends,
	aptListsCleanup,
	pipNoCacheDir,
	apkNoCache,
	copyNotAdd,
	workdirNotCd,
	pipefail,
	exposeRange,
	noSecretsInArgEnv,
	mergeRuns,
	nonRootUser,
	unprivilegedPort,
	noPrivilegeTools,
	platformAmd64,
	allowedRegistry,
];
