import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeShell, pushApp } from './setup.js';

/** Words that reach deep into the commands, mixed with random text. */
const WORDS = [
	'docker',
	'kubectl',
	'rancher',
	'build',
	'run',
	'ps',
	'images',
	'tag',
	'push',
	'pull',
	'login',
	'logs',
	'exec',
	'stop',
	'start',
	'rm',
	'rmi',
	'image',
	'container',
	'apply',
	'get',
	'describe',
	'rollout',
	'undo',
	'status',
	'history',
	'restart',
	'create',
	'namespace',
	'secret',
	'generic',
	'delete',
	'pods',
	'deployment/web',
	'svc',
	'-f',
	'-t',
	'-n',
	'-d',
	'-p',
	'-e',
	'-it',
	'--rm',
	'--name',
	'--user',
	'--cap-add',
	'--cap-drop',
	'--privileged',
	'--to-revision=1',
	'--',
	'.',
	'deploy.yaml',
	'Dockerfile',
	'app',
	'app:v1',
	'web',
	'demo',
	'ALL',
	'SYS_ADMIN',
	'5000:5000',
	'registry.nersc.gov/m1234/elvis/app:v1',
	'ls',
	'cat',
	'id',
	'sh',
	'-c',
	'echo',
	'help',
	'&&',
	'||',
	';',
	'|',
	'"',
	"'",
	'\\',
	'$HOME',
	'=',
];

const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 }));
/** Lines that mostly start with a real command, so that the flags and operands get exercised. */
const HEADS = [
	'',
	'docker',
	'docker run',
	'docker build',
	'docker exec',
	'kubectl',
	'kubectl get',
	'kubectl apply',
	'kubectl rollout undo',
	'kubectl exec',
	'rancher kubectl',
];
const line = fc
	.tuple(fc.constantFrom(...HEADS), fc.array(word, { maxLength: 8 }))
	.map(([head, words]) => [head, ...words].join(' '));

describe('random command lines', () => {
	it('never throw, and always give text and an integer exit code', () => {
		const sh = makeShell();
		pushApp(sh);
		sh.run('kubectl create namespace demo');
		sh.run('kubectl apply -f deploy.yaml');
		fc.assert(
			fc.property(line, fc.nat(), (text, cursor) => {
				const result = sh.run(text);
				expect(typeof result.output).toBe('string');
				expect(Number.isInteger(result.exitCode)).toBe(true);
				expect(result.exitCode).toBeGreaterThanOrEqual(0);
				expect(result.output).not.toContain('internal error');
				const completion = sh.complete(text, cursor % (text.length + 1));
				expect(completion.line.length).toBeGreaterThanOrEqual(0);
			}),
			{ numRuns: 1500, seed: 20240501 }
		);
	}, 20_000);

	it('never throw on arbitrary unicode text', () => {
		const sh = makeShell();
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
				const result = sh.run(text);
				expect(Number.isInteger(result.exitCode)).toBe(true);
				expect(result.output).not.toContain('internal error');
			}),
			{ numRuns: 300, seed: 7 }
		);
	});
});
