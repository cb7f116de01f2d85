import { describe, expect, it } from 'vitest';
import { CLEAR_SCREEN } from '../../../../src/core/sim/builtins.js';
import { makeShell, run } from './setup.js';

describe('the shell', () => {
	it('answers an empty line with nothing and exit 0', () => {
		expect(makeShell().run('   ')).toEqual({ output: '', exitCode: 0 });
	});

	it('uses \\r\\n line ends', () => {
		const out = makeShell().run('ls -l');
		expect(out.output).toContain('\r\n');
		expect(out.output.replace(/\r\n/g, '')).not.toContain('\n');
	});

	it('reports an unknown command with exit 127', () => {
		const out = run(makeShell(), 'vim Dockerfile');
		expect(out.exitCode).toBe(127);
		expect(out.text).toContain('vim: command not found');
	});

	it('reports an unknown docker sub-command', () => {
		const out = run(makeShell(), 'docker frobnicate');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain("docker: 'frobnicate' is not a docker command.");
	});

	it('reports an unknown kubectl sub-command', () => {
		const out = run(makeShell(), 'kubectl frobnicate pods');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('error: unknown command "frobnicate" for "kubectl"');
	});

	it('reports bad flags in the style of each program', () => {
		const docker = run(makeShell(), 'docker ps --frobnicate');
		expect(docker.exitCode).toBe(125);
		expect(docker.text).toContain('unknown flag: --frobnicate');
		expect(docker.text).toContain("See 'docker ps --help'.");
		const kubectl = run(makeShell(), 'kubectl get pods -z');
		expect(kubectl.exitCode).toBe(1);
		expect(kubectl.text).toContain("error: unknown shorthand flag: 'z' in -z");
		const ls = run(makeShell(), 'ls --frobnicate');
		expect(ls.exitCode).toBe(2);
		expect(ls.text).toContain('ls: unknown flag: --frobnicate');
	});

	it('reports a flag without its value', () => {
		const out = run(makeShell(), 'docker build -t');
		expect(out.exitCode).toBe(125);
		expect(out.text).toContain('flag needs an argument');
	});

	it('lists the commands with help, and a command with --help', () => {
		const sh = makeShell();
		const help = run(sh, 'help');
		for (const name of [
			'docker build',
			'docker push',
			'kubectl apply',
			'kubectl rollout undo',
			'history',
			'clear',
		]) {
			expect(help.text).toContain(name);
		}
		const usage = run(sh, 'docker run --help');
		expect(usage.text).toContain('Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]');
		expect(usage.text).toContain('--cap-drop');
		expect(run(sh, 'help kubectl apply').text).toContain('Usage:  kubectl apply');
	});

	it('lists the sub-commands of a group', () => {
		const sh = makeShell();
		const docker = run(sh, 'docker');
		expect(docker.exitCode).toBe(0);
		expect(docker.text).toContain('build');
		expect(docker.text).toContain('push');
		const rollout = run(sh, 'kubectl rollout').text;
		expect(rollout).toContain('undo');
		expect(rollout).toContain('status');
		expect(run(sh, 'docker image --help').text).toContain('ls');
	});

	it('clears the screen', () => {
		expect(makeShell().run('clear')).toEqual({ output: CLEAR_SCREEN, exitCode: 0 });
	});

	it('keeps a history of the lines typed', () => {
		const sh = makeShell();
		run(sh, 'ls');
		run(sh, 'docker ps -a');
		const out = run(sh, 'history');
		expect(out.text.split('\n')).toEqual(['    1  ls', '    2  docker ps -a', '    3  history']);
		expect(sh.history).toEqual(['ls', 'docker ps -a', 'history']);
	});

	it('shows the workspace with ls and cat', () => {
		const sh = makeShell({
			files: {
				Dockerfile: 'FROM python:3.12-slim\n',
				'web/nginx.conf': 'server {}\n',
				'.dockerignore': '.git\n',
			},
		});
		expect(run(sh, 'ls').text).toBe('Dockerfile  web/');
		expect(run(sh, 'ls -a').text).toBe('.dockerignore  Dockerfile  web/');
		expect(run(sh, 'ls web').text).toBe('nginx.conf');
		expect(run(sh, 'cat Dockerfile').text).toBe('FROM python:3.12-slim');
		expect(run(sh, 'cat ./web/nginx.conf').text).toBe('server {}');
		const missing = run(sh, 'cat nope.txt');
		expect(missing.exitCode).toBe(1);
		expect(missing.text).toBe('cat: nope.txt: No such file or directory');
		expect(run(sh, 'cat web').text).toBe('cat: web: Is a directory');
		expect(run(sh, 'cat').exitCode).toBe(1);
		expect(run(sh, 'ls nowhere').exitCode).toBe(2);
	});

	it('sees new files after setFiles', () => {
		const sh = makeShell();
		sh.setFiles({ 'deploy.yaml': 'kind: List\n' });
		expect(run(sh, 'ls').text).toBe('deploy.yaml');
		expect(sh.getFiles()).toEqual({ 'deploy.yaml': 'kind: List\n' });
	});

	it('splits arguments with quotes and escapes', () => {
		const sh = makeShell();
		expect(run(sh, `echo "a  b" 'c "d"' e\\ f`).text).toBe('a  b c "d" e f');
		expect(run(sh, 'echo -n x').text).toBe('-n x');
	});

	it('refuses an unclosed quote', () => {
		const out = run(makeShell(), 'echo "oops');
		expect(out.exitCode).toBe(2);
		expect(out.text).toContain('syntax error');
	});

	it('chains commands with &&, || and ;', () => {
		const sh = makeShell();
		expect(run(sh, 'echo a && echo b').text).toBe('a\nb');
		const failed = run(sh, 'cat nope && echo never');
		expect(failed.text).not.toContain('never');
		expect(failed.exitCode).toBe(1);
		expect(run(sh, 'cat nope || echo rescue').text).toContain('rescue');
		expect(run(sh, 'cat nope ; echo always').text).toContain('always');
		expect(run(sh, 'echo a && && echo b').exitCode).toBe(2);
	});

	it('refuses pipes with an explanation', () => {
		const out = run(makeShell(), 'docker images | grep app');
		expect(out.exitCode).toBe(2);
		expect(out.text).toContain('pipes are not simulated');
	});

	it('prints the working directory of the workspace', () => {
		expect(run(makeShell(), 'pwd').text).toBe('/home/elvis/workspace');
	});

	it('moves the engine clock by the tick per command', () => {
		const sh = makeShell({ tick: 5000 });
		const start = sh.state.now;
		run(sh, 'ls');
		run(sh, 'ls');
		expect(sh.state.now - start).toBe(10_000);
	});

	it('uses an injected validator', () => {
		const sh = makeShell({
			validate: () => [
				{
					ruleId: 'test/always',
					messageId: 'always',
					family: 'spin',
					severity: 'error',
					range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
					message: 'Refused by the test validator.',
					hint: 'None.',
					docs: '/rules/test/always/',
				},
			],
		});
		const out = run(sh, 'docker build -t app .');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('Refused by the test validator.');
	});
});
