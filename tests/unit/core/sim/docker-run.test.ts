import { describe, expect, it } from 'vitest';
import { APP_PY, GOOD_DOCKERFILE, makeShell, repoFile, run, runAll } from './setup.js';

describe('docker run', () => {
	it('runs the Flask app in the foreground with its start-up lines, and keeps it running', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app .');
		const out = run(sh, 'docker run --rm -p 5000:5000 app');
		expect(out.exitCode).toBe(0);
		expect(out.text).toContain(" * Serving Flask app 'app'");
		expect(out.text).toContain(' * Running on all addresses (0.0.0.0)');
		expect(out.text).toContain(' * Running on http://127.0.0.1:5000');
		expect(out.text).toContain('Press CTRL+C to quit');
		const [container] = sh.state.containers;
		expect(container?.state).toBe('running');
		expect(container?.ports).toEqual([{ host: 5000, container: 5000, protocol: 'tcp' }]);
		expect(container?.autoRemove).toBe(true);
	});

	it('prints the container id with -d and records name, env, user and capabilities', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app .');
		const out = run(
			sh,
			'docker run -d --name web -p 8000:5000 -e WHO=elvis --user 10001:10001 --cap-drop ALL --cap-add net_bind_service app'
		);
		expect(out.exitCode).toBe(0);
		expect(out.text.split('\n')[0]).toMatch(/^[0-9a-f]{64}$/);
		const c = sh.state.containers[0];
		expect(c?.name).toBe('web');
		expect(c?.env).toContain('WHO=elvis');
		expect(c?.user).toBe('10001:10001');
		expect(c?.capDrop).toEqual(['ALL']);
		expect(c?.capAdd).toEqual(['NET_BIND_SERVICE']);
	});

	it('says what Spin would also need for a root container without --cap-drop ALL', () => {
		const sh = makeShell();
		const out = run(sh, 'docker run -d nginx:1.27');
		expect(out.text).toContain('On Spin this container would also need a non-root user');
		expect(out.text).toContain('--cap-drop ALL');
	});

	it('refuses --privileged, capabilities Spin does not allow, and host namespaces', () => {
		const sh = makeShell();
		const privileged = run(sh, 'docker run --privileged nginx:1.27');
		expect(privileged.exitCode).toBe(125);
		expect(privileged.text).toContain('Spin runs no privileged containers');
		const cap = run(sh, 'docker run --cap-add SYS_ADMIN nginx:1.27');
		expect(cap.exitCode).toBe(125);
		expect(cap.text).toContain(
			'Spin allows only CHOWN, DAC_OVERRIDE, FOWNER, KILL, SETGID, SETUID, NET_BIND_SERVICE'
		);
		expect(run(sh, 'docker run --cap-add ALL nginx:1.27').exitCode).toBe(125);
		expect(run(sh, 'docker run --network host nginx:1.27').text).toContain(
			'does not allow host namespaces'
		);
		expect(sh.state.containers).toEqual([]);
	});

	it('accepts the capabilities Spin allows', () => {
		const out = run(
			makeShell(),
			'docker run -d --cap-drop ALL --cap-add CHOWN --cap-add SETUID nginx:1.27'
		);
		expect(out.exitCode).toBe(0);
	});

	it('refuses a missing image, a missing argument, bad ports and bad names', () => {
		const sh = makeShell();
		const missing = run(sh, 'docker run my-first-container-app');
		expect(missing.exitCode).toBe(125);
		expect(missing.text).toContain("Unable to find image 'my-first-container-app:latest' locally");
		expect(missing.text).toContain('pull access denied');
		expect(run(sh, 'docker run').text).toContain('requires at least 1 argument');
		expect(run(sh, 'docker run -p 80:http nginx:1.27').text).toContain(
			'invalid containerPort: http'
		);
		expect(run(sh, 'docker run -p x:80 nginx:1.27').text).toContain('invalid hostPort: x');
		expect(run(sh, 'docker run --name "bad name" nginx:1.27').text).toContain(
			'Invalid container name'
		);
	});

	it('refuses a name in use and a host port in use', () => {
		const sh = makeShell();
		run(sh, 'docker run -d --name web -p 8080:80 nginx:1.27');
		const name = run(sh, 'docker run -d --name web nginx:1.27');
		expect(name.exitCode).toBe(125);
		expect(name.text).toContain('The container name "/web" is already in use');
		const port = run(sh, 'docker run -d --name other -p 8080:80 nginx:1.27');
		expect(port.exitCode).toBe(125);
		expect(port.text).toContain('Bind for 0.0.0.0:8080 failed: port is already allocated');
		expect(sh.state.containers.find((c) => c.name === 'other')?.state).toBe('created');
	});

	it('fails when the user does not exist in the image', () => {
		const out = run(makeShell(), 'docker run --user nginx python:3.12-slim id');
		expect(out.exitCode).toBe(125);
		expect(out.text).toContain('unable to find user nginx: no matching entries in passwd file');
	});

	it('fails when the program does not exist', () => {
		const out = run(makeShell(), 'docker run --rm python:3.12-slim vim');
		expect(out.exitCode).toBe(127);
		expect(out.text).toContain('exec: "vim": executable file not found in $PATH');
	});

	it('runs one-shot commands over the image and exits with their code', () => {
		const sh = makeShell();
		run(sh, 'docker build -t app .');
		expect(run(sh, 'docker run --rm app id').text).toBe('uid=10001 gid=0(root) groups=0(root)');
		expect(run(sh, 'docker run --rm app pwd').text).toBe('/app');
		expect(run(sh, 'docker run --rm app ls').text).toBe('app.py  requirements.txt');
		expect(run(sh, 'docker run --rm -e WHO=elvis app printenv WHO').text).toBe('elvis');
		const missing = run(sh, 'docker run --rm app cat /nope');
		expect(missing.exitCode).toBe(1);
		expect(missing.text).toBe('cat: /nope: No such file or directory');
		expect(
			run(sh, 'docker run --rm python:3.12-slim python --version').text.split('\n').pop()
		).toBe('Python 3.12');
		expect(sh.state.containers).toEqual([]);
	});

	it('runs hello-world', () => {
		const out = run(makeShell(), 'docker run hello-world');
		expect(out.exitCode).toBe(0);
		expect(out.text).toContain('Hello from Docker!');
	});

	it('reports a Python file that the image lacks', () => {
		const sh = makeShell({
			files: {
				Dockerfile: GOOD_DOCKERFILE.replace('COPY app.py /app/', ''),
				'requirements.txt': 'flask\n',
			},
		});
		run(sh, 'docker build -t app .');
		const out = run(sh, 'docker run app');
		expect(out.exitCode).toBe(2);
		expect(out.text).toContain(
			"python: can't open file '/app/app.py': [Errno 2] No such file or directory"
		);
		expect(sh.state.containers[0]?.state).toBe('exited');
	});

	it('notes a server that listens on 127.0.0.1 or on another port than the one published', () => {
		const local = APP_PY.replace('host="0.0.0.0"', 'host="127.0.0.1"');
		const sh = makeShell({
			files: { Dockerfile: GOOD_DOCKERFILE, 'app.py': local, 'requirements.txt': 'flask\n' },
		});
		run(sh, 'docker build -t app .');
		expect(run(sh, 'docker run -d -p 5000:5000 app').text).toContain(
			'listens on 127.0.0.1 inside the container'
		);
		expect(run(sh, 'docker run -d -p 5001:8080 app').text).toContain(
			'nothing listens on container port 8080'
		);
	});

	it('starts the non-root nginx of the lesson, and shows why plain nginx cannot run as non-root', () => {
		const sh = makeShell({
			files: {
				Dockerfile: repoFile('exercises/nonroot-nginx/solution/Dockerfile'),
				'index.html': repoFile('exercises/nonroot-nginx/context/index.html'),
			},
		});
		runAll(sh, ['docker build -t ng .', 'docker run -d --name web -p 8080:8080 --cap-drop ALL ng']);
		expect(sh.state.containers[0]?.state).toBe('running');
		expect(run(sh, 'docker exec web whoami').text).toBe('nginx');
		const plain = run(sh, 'docker run --user 101 nginx:1.27');
		expect(plain.exitCode).toBe(1);
		expect(plain.text).toContain(
			'mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)'
		);
	});

	it('says that interactive shells are not simulated', () => {
		expect(run(makeShell(), 'docker run -it --rm python:3.12-slim bash').text).toContain(
			'Interactive shells are not simulated'
		);
	});
});
