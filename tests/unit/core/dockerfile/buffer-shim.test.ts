import { afterEach, describe, expect, test } from 'vitest';
import { installBufferShim } from '../../../../src/core/dockerfile/buffer-shim.js';
import { parseDockerfile } from '../../../../src/core/dockerfile/parse.js';

const scope = globalThis as unknown as Record<string, unknown>;
const original = scope['Buffer'];

afterEach(() => {
	scope['Buffer'] = original;
});

describe('installBufferShim', () => {
	test('leaves an existing Buffer alone', () => {
		expect(installBufferShim()).toBe(false);
		expect(scope['Buffer']).toBe(original);
	});

	test('lets the parser run where no Buffer exists, byte-order mark included', () => {
		delete scope['Buffer'];
		expect(installBufferShim()).toBe(true);
		const doc = parseDockerfile('\uFEFFFROM alpine:3.20\nRUN echo hi\n');
		expect(doc.failure).toBeNull();
		expect(doc.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
	});
});
