import { splitCommands, tokenize } from './argv.js';
import { execCommand, EXEC_PROGRAMS, type ExecContext } from './exec.js';
import { basename, nodeAt, resolvePath } from './fs.js';
import { canAccess } from './users.js';

/**
 * What a container's main process does when it starts: the plausible first lines of the
 * programs the course uses (Flask's development server, gunicorn, uvicorn, nginx, Python's
 * `http.server`), the errors they give for a missing file or a port a non-root user cannot
 * bind, and the output of one-shot commands. Nothing is executed: the image's files decide.
 */

/** A process start request: the exec context plus the command and the container's address. */
export interface Launch extends ExecContext {
	command: readonly string[];
	/** The container's IP address, e.g. `172.17.0.2`. */
	ip: string;
	/** Start time in ms, for timestamps in log lines. */
	time: number;
}

/** What happened at start-up. */
export interface Startup {
	logs: string[];
	/** Whether the process keeps running (a server). */
	running: boolean;
	exitCode: number;
	/** Set when the runtime cannot start the program at all. */
	runtimeError: string | null;
	/** Where the process listens. */
	listens: { host: string; port: number }[];
}

const SERVERS = new Set([
	'sleep',
	'redis-server',
	'mongod',
	'postgres',
	'httpd-foreground',
	'httpd',
	'java',
	'npm',
	'uwsgi',
	'tail',
]);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** Formats a time as `2024-05-01 09:00:00`. */
function stamp(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A finished start-up. */
function done(logs: string[], exitCode: number): Startup {
	return { logs, running: false, exitCode, runtimeError: null, listens: [] };
}

/** A running server. */
function serving(logs: string[], listens: { host: string; port: number }[] = []): Startup {
	return { logs, running: true, exitCode: 0, runtimeError: null, listens };
}

/** The value of an option written `--name value`, `--name=value` or `-x value`. */
function option(words: readonly string[], names: readonly string[]): string | undefined {
	for (let i = 0; i < words.length; i++) {
		const word = words[i] ?? '';
		for (const name of names) {
			if (word === name) return words[i + 1];
			if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
		}
	}
	return undefined;
}

/** Reads a file the process opens; returns its content or a Python-style error. */
function open(l: Launch, path: string): { content: string } | { errno: string } {
	const node = nodeAt(l.files, resolvePath(l.cwd, path));
	if (!node || node.dir) return { errno: '[Errno 2] No such file or directory' };
	if (!canAccess(node, l.identity, 4)) return { errno: '[Errno 13] Permission denied' };
	return { content: node.content };
}

/** Flask's development server. */
function flask(l: Launch, app: string, host: string, port: number): Startup {
	const lines = [` * Serving Flask app '${app}'`, ' * Debug mode: off'];
	lines.push(
		'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.'
	);
	if (host === '0.0.0.0')
		lines.push(
			' * Running on all addresses (0.0.0.0)',
			` * Running on http://127.0.0.1:${port}`,
			` * Running on http://${l.ip}:${port}`
		);
	else lines.push(` * Running on http://${host}:${port}`);
	lines.push('Press CTRL+C to quit');
	return serving(lines, [{ host, port }]);
}

/** `python [-u] FILE`, `python -m MODULE …`, or the interactive interpreter. */
function python(l: Launch, args: readonly string[]): Startup {
	const rest = args.filter((a) => !/^-[uBOsE]+$/.test(a));
	const [first, ...more] = rest;
	if (first === undefined || first === '-c') return done([], 0);
	if (first === '--version' || first === '-V') {
		const version = l.env
			.find((e) => e.startsWith('PYTHON_VERSION='))
			?.slice('PYTHON_VERSION='.length);
		return done([`Python ${version ?? '3'}`], 0);
	}
	if (first === '-m') {
		const [module = '', ...moduleArgs] = more;
		if (module === 'flask') return flaskRun(l, moduleArgs);
		if (module === 'gunicorn') return gunicorn(l, moduleArgs);
		if (module === 'http.server') {
			const port = Number(moduleArgs.find((a) => /^\d+$/.test(a)) ?? 8000);
			return serving(
				[`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`],
				[{ host: '0.0.0.0', port }]
			);
		}
		return done([], 0);
	}
	const file = open(l, first);
	if ('errno' in file)
		return done([`python: can't open file '${resolvePath(l.cwd, first)}': ${file.errno}`], 2);
	const text = file.content;
	if (/Flask\s*\(/.test(text) && /\.run\s*\(/.test(text)) {
		const call = /\.run\s*\(([^)]*)\)/.exec(text)?.[1] ?? '';
		const host = /host\s*=\s*["']([^"']+)["']/.exec(call)?.[1] ?? '127.0.0.1';
		const port = Number(/port\s*=\s*(\d+)/.exec(call)?.[1] ?? 5000);
		return flask(l, basename(first).replace(/\.py$/, ''), host, port);
	}
	if (/serve_forever|uvicorn\.run|\.run\s*\(/.test(text)) return serving([]);
	return done([], 0);
}

/** `flask run [--host H] [--port P]`. */
function flaskRun(l: Launch, args: readonly string[]): Startup {
	const envApp = l.env.find((e) => e.startsWith('FLASK_APP='))?.slice('FLASK_APP='.length);
	const app = option(args, ['--app', '-A']) ?? envApp ?? 'app';
	const module = `${app.split(':')[0]?.replace(/\.py$/, '')}.py`;
	if ('errno' in open(l, module)) {
		return done(
			[
				"Error: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.",
			],
			2
		);
	}
	const host = option(args, ['--host', '-h']) ?? '127.0.0.1';
	const port = Number(option(args, ['--port', '-p']) ?? 5000);
	return flask(l, app, host, port);
}

/** `gunicorn [-b HOST:PORT] MODULE:APP`. */
function gunicorn(l: Launch, args: readonly string[]): Startup {
	const bind = option(args, ['-b', '--bind']) ?? '127.0.0.1:8000';
	const [host = '127.0.0.1', portText = '8000'] = bind.split(':');
	const app =
		args
			.filter(
				(a, i) =>
					!a.startsWith('-') &&
					!/^(-b|--bind|-w|--workers|-k|--worker-class|--chdir)$/.test(args[i - 1] ?? '')
			)
			.pop() ?? '';
	const t = `[${stamp(l.time)} +0000]`;
	const lines = [
		`${t} [1] [INFO] Starting gunicorn 22.0.0`,
		`${t} [1] [INFO] Listening at: http://${bind} (1)`,
		`${t} [1] [INFO] Using worker: sync`,
		`${t} [7] [INFO] Booting worker with pid: 7`,
	];
	const module = `${(app.split(':')[0] ?? '').replace(/\./g, '/')}.py`;
	if (app === '' || 'errno' in open(l, resolvePath(option(args, ['--chdir']) ?? l.cwd, module))) {
		lines.push(
			`ModuleNotFoundError: No module named '${app.split(':')[0] || 'app'}'`,
			`${t} [7] [INFO] Worker exiting (pid: 7)`,
			`${t} [1] [ERROR] Reason: Worker failed to boot.`
		);
		return done(lines, 3);
	}
	return serving(lines, [{ host, port: Number(portText) }]);
}

/** nginx as the official image starts it. */
function nginx(l: Launch): Startup {
	const t = stamp(l.time).replace(/-/g, '/');
	const lines = ['/docker-entrypoint.sh: Configuration complete; ready for start up'];
	const emerg = (text: string) =>
		done([...lines, `${t} [emerg] 1#1: ${text}`, `nginx: [emerg] ${text}`], 1);
	const conf = nodeAt(l.files, '/etc/nginx/conf.d/default.conf')?.content ?? '';
	const main = nodeAt(l.files, '/etc/nginx/nginx.conf')?.content ?? '';
	const ports = [...conf.matchAll(/listen\s+(?:[\d.]+:)?(\d+)/g)].map((m) => Number(m[1]));
	if (l.identity.uid !== 0) {
		lines.push(
			`${t} [warn] 1#1: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:1`
		);
		const cache = nodeAt(l.files, '/var/cache/nginx');
		if (cache && !canAccess(cache, l.identity, 2))
			return emerg('mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)');
		const low = ports.find((p) => p < 1024);
		if (low !== undefined) return emerg(`bind() to 0.0.0.0:${low} failed (13: Permission denied)`);
		const pid = /pid\s+([^;\s]+)\s*;/.exec(main)?.[1] ?? '/var/run/nginx.pid';
		const dir = nodeAt(l.files, resolvePath('/', `${pid}/..`));
		if (!dir || !canAccess(dir, l.identity, 2))
			return emerg(`open() "${pid}" failed (13: Permission denied)`);
	}
	lines.push(`${t} [notice] 1#1: start worker processes`);
	return serving(
		lines,
		ports.map((port) => ({ host: '0.0.0.0', port }))
	);
}

/** Strips `sh -c '…'` and `exec`, returning the words of the main process. */
function mainWords(words: readonly string[]): string[] {
	const [program = '', ...args] = words;
	if (SHELLS.has(basename(program)) && args[0] === '-c' && args[1] !== undefined) {
		const commands = splitCommands(tokenize(args[1]).tokens);
		const last = commands[commands.length - 1]?.words ?? [];
		return last[0] === 'exec' ? last.slice(1) : last;
	}
	if (/entrypoint(\.sh)?$/.test(program) && args.length > 0) return mainWords(args);
	return [...words];
}

/** Simulates the start of a container's main process. */
export function launch(l: Launch): Startup {
	const words = mainWords(l.command);
	const [program = '', ...args] = words;
	const name = basename(program);
	if (/^python(\d(\.\d+)?)?$/.test(name)) return python(l, args);
	if (name === 'flask') return args[0] === 'run' ? flaskRun(l, args.slice(1)) : done([], 0);
	if (name === 'gunicorn') return gunicorn(l, args);
	if (name === 'uvicorn') {
		const host = option(args, ['--host']) ?? '127.0.0.1';
		const port = Number(option(args, ['--port']) ?? 8000);
		return serving(
			[
				'INFO:     Started server process [1]',
				'INFO:     Waiting for application startup.',
				'INFO:     Application startup complete.',
				`INFO:     Uvicorn running on http://${host}:${port} (Press CTRL+C to quit)`,
			],
			[{ host, port }]
		);
	}
	if (name === 'nginx') return nginx(l);
	if (/entrypoint(\.sh)?$/.test(name) || (SHELLS.has(name) && args.length === 0))
		return done([], 0);
	if (EXEC_PROGRAMS.includes(name)) {
		const result = execCommand(l, words);
		return done(result.lines, result.exitCode);
	}
	if (name === 'node')
		return 'errno' in open(l, args[0] ?? '')
			? done([`Error: Cannot find module '${resolvePath(l.cwd, args[0] ?? '')}'`], 1)
			: serving([]);
	const file = ['', '/usr/local/bin/', '/usr/bin/', '/bin/']
		.map((dir) => (program.includes('/') ? resolvePath(l.cwd, program) : `${dir}${program}`))
		.find((path) => nodeAt(l.files, path));
	if (file && !nodeAt(l.files, file)?.dir) {
		const content = nodeAt(l.files, file)?.content ?? '';
		return content.startsWith('#!') ? serving([]) : done(content.replace(/\n$/, '').split('\n'), 0);
	}
	if (SERVERS.has(name)) return serving([]);
	return {
		logs: [],
		running: false,
		exitCode: 127,
		runtimeError: `exec: "${program}": executable file not found in $PATH`,
		listens: [],
	};
}
