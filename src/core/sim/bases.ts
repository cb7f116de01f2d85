import { mkdirp, writeFile } from './fs.js';
import type { ImageName } from './refs.js';
import type { FileTree, ImageConfig } from './types.js';

/**
 * Public base images the simulated terminal can "pull": their configuration (as published on
 * Docker Hub) and a small file system with the accounts of `/etc/passwd`. Sizes are rounded.
 * An image not listed here is treated as an unknown Debian-like image.
 */

type Family = 'debian' | 'alpine' | 'ubuntu' | 'scratch';

interface BaseSpec {
	family: Family;
	sizeMb: number;
	config: Partial<ImageConfig>;
	users?: string[];
	groups?: string[];
	files?: Record<string, string>;
	dirs?: Record<string, string>;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PY_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';

const NGINX_CONF = (port: number) =>
	`server {\n    listen       ${port};\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n`;

const HELLO = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/
`;

const NGINX: BaseSpec = {
	family: 'debian',
	sizeMb: 192,
	config: {
		env: [PATH],
		exposed: ['80/tcp'],
		entrypoint: ['/docker-entrypoint.sh'],
		cmd: ['nginx', '-g', 'daemon off;'],
	},
	users: ['nginx:x:101:101:nginx user:/nonexistent:/bin/false'],
	groups: ['nginx:x:101:'],
	files: {
		'/etc/nginx/conf.d/default.conf': NGINX_CONF(80),
		'/etc/nginx/nginx.conf':
			'user  nginx;\nworker_processes  auto;\npid        /var/run/nginx.pid;\n',
		'/usr/share/nginx/html/index.html': '<h1>Welcome to nginx!</h1>\n',
		'/docker-entrypoint.sh': '#!/bin/sh\n',
	},
	dirs: { '/var/cache/nginx': '0:0' },
};

/** Known repositories (short form, no tag). */
const BASES: Record<string, BaseSpec> = {
	python: {
		family: 'debian',
		sizeMb: 1020,
		config: { env: [PY_PATH, 'LANG=C.UTF-8'], cmd: ['python3'] },
	},
	debian: { family: 'debian', sizeMb: 117, config: { env: [PATH], cmd: ['bash'] } },
	ubuntu: { family: 'ubuntu', sizeMb: 78, config: { env: [PATH], cmd: ['/bin/bash'] } },
	alpine: { family: 'alpine', sizeMb: 8, config: { env: [PATH], cmd: ['/bin/sh'] } },
	busybox: { family: 'alpine', sizeMb: 4, config: { env: [PATH], cmd: ['sh'] } },
	nginx: NGINX,
	'nginxinc/nginx-unprivileged': {
		...NGINX,
		config: { ...NGINX.config, user: '101', exposed: ['8080/tcp'] },
		files: { ...NGINX.files, '/etc/nginx/conf.d/default.conf': NGINX_CONF(8080) },
		dirs: { '/var/cache/nginx': '101:0' },
	},
	httpd: {
		family: 'debian',
		sizeMb: 148,
		config: { env: [PATH], exposed: ['80/tcp'], cmd: ['httpd-foreground'] },
	},
	node: {
		family: 'debian',
		sizeMb: 1100,
		config: { env: [PATH], entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] },
		users: ['node:x:1000:1000::/home/node:/bin/bash'],
		groups: ['node:x:1000:'],
	},
	postgres: {
		family: 'debian',
		sizeMb: 435,
		config: {
			env: [PATH, 'PGDATA=/var/lib/postgresql/data'],
			exposed: ['5432/tcp'],
			entrypoint: ['docker-entrypoint.sh'],
			cmd: ['postgres'],
		},
		users: ['postgres:x:999:999::/var/lib/postgresql:/bin/bash'],
		groups: ['postgres:x:999:'],
	},
	mongo: {
		family: 'ubuntu',
		sizeMb: 760,
		config: {
			env: [PATH],
			exposed: ['27017/tcp'],
			entrypoint: ['docker-entrypoint.sh'],
			cmd: ['mongod'],
		},
		users: ['mongodb:x:999:999::/data/db:/bin/sh'],
		groups: ['mongodb:x:999:'],
	},
	redis: {
		family: 'debian',
		sizeMb: 117,
		config: { env: [PATH], exposed: ['6379/tcp'], cmd: ['redis-server'] },
	},
	'continuumio/miniconda3': {
		family: 'debian',
		sizeMb: 600,
		config: { env: [PATH], cmd: ['/bin/bash'] },
	},
	golang: { family: 'debian', sizeMb: 820, config: { env: [PATH], cmd: ['bash'] } },
	'hello-world': {
		family: 'scratch',
		sizeMb: 0.02,
		config: { cmd: ['/hello'] },
		files: { '/hello': HELLO },
	},
};

const DEBIAN_USERS = [
	'root:x:0:0:root:/root:/bin/bash',
	'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
	'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
	'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
	'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
];
const DEBIAN_GROUPS = [
	'root:x:0:',
	'daemon:x:1:',
	'bin:x:2:',
	'www-data:x:33:',
	'nogroup:x:65534:',
];
const ALPINE_USERS = [
	'root:x:0:0:root:/root:/bin/sh',
	'nobody:x:65534:65534:nobody:/:/sbin/nologin',
];
const ALPINE_GROUPS = ['root:x:0:root', 'nobody:x:65534:'];
const OS_RELEASE: Record<Family, string> = {
	debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n',
	ubuntu: 'PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\n',
	alpine: 'NAME="Alpine Linux"\nID=alpine\n',
	scratch: '',
};
const TOP_DIRS = [
	'bin',
	'dev',
	'etc',
	'home',
	'lib',
	'media',
	'mnt',
	'opt',
	'proc',
	'root',
	'run',
	'sbin',
	'srv',
	'sys',
	'tmp',
	'usr',
	'var',
];

/** A base image as the engine stores it before any build step. */
export interface BaseImage {
	config: ImageConfig;
	files: FileTree;
	size: number;
	/** Whether the repository is one the simulator knows. */
	known: boolean;
}

/** An empty image configuration. */
export function emptyConfig(): ImageConfig {
	return {
		user: '',
		workdir: '',
		env: [],
		exposed: [],
		entrypoint: null,
		cmd: null,
		shellForm: false,
		labels: {},
	};
}

/** Builds the file system of a base image family. */
function baseTree(spec: BaseSpec): FileTree {
	const tree: FileTree = {};
	mkdirp(tree, '/');
	if (spec.family === 'scratch') {
		for (const [path, content] of Object.entries(spec.files ?? {}))
			writeFile(tree, path, content, '0:0', 0o755);
		return tree;
	}
	for (const dir of TOP_DIRS) mkdirp(tree, `/${dir}`);
	tree['/tmp'] = { dir: true, content: '', owner: '0:0', mode: 0o1777 };
	tree['/root'] = { dir: true, content: '', owner: '0:0', mode: 0o700 };
	mkdirp(tree, '/usr/local/bin');
	mkdirp(tree, '/var/tmp', '0:0', 0o1777);
	mkdirp(tree, '/var/run');
	const alpine = spec.family === 'alpine';
	const users = [...(alpine ? ALPINE_USERS : DEBIAN_USERS), ...(spec.users ?? [])];
	const groups = [...(alpine ? ALPINE_GROUPS : DEBIAN_GROUPS), ...(spec.groups ?? [])];
	writeFile(tree, '/etc/passwd', `${users.join('\n')}\n`);
	writeFile(tree, '/etc/group', `${groups.join('\n')}\n`);
	writeFile(tree, '/etc/os-release', OS_RELEASE[spec.family]);
	for (const [path, content] of Object.entries(spec.files ?? {})) writeFile(tree, path, content);
	for (const [path, owner] of Object.entries(spec.dirs ?? {})) mkdirp(tree, path, owner);
	return tree;
}

/** Finds the spec of a repository, adjusting family and size for `-alpine` and `-slim` tags. */
function specFor(name: ImageName): { spec: BaseSpec; known: boolean } {
	const key = name.host === 'docker.io' ? name.path.replace(/^library\//, '') : '';
	const found = BASES[key];
	const spec: BaseSpec = found ?? {
		family: 'debian',
		sizeMb: 100,
		config: { env: [PATH], cmd: ['sh'] },
	};
	if (/alpine/.test(name.tag) && spec.family !== 'scratch')
		return {
			spec: { ...spec, family: 'alpine', sizeMb: Math.max(8, spec.sizeMb / 8) },
			known: !!found,
		};
	if (/slim/.test(name.tag))
		return { spec: { ...spec, sizeMb: Math.round(spec.sizeMb / 8) }, known: !!found };
	return { spec, known: !!found };
}

/** The image a public reference pulls, e.g. `python:3.12-slim`. */
export function baseImage(name: ImageName): BaseImage {
	const { spec, known } = specFor(name);
	const config = { ...emptyConfig(), ...structuredClone(spec.config) };
	const version = /^(\d+\.\d+)/.exec(name.tag)?.[1];
	if (version && name.path === 'library/python')
		config.env = [...config.env, `PYTHON_VERSION=${version}`];
	return {
		config,
		files: baseTree(spec),
		size: Math.round(spec.sizeMb * 1_000_000),
		known,
	};
}

/** Tells whether a Docker Hub repository is one of the simulator's known public images. */
export function isKnownBase(name: ImageName): boolean {
	return name.host === 'docker.io' && name.path.replace(/^library\//, '') in BASES;
}

/**
 * Tells whether the simulated Docker Hub (or another public registry) has an image: official
 * images only when the simulator knows them, namespaced and other registries' images always.
 */
export function publicImageExists(name: ImageName): boolean {
	if (name.host !== 'docker.io') return true;
	return !name.path.startsWith('library/') || isKnownBase(name);
}
