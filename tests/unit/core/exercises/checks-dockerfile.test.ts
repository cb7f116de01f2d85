import { describe, expect, test } from 'vitest';
import { lines, runOn } from './check-helpers.js';

const df = (check: Parameters<typeof runOn>[1], text: string, context?: Record<string, string>) =>
	runOn('dockerfile', check, text, context);

describe('base-image', () => {
	test('passes a pinned image of an accepted name and reports its range', () => {
		const result = df(
			{ type: 'base-image', image: ['python', 'debian'], pinned: true },
			'FROM python:3.12-slim\n'
		);
		expect(result.passed).toBe(true);
		expect(result.range?.start).toEqual({ line: 1, column: 6 });
	});
	test('fails latest, an untagged image and another name', () => {
		expect(df({ type: 'base-image', pinned: true }, 'FROM python:latest\n').passed).toBe(false);
		expect(df({ type: 'base-image', pinned: true }, 'FROM python\n').passed).toBe(false);
		expect(df({ type: 'base-image', image: 'python' }, 'FROM pypy:3.10\n').passed).toBe(false);
	});
	test('reads the final stage and follows a stage used as base', () => {
		const text = lines('FROM python:3.12 AS build', 'FROM build AS runtime', 'RUN true');
		expect(df({ type: 'base-image', tag: '/slim/' }, text).passed).toBe(false);
		expect(df({ type: 'base-image', image: 'python', pinned: true }, text).passed).toBe(true);
	});
	test('checks the registry and a digest counts as pinned', () => {
		const text = 'FROM registry.nersc.gov/m1234/base@sha256:' + 'a'.repeat(64) + '\n';
		expect(
			df({ type: 'base-image', registry: 'registry.nersc.gov', pinned: true }, text).passed
		).toBe(true);
		expect(df({ type: 'base-image', registry: 'ghcr.io' }, text).passed).toBe(false);
	});
});

describe('expose', () => {
	test('accepts a port with protocol and a range', () => {
		expect(
			df({ type: 'expose', port: 5000 }, lines('FROM alpine:3.20', 'EXPOSE 5000/tcp')).passed
		).toBe(true);
		expect(
			df({ type: 'expose', port: 8081 }, lines('FROM alpine:3.20', 'EXPOSE 8080-8082')).passed
		).toBe(true);
	});
	test('compares with a bound and expands variables', () => {
		const text = lines('FROM alpine:3.20', 'ENV PORT=80', 'EXPOSE $PORT');
		expect(df({ type: 'expose', above: 1024 }, text).passed).toBe(false);
		expect(df({ type: 'expose', port: 80 }, text).passed).toBe(true);
	});
	test('fails without EXPOSE, pointing at the final FROM', () => {
		const result = df({ type: 'expose', port: 80 }, lines('FROM a:1 AS x', 'FROM b:1'));
		expect(result.passed).toBe(false);
		expect(result.range?.start.line).toBe(2);
	});
});

describe('user', () => {
	test('passes a numeric non-root user, with or without a group', () => {
		expect(df({ type: 'user' }, lines('FROM a:1', 'USER 10001')).passed).toBe(true);
		expect(df({ type: 'user' }, lines('FROM a:1', 'USER 10001:10001')).passed).toBe(true);
	});
	test('fails names, root, a named group and a missing USER', () => {
		expect(df({ type: 'user' }, lines('FROM a:1', 'USER nobody')).passed).toBe(false);
		expect(df({ type: 'user' }, lines('FROM a:1', 'USER 0')).passed).toBe(false);
		expect(df({ type: 'user' }, lines('FROM a:1', 'USER 1000:staff')).passed).toBe(false);
		expect(df({ type: 'user' }, 'FROM a:1\n').passed).toBe(false);
	});
	test('uses the last USER and compares with an expected value', () => {
		const text = lines('FROM a:1', 'USER 1000', 'RUN true', 'USER 54321:60123');
		expect(df({ type: 'user', equals: '54321:60123' }, text).passed).toBe(true);
		expect(df({ type: 'user', equals: '54321' }, text).passed).toBe(true);
		expect(df({ type: 'user', equals: '1000' }, text).passed).toBe(false);
		expect(
			df({ type: 'user' }, lines('FROM a:1', 'USER 1000', 'USER root')).range?.start.line
		).toBe(3);
	});
});

describe('workdir', () => {
	test('resolves relative WORKDIRs', () => {
		expect(
			df({ type: 'workdir', path: '/srv/app' }, lines('FROM a:1', 'WORKDIR /srv', 'WORKDIR app/'))
				.passed
		).toBe(true);
		expect(
			df({ type: 'workdir', path: '/app' }, lines('FROM a:1', 'WORKDIR /app', 'WORKDIR /tmp'))
				.passed
		).toBe(false);
		expect(df({ type: 'workdir', path: '/app' }, 'FROM a:1\n').passed).toBe(false);
	});
});

describe('copy', () => {
	const check = { type: 'copy', source: 'app.py', dest: '/app/app.py' } as const;
	test('copies into a WORKDIR, a trailing-slash directory, or by a full path', () => {
		expect(df(check, lines('FROM a:1', 'WORKDIR /app', 'COPY app.py /app')).passed).toBe(true);
		expect(df(check, lines('FROM a:1', 'COPY app.py /app/')).passed).toBe(true);
		expect(df(check, lines('FROM a:1', 'COPY app.py /app/app.py')).passed).toBe(true);
		expect(df(check, lines('FROM a:1', 'WORKDIR /app', 'COPY . .')).passed).toBe(true);
		expect(df(check, lines('FROM a:1', 'WORKDIR /app', 'COPY ["app.py", "./"]')).passed).toBe(true);
	});
	test('fails a file copied onto /app itself, elsewhere, or with ADD', () => {
		expect(df(check, lines('FROM a:1', 'COPY app.py /app')).passed).toBe(false);
		const elsewhere = df(check, lines('FROM a:1', 'COPY app.py /srv/'));
		expect(elsewhere.passed).toBe(false);
		expect(elsewhere.message).toContain('/srv/app.py');
		expect(df(check, lines('FROM a:1', 'ADD app.py /app/')).passed).toBe(false);
	});
	test('with from, needs an earlier stage (by name or index), not an image', () => {
		const from = { type: 'copy', from: true } as const;
		expect(df(from, lines('FROM a:1 AS build', 'FROM b:1', 'COPY --from=build /x /x')).passed).toBe(
			true
		);
		expect(df(from, lines('FROM a:1', 'FROM b:1', 'COPY --from=0 /x /x')).passed).toBe(true);
		expect(df(from, lines('FROM a:1', 'FROM b:1', 'COPY --from=python:3.12 /x /x')).passed).toBe(
			false
		);
		expect(df(from, lines('FROM a:1', 'COPY x /x')).passed).toBe(false);
	});
});

describe('command', () => {
	const check = { type: 'command', words: ['/^python3?$/', 'app.py'] } as const;
	test('joins ENTRYPOINT and CMD in exec form', () => {
		expect(df(check, lines('FROM a:1', 'CMD ["python", "app.py"]')).passed).toBe(true);
		expect(df(check, lines('FROM a:1', 'ENTRYPOINT ["python3"]', 'CMD ["app.py"]')).passed).toBe(
			true
		);
	});
	test('fails shell form, malformed JSON, missing words and a CMD reset by ENTRYPOINT', () => {
		expect(df(check, lines('FROM a:1', 'CMD python app.py')).passed).toBe(false);
		expect(df(check, lines('FROM a:1', 'CMD ["python", "app.py"')).passed).toBe(false);
		expect(df(check, lines('FROM a:1', 'CMD ["python", "main.py"]')).passed).toBe(false);
		expect(df(check, lines('FROM a:1', 'CMD ["app.py"]', 'ENTRYPOINT ["python"]')).passed).toBe(
			false
		);
		expect(df({ type: 'command' }, 'FROM a:1\n').passed).toBe(false);
	});
});

describe('run-command', () => {
	const apt = ['/^apt(-get)?$/', 'install'];
	test('requires a command, with alternatives', () => {
		const check = {
			type: 'run-command',
			command: [
				['pip', 'install', 'flask'],
				['apt-get', 'install', 'python3-flask'],
			],
		} as const;
		expect(
			df(check, lines('FROM a:1', 'RUN apt-get update && apt-get install -y python3-flask')).passed
		).toBe(true);
		expect(df(check, lines('FROM a:1', 'RUN pip install requests')).passed).toBe(false);
	});
	test('checks options, the command before and the command after in the same RUN', () => {
		const check = {
			type: 'run-command',
			command: apt,
			with: ['--no-install-recommends'],
			precededBy: ['apt-get', 'update'],
			followedBy: ['rm', '/lists/'],
		} as const;
		const good = lines(
			'FROM a:1',
			'RUN apt-get update \\',
			' && apt-get install -y --no-install-recommends curl \\',
			' && rm -rf /var/lib/apt/lists/*'
		);
		expect(df(check, good).passed).toBe(true);
		const split = df(
			check,
			lines(
				'FROM a:1',
				'RUN apt-get update',
				'RUN apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'
			)
		);
		expect(split.passed).toBe(false);
		expect(split.range?.start.line).toBe(3);
		expect(
			df(
				check,
				lines(
					'FROM a:1',
					'RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*'
				)
			).passed
		).toBe(false);
		expect(
			df(
				check,
				lines(
					'FROM a:1',
					'RUN apt-get update && apt-get install --no-install-recommends curl',
					'RUN rm -rf /var/lib/apt/lists/*'
				)
			).passed
		).toBe(false);
	});
	test('optional passes without the command; forbidden fails with it', () => {
		expect(
			df(
				{ type: 'run-command', command: apt, present: 'optional', with: ['-y'] },
				lines('FROM a:1', 'RUN true')
			).passed
		).toBe(true);
		expect(
			df(
				{ type: 'run-command', command: ['pip', 'install'], present: 'forbidden' },
				lines('FROM a:1', 'RUN python -m pip install x')
			).passed
		).toBe(false);
	});
	test('selects the final stage or the build stages', () => {
		const text = lines(
			'FROM a:1 AS build',
			'RUN pip install x',
			'FROM a:1',
			'COPY --from=build /x /x'
		);
		expect(
			df({ type: 'run-command', command: ['pip', 'install'], stage: 'build' }, text).passed
		).toBe(true);
		expect(
			df({ type: 'run-command', command: ['pip', 'install'], present: 'forbidden' }, text).passed
		).toBe(true);
		expect(df({ type: 'run-command', command: ['pip', 'install'] }, text).passed).toBe(false);
	});
});

describe('instruction-count', () => {
	test('counts in the whole file or the final stage', () => {
		const text = lines('FROM a:1 AS build', 'ADD x /x', 'FROM b:1', 'COPY x /x');
		expect(df({ type: 'instruction-count', instruction: 'FROM', min: 2 }, text).passed).toBe(true);
		expect(df({ type: 'instruction-count', instruction: 'ADD', max: 0 }, text).passed).toBe(false);
		expect(
			df({ type: 'instruction-count', instruction: 'ADD', max: 0, stage: 'final' }, text).passed
		).toBe(true);
		expect(
			df({ type: 'instruction-count', instruction: 'ADD', max: 0 }, text).range?.start.line
		).toBe(2);
	});
});

describe('image-file', () => {
	const conf = 'server {\n    listen       80;\n}\n';
	const check = {
		type: 'image-file',
		path: '/etc/nginx/conf.d/default.conf',
		initial: conf,
		contains: ['^\\s*listen\\s+8080;'],
		excludes: ['listen\\s+80;'],
	} as const;
	test('follows sed edits, basic and extended', () => {
		expect(
			df(
				check,
				lines('FROM nginx:1.27', "RUN sed -i 's/80;/8080;/' /etc/nginx/conf.d/default.conf")
			).passed
		).toBe(true);
		expect(
			df(
				check,
				lines(
					'FROM nginx:1.27',
					"RUN sed --regexp-extended --in-place=.bak 's%(^\\s+listen\\s+)80(;)%\\18080\\2%' /etc/nginx/conf.d/default.conf"
				)
			).passed
		).toBe(true);
		expect(
			df(
				check,
				lines(
					'FROM nginx:1.27',
					'WORKDIR /etc/nginx',
					"RUN sed -i -e 's/listen\\( *\\)80;/listen\\18080;/' conf.d/default.conf"
				)
			).passed
		).toBe(true);
	});
	test('fails a sed that matches nothing, a sed without -i, and the untouched file', () => {
		const miss = df(
			check,
			lines(
				'FROM nginx:1.27',
				"RUN sed -i 's/listen 80;/listen 8080;/' /etc/nginx/conf.d/default.conf"
			)
		);
		expect(miss.passed).toBe(false);
		expect(miss.range?.start.line).toBe(2);
		expect(
			df(check, lines('FROM nginx:1.27', "RUN sed 's/80;/8080;/' /etc/nginx/conf.d/default.conf"))
				.passed
		).toBe(false);
		expect(df(check, 'FROM nginx:1.27\n').passed).toBe(false);
	});
	test('takes copied context files, echo and printf, and rm', () => {
		const context = {
			'default.conf': 'server {\n    listen 8080;\n}\n',
			'conf/site.conf': 'listen 8080;\n',
		};
		expect(
			df(check, lines('FROM nginx:1.27', 'COPY default.conf /etc/nginx/conf.d/'), context).passed
		).toBe(true);
		expect(
			df(check, lines('FROM nginx:1.27', 'COPY conf/ /etc/nginx/conf.d/'), context).passed
		).toBe(false);
		expect(
			df(
				check,
				lines('FROM nginx:1.27', "RUN echo 'listen 8080;' > /etc/nginx/conf.d/default.conf")
			).passed
		).toBe(true);
		expect(
			df(
				check,
				lines(
					'FROM nginx:1.27',
					"RUN printf 'a\\n%s\\n' 'listen 8080;' > /etc/nginx/conf.d/default.conf"
				)
			).passed
		).toBe(true);
		expect(
			df(check, lines('FROM nginx:1.27', 'RUN rm /etc/nginx/conf.d/default.conf')).message
		).toContain('removed');
	});
	test('reports unknown content instead of guessing', () => {
		const result = df(
			check,
			lines('FROM nginx:1.27', 'COPY missing.conf /etc/nginx/conf.d/default.conf')
		);
		expect(result.passed).toBe(false);
		expect(result.message).toContain('cannot be checked');
		expect(
			df(check, lines('FROM nginx:1.27', 'RUN envsubst < t > /etc/nginx/conf.d/default.conf'))
				.message
		).toContain('cannot be checked');
	});
	test('keeps appended lines after a deletion', () => {
		const pid = {
			type: 'image-file',
			path: '/etc/nginx/nginx.conf',
			initial: 'user nginx;\npid /var/run/nginx.pid;\n',
			contains: ['^pid /var/tmp/nginx\\.pid;$'],
			excludes: ['/var/run/'],
		} as const;
		const text = lines(
			'FROM nginx:1.27',
			"RUN sed -i '/^pid/d' /etc/nginx/nginx.conf && echo 'pid /var/tmp/nginx.pid;' >> /etc/nginx/nginx.conf"
		);
		expect(df(pid, text).passed).toBe(true);
	});
});

describe('pipefail', () => {
	const pipe = 'curl -fsSL https://example.org/x.tgz | tar -xz';
	test('passes a SHELL with -o pipefail, or bash with set -o pipefail', () => {
		expect(
			df(
				{ type: 'pipefail' },
				lines('FROM a:1', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', `RUN ${pipe}`)
			).passed
		).toBe(true);
		expect(
			df(
				{ type: 'pipefail' },
				lines('FROM a:1', 'SHELL ["/bin/bash", "-c"]', `RUN set -euo pipefail; ${pipe}`)
			).passed
		).toBe(true);
		expect(
			df({ type: 'pipefail' }, lines('FROM a:1', `RUN ["bash", "-o", "pipefail", "-c", "${pipe}"]`))
				.passed
		).toBe(true);
		expect(df({ type: 'pipefail' }, lines('FROM a:1', 'RUN echo no pipe here')).passed).toBe(true);
	});
	test('fails a pipe in sh, with or without set -o pipefail', () => {
		const plain = df({ type: 'pipefail' }, lines('FROM a:1', `RUN ${pipe}`));
		expect(plain.passed).toBe(false);
		expect(plain.range?.start.line).toBe(2);
		const dash = df({ type: 'pipefail' }, lines('FROM a:1', `RUN set -o pipefail && ${pipe}`));
		expect(dash.passed).toBe(false);
		expect(dash.message).toContain('does not support');
		expect(
			df(
				{ type: 'pipefail' },
				lines('FROM a:1', 'SHELL ["/bin/bash", "-c"]', `RUN ${pipe} && set -o pipefail`)
			).passed
		).toBe(false);
	});
});

describe('a Dockerfile check on text that does not parse as a file of its kind', () => {
	test('fails rather than throws', () => {
		const result = runOn('k8s', { type: 'user' }, 'kind: Pod\n');
		expect(result.passed).toBe(false);
	});
});
