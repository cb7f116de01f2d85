import { describe, expect, it } from 'vitest';
import { createState } from '../../../../src/core/sim/engine.js';
import {
	gradeTerminal,
	patternTest,
	TerminalChecksSchema,
	type TerminalCheck,
} from '../../../../src/core/sim/tasks.js';
import { deployment, makeShell, PUSHED, pushApp, run, runAll, workspace } from './setup.js';

const CHECKS: TerminalCheck[] = TerminalChecksSchema.parse([
	{ id: 'built', description: 'Build the image as app:v1.', type: 'image-built', image: 'app:v1' },
	{
		id: 'pushed',
		description: 'Push it under your project.',
		type: 'image-pushed',
		image: 'registry.nersc.gov/{project}/{user}/app:v1',
	},
	{
		id: 'login',
		description: 'Log in to the NERSC registry.',
		type: 'logged-in',
		registry: 'registry.nersc.gov',
	},
	{
		id: 'running',
		description: 'Run the app on port 5000 as a non-root user.',
		type: 'container-running',
		image: 'app',
		port: { host: 5000, container: 5000 },
		nonRoot: true,
		capDropAll: true,
		env: { WHO: '/^el/' },
	},
	{
		id: 'namespace',
		description: 'Create the namespace demo.',
		type: 'namespace-exists',
		name: 'demo',
	},
	{
		id: 'service',
		description: 'Create the Service web.',
		type: 'object-exists',
		kind: 'Service',
		name: 'web',
		namespace: 'demo',
	},
	{
		id: 'available',
		description: 'Deploy web and let it roll out.',
		type: 'deployment-available',
		name: 'web',
		namespace: 'demo',
		image: `${PUSHED}:v1`,
	},
	{
		id: 'updated',
		description: 'Roll out a second revision.',
		type: 'deployment-available',
		name: 'web',
		minRevision: 2,
	},
	{
		id: 'rolled-back',
		description: 'Roll back the failed update.',
		type: 'rolled-back',
		name: 'web',
		namespace: 'demo',
	},
]);

/** The ids of the checks that pass. */
function passing(state: Parameters<typeof gradeTerminal>[1], params = {}): string[] {
	return gradeTerminal(CHECKS, state, params)
		.filter((r) => r.passed)
		.map((r) => r.id);
}

describe('terminal tasks', () => {
	it('fail on a fresh engine and return one result per check, in order', () => {
		const results = gradeTerminal(CHECKS, createState());
		expect(results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
		expect(results.every((r) => !r.passed)).toBe(true);
	});

	it('pass one by one as the learner works', () => {
		const sh = makeShell({ files: { ...workspace(), 'v2.yaml': deployment(`${PUSHED}:v2`) } });
		run(sh, 'docker build -t app:v1 .');
		expect(passing(sh.state)).toEqual(['built']);
		run(sh, 'docker run -d -p 5000:5000 -e WHO=elvis app:v1');
		expect(passing(sh.state)).not.toContain('running');
		run(sh, 'docker run -d -p 5001:5000 -e WHO=elvis --cap-drop ALL app:v1');
		expect(passing(sh.state)).not.toContain('running');
		for (const c of [...sh.state.containers]) run(sh, `docker rm -f ${c.name}`);
		run(sh, 'docker run -d -p 5000:5000 -e WHO=elvis --cap-drop ALL app:v1');
		expect(passing(sh.state)).toContain('running');
		pushApp(sh);
		expect(passing(sh.state)).toEqual(expect.arrayContaining(['pushed', 'login']));
		runAll(sh, ['kubectl create namespace demo', 'kubectl apply -f deploy.yaml']);
		expect(passing(sh.state)).toEqual(
			expect.arrayContaining(['namespace', 'service', 'available'])
		);
		expect(passing(sh.state)).not.toContain('updated');
		run(sh, 'kubectl apply -f v2.yaml');
		expect(passing(sh.state)).not.toContain('available');
		run(sh, 'kubectl rollout undo deployment/web -n demo');
		expect(passing(sh.state)).toEqual(CHECKS.map((c) => c.id));
	});

	it('does not change the state it grades', () => {
		const sh = makeShell();
		pushApp(sh);
		const before = JSON.stringify(sh.state);
		gradeTerminal(CHECKS, sh.state);
		expect(JSON.stringify(sh.state)).toBe(before);
	});

	it('fills placeholders from params, or accepts any name component', () => {
		const sh = makeShell();
		pushApp(sh);
		expect(passing(sh.state)).toContain('pushed');
		expect(passing(sh.state, { project: 'm1234', user: 'elvis' })).toContain('pushed');
		expect(passing(sh.state, { project: 'm9999' })).not.toContain('pushed');
	});

	it('fails a container check when the container is stopped', () => {
		const sh = makeShell();
		runAll(sh, [
			'docker build -t app:v1 .',
			'docker run -d --name web -p 5000:5000 -e WHO=elvis --cap-drop ALL app:v1',
		]);
		expect(passing(sh.state)).toContain('running');
		run(sh, 'docker stop web');
		expect(passing(sh.state)).not.toContain('running');
	});

	it('fails nonRoot for a container that runs as root', () => {
		const sh = makeShell();
		runAll(sh, [
			'docker build -t app:v1 .',
			'docker run -d -p 5000:5000 -e WHO=elvis --cap-drop ALL --user root app:v1',
		]);
		expect(passing(sh.state)).not.toContain('running');
	});
});

describe('task patterns', () => {
	it('compare exactly, with placeholders for one component, or as regular expressions', () => {
		expect(patternTest('app:v1')('app:v1')).toBe(true);
		expect(patternTest('app:v1')('app:v10')).toBe(false);
		expect(
			patternTest('registry.nersc.gov/{project}/app:v1')('registry.nersc.gov/m1234/app:v1')
		).toBe(true);
		expect(
			patternTest('registry.nersc.gov/{project}/app:v1')('registry.nersc.gov/m1/x/app:v1')
		).toBe(false);
		expect(patternTest('registry.nersc.gov/{project}/app:v1')('registryXnersc.gov/m1/app:v1')).toBe(
			false
		);
		expect(patternTest('/^app:v\\d+$/')('app:v7')).toBe(true);
		expect(patternTest('{a}:{b}', { a: 'x.y' })('x.y:1')).toBe(true);
		expect(patternTest('{a}:{b}', { a: 'x.y' })('xzy:1')).toBe(false);
	});
});

describe('the check list schema', () => {
	it('rejects unknown types, bad ids, short descriptions, bad regexes and duplicate ids', () => {
		const ok = { id: 'built', description: 'Build the image.', type: 'image-built', image: 'app' };
		expect(TerminalChecksSchema.safeParse([ok]).success).toBe(true);
		expect(TerminalChecksSchema.safeParse([{ ...ok, type: 'image-deleted' }]).success).toBe(false);
		expect(TerminalChecksSchema.safeParse([{ ...ok, id: 'Built' }]).success).toBe(false);
		expect(TerminalChecksSchema.safeParse([{ ...ok, description: 'short' }]).success).toBe(false);
		expect(TerminalChecksSchema.safeParse([{ ...ok, image: '/(/' }]).success).toBe(false);
		expect(TerminalChecksSchema.safeParse([{ ...ok, extra: 1 }]).success).toBe(false);
		expect(TerminalChecksSchema.safeParse([ok, ok]).success).toBe(false);
		expect(TerminalChecksSchema.safeParse([]).success).toBe(false);
	});
});
