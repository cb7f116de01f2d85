import { describe, expect, test } from 'vitest';
import { isPinned, parseImageRef } from '../../../../src/core/dockerfile/image.js';

describe('parseImageRef', () => {
	test('splits a Docker Hub reference', () => {
		expect(parseImageRef('python:3.12-slim')).toEqual({
			text: 'python:3.12-slim',
			registry: null,
			host: 'docker.io',
			path: 'python',
			name: 'python',
			tag: '3.12-slim',
			digest: null,
		});
	});

	test('recognises a registry host with a port, a path, a tag and a digest', () => {
		const ref = parseImageRef('registry.example.org:5000/team/app:1.0@sha256:abc');
		expect(ref).toMatchObject({
			registry: 'registry.example.org:5000',
			host: 'registry.example.org:5000',
			path: 'team/app',
			name: 'app',
			tag: '1.0',
			digest: 'sha256:abc',
		});
	});

	test('treats a first component without a dot or colon as a Docker Hub namespace', () => {
		expect(parseImageRef('jupyter/base-notebook')).toMatchObject({
			registry: null,
			host: 'docker.io',
			path: 'jupyter/base-notebook',
			tag: null,
		});
		expect(parseImageRef('localhost/app:dev')).toMatchObject({
			registry: 'localhost',
			host: 'localhost',
			path: 'app',
		});
		expect(parseImageRef('index.docker.io/library/alpine')).toMatchObject({ host: 'docker.io' });
	});

	test('returns null for an empty reference', () => {
		expect(parseImageRef('  ')).toBeNull();
	});

	test('calls a reference pinned when it has a digest or a tag other than latest', () => {
		const pinned = (text: string) => {
			const ref = parseImageRef(text);
			return ref ? isPinned(ref) : null;
		};
		expect([pinned('a:1'), pinned('a'), pinned('a:latest'), pinned('a:latest@sha256:x')]).toEqual([
			true,
			false,
			false,
			true,
		]);
	});
});
