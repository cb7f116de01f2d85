import { describe, expect, test } from 'vitest';
import { lines, runOn } from './check-helpers.js';

const compose = (check: Parameters<typeof runOn>[1], text: string) => runOn('compose', check, text);

const stack = lines(
	"version: '2'",
	'services:',
	'  app:',
	'    image: my-first-container-app:v1',
	'    environment:',
	'      - WHO=elvis',
	'      - DEBUG',
	'    cap_drop: [ALL]',
	'  web:',
	'    image: registry.spin.nersc.gov/alice/web:v1',
	"    user: '54321:60123'",
	'    group_add: [nginx]',
	'    ports:',
	'      - "60000:8080/tcp"',
	'      - target: 9090',
	'        published: 9091',
	'    volumes:',
	'      - /global/cfs/cdirs/m1234/data:/srv:ro',
	'      - ./conf/site.conf:/etc/nginx/conf.d/default.conf',
	'      - type: bind',
	'        source: ./logs',
	'        target: /var/log/app',
	'        read_only: true',
	'    secrets:',
	'      - source: web.stack.password',
	'        target: password',
	'    environment:',
	'      PASSWORD_FILE: /run/secrets/password',
	'secrets:',
	'  web.stack.password:',
	'    file: ./password'
);

describe('compose-service', () => {
	test('finds a service and matches its image', () => {
		expect(compose({ type: 'compose-service', service: 'app' }, stack).passed).toBe(true);
		expect(
			compose(
				{ type: 'compose-service', service: 'web', image: '/^registry\\.spin\\.nersc\\.gov\\//' },
				stack
			).passed
		).toBe(true);
		expect(
			compose({ type: 'compose-service', service: 'app', image: 'my-first-container-app' }, stack)
				.passed
		).toBe(false);
		const missing = compose({ type: 'compose-service', service: 'db' }, stack);
		expect(missing.passed).toBe(false);
		expect(missing.range?.start.line).toBe(2);
	});
});

describe('compose-port', () => {
	test('reads short and long syntax, with the host port when asked', () => {
		expect(compose({ type: 'compose-port', service: 'web', container: 8080 }, stack).passed).toBe(
			true
		);
		expect(
			compose({ type: 'compose-port', service: 'web', container: 8080, host: 60000 }, stack).passed
		).toBe(true);
		expect(
			compose({ type: 'compose-port', service: 'web', container: 9090, host: 9091 }, stack).passed
		).toBe(true);
		expect(
			compose({ type: 'compose-port', service: 'web', container: 8080, host: 80 }, stack).passed
		).toBe(false);
		expect(compose({ type: 'compose-port', service: 'app', container: 5000 }, stack).passed).toBe(
			false
		);
	});
});

describe('compose-env', () => {
	test('reads list and map forms, values and absence', () => {
		expect(
			compose({ type: 'compose-env', service: 'app', name: 'WHO', value: 'elvis' }, stack).passed
		).toBe(true);
		expect(
			compose({ type: 'compose-env', service: 'app', name: 'WHO', value: '/^bob$/' }, stack).passed
		).toBe(false);
		expect(compose({ type: 'compose-env', service: 'app', name: 'DEBUG' }, stack).passed).toBe(
			true
		);
		expect(
			compose({ type: 'compose-env', service: 'web', name: 'PASSWORD_FILE' }, stack).passed
		).toBe(true);
		const present = compose(
			{ type: 'compose-env', service: 'app', name: 'WHO', absent: true },
			stack
		);
		expect(present.passed).toBe(false);
		expect(present.range?.start.line).toBe(6);
		expect(
			compose({ type: 'compose-env', service: 'app', name: 'PASSWORD', absent: true }, stack).passed
		).toBe(true);
	});
});

describe('compose-volume', () => {
	test('matches target, source and read-only in short and long syntax', () => {
		expect(
			compose(
				{
					type: 'compose-volume',
					service: 'web',
					target: '/srv',
					source: '/^\\/global\\//',
					readOnly: true,
				},
				stack
			).passed
		).toBe(true);
		expect(
			compose(
				{ type: 'compose-volume', service: 'web', target: '/var/log/app', readOnly: true },
				stack
			).passed
		).toBe(true);
		const writable = compose(
			{
				type: 'compose-volume',
				service: 'web',
				target: '/etc/nginx/conf.d/default.conf',
				readOnly: true,
			},
			stack
		);
		expect(writable.passed).toBe(false);
		expect(writable.range?.start.line).toBe(19);
		expect(
			compose({ type: 'compose-volume', service: 'web', target: '/srv', source: './data' }, stack)
				.passed
		).toBe(false);
		expect(compose({ type: 'compose-volume', service: 'app', target: '/srv' }, stack).passed).toBe(
			false
		);
	});
});

describe('compose-field', () => {
	test('compares values, list items and absence, for one service or all', () => {
		expect(
			compose(
				{ type: 'compose-field', service: 'web', field: 'user', equals: '54321:60123' },
				stack
			).passed
		).toBe(true);
		expect(
			compose({ type: 'compose-field', service: 'web', field: 'user', equals: '1000:1000' }, stack)
				.passed
		).toBe(false);
		expect(
			compose(
				{ type: 'compose-field', service: 'web', field: 'group_add', contains: 'nginx' },
				stack
			).passed
		).toBe(true);
		expect(
			compose({ type: 'compose-field', service: 'web', field: 'cap_add', absent: true }, stack)
				.passed
		).toBe(true);
		const all = compose(
			{ type: 'compose-field', service: '*', field: 'cap_drop', contains: 'ALL' },
			stack
		);
		expect(all.passed).toBe(false);
		expect(all.message).toContain('`web`');
	});
	test('reads an unquoted UID:GID as written, not as a YAML 1.1 number', () => {
		const text = lines('services:', '  web:', '    image: a:1', '    user: 1000:50');
		expect(
			compose({ type: 'compose-field', service: 'web', field: 'user', equals: '1000:50' }, text)
				.passed
		).toBe(true);
	});
});

describe('compose-secret', () => {
	test('needs a defined secret and a _FILE variable pointing at its target', () => {
		expect(
			compose({ type: 'compose-secret', service: 'web', env: 'PASSWORD_FILE' }, stack).passed
		).toBe(true);
		expect(
			compose({ type: 'compose-secret', service: 'web', secret: '/^db\\./' }, stack).passed
		).toBe(false);
		expect(compose({ type: 'compose-secret', service: 'app' }, stack).passed).toBe(false);
		const undefinedSecret = lines(
			'services:',
			'  db:',
			'    image: mongo:7.0',
			'    secrets: [pw]'
		);
		expect(compose({ type: 'compose-secret', service: 'db' }, undefinedSecret).passed).toBe(false);
		const short = lines(
			'services:',
			'  db:',
			'    image: mongo:7.0',
			'    secrets: [pw]',
			'    environment: [PW_FILE=/run/secrets/pw]',
			'secrets:',
			'  pw: {external: true}'
		);
		expect(compose({ type: 'compose-secret', service: 'db', env: 'PW_FILE' }, short).passed).toBe(
			true
		);
		expect(
			compose({ type: 'compose-secret', service: 'db', env: 'OTHER_FILE' }, short).passed
		).toBe(false);
	});
});

describe('Compose checks on broken YAML', () => {
	test('fail with the syntax error position', () => {
		const result = compose({ type: 'compose-service', service: 'app' }, 'services:\n  app: [\n');
		expect(result.passed).toBe(false);
		expect(result.range).toBeDefined();
	});
});
