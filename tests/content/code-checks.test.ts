import { describe, expect, test } from 'vitest';
import { loadCenter } from '../unit/helpers/center.js';
import { checkCodeBlock, codeBlocks, yamlKind, type CodeBlock } from './helpers/code-checks.js';
import { formatProblems } from './helpers/problem.js';
import { sample } from './helpers/sample.js';

const center = loadCenter();

const GOOD_DOCKERFILE = `FROM python:3.12-slim
WORKDIR /app
COPY app.py /app/
USER 10001:10001
EXPOSE 5000
CMD ["python3", "app.py"]`;

const GOOD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 1
  selector:
    matchLabels: { app: app }
  template:
    metadata:
      labels: { app: app }
    spec:
      imagePullSecrets:
        - name: registry-nersc
      containers:
        - name: app
          image: registry.nersc.gov/myproject/myuser/app:v1
          securityContext:
            allowPrivilegeEscalation: false
            privileged: false
            runAsNonRoot: true
            runAsUser: 10001
            capabilities:
              drop: [ALL]`;

/** Checks every block of a body; returns the formatted problems. */
function problems(body: string): string[] {
	return formatProblems(
		codeBlocks(sample(body)).flatMap((b) => checkCodeBlock(b, center).problems)
	);
}

/** A fenced block. */
function fence(info: string, text: string): string {
	return `\`\`\`${info}\n${text}\n\`\`\`\n`;
}

describe('codeBlocks', () => {
	test('finds blocks in prose and inside JSX, with language, meta and fence line', () => {
		const body = `${fence('bash', 'ls')}\n<Solution>\n\n${fence('dockerfile wrong', 'FROM x')}\n</Solution>\n`;
		const blocks: Partial<CodeBlock>[] = codeBlocks(sample(body)).map(({ line, lang, meta }) => ({
			line,
			lang,
			meta,
		}));
		expect(blocks).toEqual([
			{ line: 17, lang: 'bash', meta: [] },
			{ line: 23, lang: 'dockerfile', meta: ['wrong'] },
		]);
	});
});

describe('yamlKind', () => {
	test('tells Kubernetes from Compose, and neither', () => {
		expect(yamlKind('kind: Secret\nmetadata: {}')).toBe('k8s');
		expect(yamlKind('- apiVersion: v1\n  kind: Pod')).toBe('k8s');
		expect(yamlKind('services:\n  app:\n    image: x')).toBe('compose');
		expect(yamlKind('securityContext:\n  runAsUser: 1000')).toBe('undecidable');
	});
});

describe('checkCodeBlock', () => {
	test('accepts clean Dockerfile and Kubernetes blocks and ignores other languages', () => {
		const body = `${fence('dockerfile', GOOD_DOCKERFILE)}\n${fence('yaml', GOOD_DEPLOYMENT)}\n${fence('bash', 'sudo rm -rf /')}`;
		expect(problems(body)).toEqual([]);
	});

	test('fails on a Dockerfile that runs as root, at the file line of the finding', () => {
		const body = `Text.\n\n${fence('dockerfile', GOOD_DOCKERFILE.replace('USER 10001:10001', 'USER root'))}`;
		expect(problems(body)).toContainEqual(
			expect.stringMatching(
				/^sample\.mdx:23: dockerfile block: (error|warning) spin\/non-root-user: /
			)
		);
	});

	test('fails on a Kubernetes block that keeps every capability', () => {
		const body = fence('yaml', GOOD_DEPLOYMENT.replace('drop: [ALL]', 'add: [SYS_ADMIN]'));
		expect(problems(body).length).toBeGreaterThan(0);
		expect(problems(body).every((p) => p.startsWith('sample.mdx:'))).toBe(true);
	});

	test('fails on a Compose block with a plaintext password', () => {
		const compose =
			'services:\n  db:\n    image: mongo:7\n    environment:\n      MONGO_INITDB_ROOT_PASSWORD: hunter2';
		expect(problems(fence('yaml', compose))).toContainEqual(
			expect.stringMatching(/^sample\.mdx:22: compose block: \w+ compose\/no-plaintext-secrets: /)
		);
	});

	test('accepts a mistake marked wrong, also inside <Solution>', () => {
		const body = `<Solution>\n\n${fence('dockerfile wrong', 'FROM debian:latest\nCMD python3 app.py')}\n</Solution>\n`;
		expect(problems(body)).toEqual([]);
	});

	test('fails on a stale wrong mark: a clean block, or a language that is not validated', () => {
		const body = `${fence('dockerfile wrong', GOOD_DOCKERFILE)}\n${fence('bash wrong', 'ls')}`;
		expect(problems(body)).toEqual([
			'sample.mdx:17: ```dockerfile wrong is marked wrong, but the dockerfile validators report no error or warning: remove the mark or keep the mistake',
			'sample.mdx:26: ```bash wrong is marked wrong, but bash blocks are not validated',
		]);
	});

	test('fails on YAML that is neither Kubernetes nor Compose', () => {
		expect(problems(fence('yaml', 'securityContext:\n  runAsUser: 1000'))).toEqual([
			'sample.mdx:17: ```yaml: cannot tell Kubernetes (apiVersion/kind) from Compose (services:), so it cannot be validated; complete it or tag it text',
		]);
	});
});
