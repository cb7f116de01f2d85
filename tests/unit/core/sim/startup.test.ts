import { describe, expect, it } from 'vitest';
import { writeFile } from '../../../../src/core/sim/fs.js';
import { launch } from '../../../../src/core/sim/startup.js';
import type { FileTree } from '../../../../src/core/sim/types.js';

/** Starts a command over a tree holding `/app/app.py`. */
function start(
	command: string[],
	options: { uid?: number; env?: string[]; files?: FileTree } = {}
) {
	const files: FileTree = options.files ?? {};
	writeFile(files, '/app/app.py', 'from flask import Flask\napp = Flask(__name__)\n');
	return launch({
		files,
		cwd: '/app',
		env: options.env ?? [],
		identity: { uid: options.uid ?? 0, gid: 0, user: null, group: null, home: '/' },
		hostname: 'abc',
		date: 'May  1 09:00',
		command,
		ip: '172.17.0.2',
		time: Date.UTC(2024, 4, 1, 9, 0, 0),
	});
}

describe('process start-up', () => {
	it('prints gunicorn lines, and fails for a missing module', () => {
		const ok = start(['gunicorn', '-b', '0.0.0.0:8000', 'app:app']);
		expect(ok.running).toBe(true);
		expect(ok.logs[0]).toBe('[2024-05-01 09:00:00 +0000] [1] [INFO] Starting gunicorn 22.0.0');
		expect(ok.logs[1]).toContain('Listening at: http://0.0.0.0:8000 (1)');
		expect(ok.listens).toEqual([{ host: '0.0.0.0', port: 8000 }]);
		const missing = start(['gunicorn', 'server:app']);
		expect(missing.running).toBe(false);
		expect(missing.exitCode).toBe(3);
		expect(missing.logs).toContain("ModuleNotFoundError: No module named 'server'");
	});

	it('prints flask run, uvicorn and http.server lines', () => {
		expect(start(['flask', 'run', '--host=0.0.0.0']).logs).toContain(
			' * Running on http://172.17.0.2:5000'
		);
		expect(start(['flask', 'run'], { env: ['FLASK_APP=web.py'] }).exitCode).toBe(2);
		expect(start(['uvicorn', 'app:app', '--port', '9000']).logs.pop()).toBe(
			'INFO:     Uvicorn running on http://127.0.0.1:9000 (Press CTRL+C to quit)'
		);
		expect(start(['python', '-m', 'http.server', '8080']).listens).toEqual([
			{ host: '0.0.0.0', port: 8080 },
		]);
	});

	it('looks through sh -c, exec and entrypoint scripts to the main process', () => {
		expect(
			start(['/bin/sh', '-c', 'cd /app && exec gunicorn -b 0.0.0.0:8000 app:app']).running
		).toBe(true);
		expect(start(['docker-entrypoint.sh', 'sleep', 'infinity']).running).toBe(true);
	});

	it('reports a file the process cannot read', () => {
		const files: FileTree = {};
		writeFile(files, '/app/secret.py', 'x', '0:0', 0o600);
		const out = start(['python', '/app/secret.py'], { uid: 10001, files });
		expect(out.logs).toEqual([
			"python: can't open file '/app/secret.py': [Errno 13] Permission denied",
		]);
		expect(out.exitCode).toBe(2);
	});

	it('runs one-shot commands and reports unknown programs', () => {
		expect(start(['echo', 'hi'])).toMatchObject({ logs: ['hi'], running: false, exitCode: 0 });
		expect(start(['node', 'server.js']).logs).toEqual([
			"Error: Cannot find module '/app/server.js'",
		]);
		expect(start(['frobnicate']).runtimeError).toBe(
			'exec: "frobnicate": executable file not found in $PATH'
		);
	});
});
