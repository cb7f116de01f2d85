import { describe, expect, it } from 'vitest';
import { makeShell, run, runAll } from './setup.js';
import type { Shell } from '../../../../src/core/sim/shell.js';

/** A shell with the Flask image built and running as `web`. */
function withWeb(): Shell {
	const sh = makeShell();
	runAll(sh, ['docker build -t app .', 'docker run -d --name web -p 5000:5000 -e WHO=elvis app']);
	return sh;
}

describe('docker ps', () => {
	it('lists running containers, and all with -a', () => {
		const sh = withWeb();
		run(sh, 'docker run --name once app echo hi');
		const ps = run(sh, 'docker ps').text.split('\n');
		expect(ps[0]).toMatch(/^CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES$/);
		expect(ps).toHaveLength(2);
		expect(ps[1]).toMatch(
			/^[0-9a-f]{12}\s+app\s+"python app.py"\s+\d+ seconds? ago\s+Up \d+ seconds?\s+0\.0\.0\.0:5000->5000\/tcp\s+web$/
		);
		const all = run(sh, 'docker ps -a').text;
		expect(all).toMatch(/Exited \(0\) .* ago\s+once/);
		expect(run(sh, 'docker ps -q').text).toMatch(/^[0-9a-f]{12}$/);
		expect(run(sh, 'docker container ls').exitCode).toBe(0);
		expect(run(sh, 'docker ps extra').exitCode).toBe(1);
	});
});

describe('docker logs', () => {
	it('prints the logs, with --tail', () => {
		const sh = withWeb();
		expect(run(sh, 'docker logs web').text).toContain(" * Serving Flask app 'app'");
		expect(run(sh, 'docker logs --tail 1 web').text).toBe('Press CTRL+C to quit');
		const missing = run(sh, 'docker logs nope');
		expect(missing.exitCode).toBe(1);
		expect(missing.text).toBe('Error response from daemon: No such container: nope');
		expect(run(sh, 'docker logs').exitCode).toBe(1);
	});

	it('finds a container by an id prefix', () => {
		const sh = withWeb();
		const id = sh.state.containers[0]?.id ?? '';
		expect(run(sh, `docker logs ${id.slice(0, 5)}`).text).toContain('Flask');
	});
});

describe('docker exec', () => {
	it('runs ls, cat, id, whoami, env and pwd over the image', () => {
		const sh = withWeb();
		expect(run(sh, 'docker exec web pwd').text).toBe('/app');
		expect(run(sh, 'docker exec web ls').text).toBe('app.py  requirements.txt');
		expect(run(sh, 'docker exec web ls -l /app').text).toMatch(
			/-rw-r--r-- 1 root\s+root\s+\d+ May  1 09:00 app.py/
		);
		expect(run(sh, 'docker exec web cat requirements.txt').text).toBe('flask==3.0.3');
		expect(run(sh, 'docker exec web id').text).toBe('uid=10001 gid=0(root) groups=0(root)');
		const whoami = run(sh, 'docker exec web whoami');
		expect(whoami.exitCode).toBe(1);
		expect(whoami.text).toBe('whoami: cannot find name for user ID 10001');
		expect(run(sh, 'docker exec -u root web whoami').text).toBe('root');
		const env = run(sh, 'docker exec web env').text.split('\n');
		expect(env[0]).toMatch(/^PATH=/);
		expect(env).toContain('WHO=elvis');
		expect(env.filter((l) => l.startsWith('HOSTNAME='))).toHaveLength(1);
		expect(run(sh, 'docker exec web sh -c "cd /app && echo $WHO"').text).toBe('elvis');
	});

	it('applies the user permissions', () => {
		const sh = withWeb();
		expect(run(sh, 'docker exec web ls /root').text).toBe(
			"ls: cannot open directory '/root': Permission denied"
		);
		expect(run(sh, 'docker exec -u 0 web ls /root').exitCode).toBe(0);
	});

	it('refuses a stopped container, a missing one, and a missing program', () => {
		const sh = withWeb();
		expect(run(sh, 'docker exec nope ls').text).toBe(
			'Error response from daemon: No such container: nope'
		);
		const program = run(sh, 'docker exec web vim app.py');
		expect(program.exitCode).toBe(126);
		expect(program.text).toContain('exec: "vim": executable file not found in $PATH');
		run(sh, 'docker stop web');
		const stopped = run(sh, 'docker exec web ls');
		expect(stopped.exitCode).toBe(1);
		expect(stopped.text).toMatch(
			/^Error response from daemon: container [0-9a-f]{64} is not running$/
		);
		expect(run(sh, 'docker exec web').text).toContain('requires at least 2 arguments');
	});

	it('says that an interactive shell is not simulated', () => {
		expect(run(withWeb(), 'docker exec -it web bash').text).toContain(
			'Interactive shells are not simulated'
		);
	});
});

describe('docker stop, start and rm', () => {
	it('stops a container, and explains a shell-form CMD that does not get the signal', () => {
		const sh = withWeb();
		const out = run(sh, 'docker stop web');
		expect(out.text).toBe('web');
		expect(sh.state.containers[0]?.state).toBe('exited');
		expect(sh.state.containers[0]?.exitCode).toBe(0);
		run(sh, 'docker run -d --name shell --entrypoint /bin/sh app -c "python app.py"');
		const shell = run(sh, 'docker stop shell');
		expect(shell.text).toContain('took 10 s to stop');
		expect(sh.state.containers.find((c) => c.name === 'shell')?.exitCode).toBe(137);
		expect(run(sh, 'docker stop nope').exitCode).toBe(1);
		expect(run(sh, 'docker stop').exitCode).toBe(1);
	});

	it('removes an --rm container when it stops', () => {
		const sh = makeShell();
		runAll(sh, ['docker build -t app .', 'docker run -d --rm --name web app', 'docker stop web']);
		expect(sh.state.containers).toEqual([]);
	});

	it('starts a stopped container again', () => {
		const sh = withWeb();
		run(sh, 'docker stop web');
		expect(run(sh, 'docker start web').text).toBe('web');
		expect(sh.state.containers[0]?.state).toBe('running');
		expect(run(sh, 'docker start nope').exitCode).toBe(1);
	});

	it('refuses to remove a running container unless forced', () => {
		const sh = withWeb();
		const refused = run(sh, 'docker rm web');
		expect(refused.exitCode).toBe(1);
		expect(refused.text).toContain('cannot remove container "/web": container is running');
		expect(run(sh, 'docker rm -f web').text).toBe('web');
		expect(sh.state.containers).toEqual([]);
		expect(run(sh, 'docker rm web').text).toBe(
			'Error response from daemon: No such container: web'
		);
	});
});
