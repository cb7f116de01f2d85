import { describe, expect, it } from 'vitest';
import { APP_PY, GOOD_DOCKERFILE, makeShell, run } from './setup.js';

const files = (dockerfile: string, extra: Record<string, string> = {}) => ({
	Dockerfile: dockerfile,
	'app.py': APP_PY,
	'requirements.txt': 'flask==3.0.3\n',
	...extra,
});

describe('docker build', () => {
	it('walks the Dockerfile in BuildKit steps and names the image', () => {
		const sh = makeShell();
		const out = run(sh, 'docker build -t my-app:v1 .');
		expect(out.exitCode).toBe(0);
		const lines = out.text.split('\n');
		expect(lines[0]).toMatch(/^\[\+\] Building \d+\.\ds \(\d+\/\d+\) FINISHED$/);
		expect(out.text).toContain('=> [1/5] FROM docker.io/library/python:3.12-slim');
		expect(out.text).toContain('=> [2/5] WORKDIR /app');
		expect(out.text).toContain('=> [4/5] RUN pip install --no-cache-dir -r requirements.txt');
		expect(out.text).toContain('=> [5/5] COPY app.py /app/');
		expect(out.text).toContain('=> => naming to docker.io/library/my-app:v1');
		expect(Object.keys(sh.state.store.tags)).toEqual(['my-app:v1']);
	});

	it('builds the image file system from COPY, WORKDIR, USER, ENV, EXPOSE and CMD', () => {
		const sh = makeShell({ files: files(`${GOOD_DOCKERFILE}\nENV WHO=elvis\n`) });
		run(sh, 'docker build -t my-app .');
		const id = sh.state.store.tags['my-app:latest'] ?? '';
		const image = sh.state.store.images[id];
		expect(image?.config.user).toBe('10001');
		expect(image?.config.workdir).toBe('/app');
		expect(image?.config.exposed).toEqual(['5000/tcp']);
		expect(image?.config.cmd).toEqual(['python', 'app.py']);
		expect(image?.config.env).toContain('WHO=elvis');
		expect(image?.files['/app/app.py']?.content).toBe(APP_PY);
		expect(image?.files['/app/requirements.txt']?.content).toBe('flask==3.0.3\n');
	});

	it('derives the image id from the content, so a rebuild gives the same id and cached steps', () => {
		const sh = makeShell();
		run(sh, 'docker build -t a .');
		const second = run(sh, 'docker build -t b .');
		expect(second.text).toContain('CACHED [2/5] WORKDIR /app');
		expect(second.text).toContain('CACHED [5/5] COPY app.py /app/');
		expect(sh.state.store.tags['a:latest']).toBe(sh.state.store.tags['b:latest']);
		sh.setFiles(files(GOOD_DOCKERFILE, { 'app.py': `${APP_PY}\n# changed\n` }));
		const third = run(sh, 'docker build -t c .');
		expect(third.text).toContain('CACHED [4/5] RUN pip install');
		expect(third.text).not.toContain('CACHED [5/5]');
		expect(sh.state.store.tags['c:latest']).not.toBe(sh.state.store.tags['a:latest']);
		expect(run(sh, 'docker build --no-cache -t d .').text).not.toContain('CACHED');
	});

	it("prints the validator's warnings with line numbers and still builds", () => {
		const sh = makeShell({
			files: files(GOOD_DOCKERFILE.replace('CMD ["python", "app.py"]', 'CMD python app.py')),
		});
		const out = run(sh, 'docker build -t app .');
		expect(out.exitCode).toBe(0);
		expect(out.text).toMatch(/found by the course checks/);
		expect(out.text).toMatch(/warning\s+Dockerfile:\d+\s+docker\/json-cmd/);
		expect(sh.state.store.tags['app:latest']).toBeDefined();
	});

	it('fails on validator errors, with line numbers, and makes no image', () => {
		const sh = makeShell({ files: files('FROM python:3.12-slim\nRUNN pip install flask\n') });
		const out = run(sh, 'docker build -t broken .');
		expect(out.exitCode).toBe(1);
		expect(out.text).toMatch(/error\s+Dockerfile:2/);
		expect(out.text).toContain('No image was built.');
		expect(sh.state.store.tags).toEqual({});
	});

	it('fails at a COPY whose source is not in the context, showing the line', () => {
		const sh = makeShell({
			files: files(GOOD_DOCKERFILE.replace('COPY app.py /app/', 'COPY main.py /app/')),
		});
		const out = run(sh, 'docker build -t app .');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('ERROR [5/5] COPY main.py /app/');
		expect(out.text).toContain('>>> COPY main.py /app/');
		expect(out.text).toContain('"/main.py": not found');
		expect(sh.state.store.tags).toEqual({});
	});

	it('fails when the base image does not exist', () => {
		const sh = makeShell({ files: files('FROM no-such-base:1.0\nUSER 10001\nCMD ["sh"]\n') });
		const out = run(sh, 'docker build -t app .');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('pull access denied');
	});

	it('builds FROM an image pushed to the simulated NERSC registry, and not before', () => {
		const text = 'FROM registry.nersc.gov/m1234/base:v1\nUSER 10001\nCMD ["sh"]\n';
		const sh = makeShell({ files: files(text) });
		expect(run(sh, 'docker build -t child .').text).toContain(
			'registry.nersc.gov/m1234/base:v1: not found'
		);
		sh.setFiles(files(GOOD_DOCKERFILE));
		run(sh, 'docker build -t base .');
		run(sh, 'docker tag base registry.nersc.gov/m1234/base:v1');
		sh.setFiles(files(text));
		expect(run(sh, 'docker build -t child .').exitCode).toBe(0);
	});

	it('needs exactly one context argument', () => {
		const out = run(makeShell(), 'docker build -t app');
		expect(out.exitCode).toBe(1);
		expect(out.text).toContain('requires exactly 1 argument');
	});

	it('reports a missing Dockerfile, a missing context and a bad tag', () => {
		const sh = makeShell({ files: { 'app.py': APP_PY } });
		expect(run(sh, 'docker build .').text).toContain(
			'failed to read dockerfile: open Dockerfile: no such file or directory'
		);
		expect(run(sh, 'docker build nowhere').text).toContain(
			'unable to prepare context: path "nowhere" not found'
		);
		const bad = run(makeShell(), 'docker build -t MyApp .');
		expect(bad.exitCode).toBe(1);
		expect(bad.text).toContain('invalid tag "MyApp"');
	});

	it('reads -f, a context directory and .dockerignore', () => {
		const sh = makeShell({
			files: {
				'app/Dockerfile.prod':
					'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nUSER 10001\nCMD ["python", "main.py"]\n',
				'app/main.py': 'print("hi")\n',
				'app/secret.env': 'TOKEN=x\n',
				'app/.dockerignore': '*.env\n',
			},
		});
		const out = run(sh, 'docker build -f app/Dockerfile.prod -t svc app');
		expect(out.exitCode).toBe(0);
		const image = sh.state.store.images[sh.state.store.tags['svc:latest'] ?? ''];
		expect(image?.files['/srv/main.py']).toBeDefined();
		expect(image?.files['/srv/secret.env']).toBeUndefined();
		expect(image?.files['/srv/Dockerfile.prod']).toBeDefined();
	});

	it('builds multi-stage files, naming stages in the steps and copying --from a stage', () => {
		const text = [
			'FROM python:3.12-slim AS builder',
			'WORKDIR /src',
			'COPY app.py .',
			'FROM python:3.12-slim',
			'COPY --from=builder /src/app.py /app/app.py',
			'USER 10001',
			'CMD ["python", "/app/app.py"]',
		].join('\n');
		const sh = makeShell({ files: files(text) });
		const out = run(sh, 'docker build -t multi .');
		expect(out.exitCode).toBe(0);
		expect(out.text).toContain('[builder 3/3] COPY app.py .');
		expect(out.text).toContain('[stage-1 2/2] COPY --from=builder /src/app.py /app/app.py');
		const image = sh.state.store.images[sh.state.store.tags['multi:latest'] ?? ''];
		expect(image?.files['/app/app.py']?.content).toBe(APP_PY);
		expect(image?.files['/src/app.py']).toBeUndefined();
	});

	it('prints only the id with -q, and builds an untagged image without -t', () => {
		const sh = makeShell();
		const quiet = run(sh, 'docker build -q .');
		expect(quiet.text).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(run(sh, 'docker images').text).toContain('<none>');
	});

	it('answers docker image build the same way', () => {
		expect(run(makeShell(), 'docker image build -t app .').exitCode).toBe(0);
	});
});
