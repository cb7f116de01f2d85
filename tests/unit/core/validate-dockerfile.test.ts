import { describe, expect, test } from 'vitest';
import { validate } from '../../../src/core/validate.js';
import { loadCenter } from '../helpers/center.js';

const center = loadCenter();

const FLASK = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
USER 1000:1000
EXPOSE 5000
CMD ["python", "app.py"]
`;

describe("validate('dockerfile', …)", () => {
	test('accepts a Spin-ready Flask image without findings', () => {
		expect(validate('dockerfile', FLASK, { center })).toEqual([]);
	});

	test('reports exact ranges with stable ids, hints and documentation links', () => {
		const text = 'FROM nginx:latest\nEXPOSE 80\nCMD nginx -g "daemon off;"\n';
		const found = validate('dockerfile', text, { center });
		expect(
			found.map((d) => [d.ruleId, d.severity, d.range.start.line, d.range.start.column])
		).toEqual([
			['spin/non-root-user', 'warning', 1, 1],
			['docker/no-latest-tag', 'warning', 1, 6],
			['spin/unprivileged-port', 'warning', 2, 8],
			['docker/json-cmd', 'warning', 3, 5],
		]);
		for (const d of found) {
			expect(d.docs).toBe(`/rules/#${d.ruleId}`);
			expect(d.hint.length).toBeGreaterThan(0);
			expect(d.message).not.toMatch(/\{\w+\}/);
		}
	});

	test('reports dockerfile-utils problems under our ids with our messages', () => {
		const found = validate('dockerfile', 'FROM alpine:3.20\nRUNN echo hi\nUSER 1000\n', { center });
		expect(found).toEqual([
			expect.objectContaining({
				ruleId: 'dockerfile/unknown-instruction',
				family: 'correctness',
				severity: 'error',
				message: '`RUNN` is not a Dockerfile instruction.',
				range: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } },
			}),
		]);
	});

	test('applies severity overrides and turns rules off', () => {
		const text = 'FROM python:3.12-slim\nCMD ["python"]\n';
		const severities = { 'spin/non-root-user': 'error' } as const;
		expect(validate('dockerfile', text, { center, severities }).map((d) => d.severity)).toEqual([
			'error',
		]);
		const off = { 'spin/non-root-user': 'off' } as const;
		expect(validate('dockerfile', text, { center, severities: off })).toEqual([]);
	});

	test('does not let a dockerfile-utils ignore comment hide an error', () => {
		const found = validate(
			'dockerfile',
			'FROM alpine:3.20\n# dockerfile-utils: ignore\nRUNN echo\nUSER 1000\n',
			{ center }
		);
		expect(found.map((d) => d.ruleId)).toEqual(['dockerfile/unknown-instruction']);
	});

	test('runs every rule when the first instruction is indented or follows a byte-order mark', () => {
		for (const text of [' ARG A=$B\nFROM alpine:3.20\n', '\uFEFFapt-get install $X\n']) {
			const found = validate('dockerfile', text, { center });
			expect(found.filter((d) => d.ruleId === 'validator/internal')).toEqual([]);
		}
	});

	test('raises no false error on BuildKit syntax, heredocs and Windows images', () => {
		const texts = [
			'# syntax=docker/dockerfile:1\n# check=error=true\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache/go-build --mount=type=secret,id=token go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build --link --chmod=755 /out/app /usr/local/bin/\nRUN <<EOF\nset -e\nadduser -D -u 1000 app\nEOF\nUSER 1000\nCMD ["app"]\n',
			'# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host hello; `\n    Write-Host world\nUSER ContainerUser\nCMD ["cmd"]\n',
		];
		for (const text of texts) {
			const errors = validate('dockerfile', text, { center }).filter(
				(d) => d.family === 'correctness'
			);
			expect(errors).toEqual([]);
		}
	});
});
