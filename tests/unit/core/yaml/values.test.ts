import { describe, expect, test } from 'vitest';
import {
	capabilityName,
	imageTagProblem,
	isGlobalPath,
	isInterpolationOnly,
	isPlaceholder,
	isSecretName,
	parseImage,
	splitOutsideBraces,
	withDefaults,
} from '../../../../src/core/yaml/values.js';
import { isSpinHost, tlsCovers } from '../../../../src/core/yaml/ingress.js';
import { userProblem } from '../../../../src/core/rules/compose/global-mount-user.js';

describe('interpolation', () => {
	test('fills defaults and keeps other references', () => {
		expect(withDefaults('${DATA:-/global/cfs/x}:/data')).toBe('/global/cfs/x:/data');
		expect(withDefaults('${A-b}${C}')).toBe('b${C}');
	});

	test('splits at colons outside ${…}', () => {
		expect(splitOutsideBraces('${DIR:-/a}:/b:ro', ':')).toEqual(['${DIR:-/a}', '/b', 'ro']);
	});

	test('tells placeholders from literal values', () => {
		for (const text of ['${UID}', '$UID', '<uid>', '{{ uid }}', '{uid}']) {
			expect(isPlaceholder(text)).toBe(true);
		}
		for (const text of ['1000', 'root', 'a${B}', '<a>b']) expect(isPlaceholder(text)).toBe(false);
	});

	test('treats only bare references as not plaintext', () => {
		expect(isInterpolationOnly('${DB_PASSWORD}')).toBe(true);
		expect(isInterpolationOnly('$A${B:?required}')).toBe(true);
		expect(isInterpolationOnly('${DB_PASSWORD:-changeme}')).toBe(false);
		expect(isInterpolationOnly('pw-${SUFFIX}')).toBe(false);
		expect(isInterpolationOnly('')).toBe(false);
	});
});

describe('compose user values', () => {
	test('accepts non-root numeric UID:GID and values filled in later', () => {
		for (const user of [
			'12345:67890',
			'${UID}:${GID}',
			'${UID}:58102',
			'<uid>:<gid>',
			'${USER_SPEC}',
			'${UID:-1000}:${GID:-1000}',
		]) {
			expect(userProblem(user)).toBeUndefined();
		}
	});

	test('classifies root, names and a missing group', () => {
		expect(userProblem('0:0')).toBe('root');
		expect(userProblem('root')).toBe('root');
		expect(userProblem('${UID:-0}:100')).toBe('root');
		expect(userProblem('nginx:nginx')).toBe('notNumeric');
		expect(userProblem('12345')).toBe('noGroup');
	});
});

describe('names', () => {
	test('normalises capabilities', () => {
		expect(capabilityName(' cap_chown ')).toBe('CHOWN');
	});

	test('matches secret-like names without _FILE', () => {
		expect(isSecretName('MONGO_INITDB_ROOT_PASSWORD')).toBe(true);
		expect(isSecretName('api_key')).toBe(true);
		expect(isSecretName('MONGO_INITDB_ROOT_PASSWORD_FILE')).toBe(false);
		expect(isSecretName('WHO')).toBe(false);
	});

	test('recognises global file system paths', () => {
		expect(isGlobalPath('/global/cfs/cdirs/p', '/global/')).toBe(true);
		expect(isGlobalPath('//global//homes/e', '/global/')).toBe(true);
		expect(isGlobalPath('/global', '/global/')).toBe(true);
		expect(isGlobalPath('/globalx/a', '/global/')).toBe(false);
		expect(isGlobalPath('./global/a', '/global/')).toBe(false);
	});
});

describe('image references', () => {
	test('split registry, repository, tag and digest', () => {
		expect(parseImage('registry.nersc.gov:443/proj/app:v1@sha256:ab')).toEqual({
			registry: 'registry.nersc.gov:443',
			repository: 'proj/app',
			tag: 'v1',
			digest: 'sha256:ab',
		});
		expect(parseImage('mongo')).toEqual({ repository: 'mongo' });
	});

	test('name the tag problem', () => {
		expect(imageTagProblem('mongo')).toBe('untagged');
		expect(imageTagProblem('localhost:5000/app')).toBe('untagged');
		expect(imageTagProblem('nginx:latest')).toBe('latest');
		expect(imageTagProblem('nginx:1.25')).toBeUndefined();
		expect(imageTagProblem('app:${TAG:-latest}')).toBe('latest');
		expect(imageTagProblem('${IMAGE}')).toBeUndefined();
		expect(imageTagProblem('registry.nersc.gov/p/${APP}')).toBeUndefined();
	});
});

describe('ingress hosts', () => {
	const template = '{name}.{namespace}.{cluster}.svc.spin.nersc.org';
	const clusters = ['development', 'production'];

	test("match Spin's pattern label by label", () => {
		expect(isSpinHost('lb.portal.development.svc.spin.nersc.org', template, clusters)).toBe(true);
		expect(
			isSpinHost('LB.Portal.Production.svc.spin.nersc.org', template, clusters, 'portal')
		).toBe(true);
		expect(isSpinHost('lb.portal.staging.svc.spin.nersc.org', template, clusters)).toBe(false);
		expect(
			isSpinHost('lb.other.development.svc.spin.nersc.org', template, clusters, 'portal')
		).toBe(false);
		expect(isSpinHost('lb.development.svc.spin.nersc.org', template, clusters)).toBe(false);
		expect(
			isSpinHost('web.<namespace>.development.svc.spin.nersc.org', template, clusters, 'p')
		).toBe(true);
	});

	test('are covered by exact and wildcard TLS entries', () => {
		expect(tlsCovers('*.example.org', 'a.example.org')).toBe(true);
		expect(tlsCovers('*.example.org', 'a.b.example.org')).toBe(false);
		expect(tlsCovers('a.example.org', 'A.example.org')).toBe(true);
	});
});
