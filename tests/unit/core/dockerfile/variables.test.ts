import { describe, expect, test } from 'vitest';
import { expandVariables } from '../../../../src/core/dockerfile/variables.js';

const values: Record<string, string | null> = { TAG: '3.12', EMPTY: '', UNSET: null };
const lookup = (name: string) => values[name];

describe('expandVariables', () => {
	test('expands plain and braced variables', () => {
		expect(expandVariables('python:$TAG-slim', lookup)).toEqual({
			value: 'python:3.12-slim',
			complete: true,
		});
		expect(expandVariables('python:${TAG}', lookup)).toEqual({
			value: 'python:3.12',
			complete: true,
		});
	});

	test('applies defaults and alternatives like BuildKit', () => {
		expect(expandVariables('${EMPTY:-3.11}', lookup).value).toBe('3.11');
		expect(expandVariables('${EMPTY-3.11}', lookup).value).toBe('');
		expect(expandVariables('${MISSING:-3.10}', lookup)).toEqual({ value: '3.10', complete: true });
		expect(expandVariables('${TAG:+set}', lookup).value).toBe('set');
		expect(expandVariables('${EMPTY:+set}', lookup).value).toBe('');
		expect(expandVariables('${TAG+set}', lookup).value).toBe('set');
	});

	test('marks an expansion incomplete when a variable has no value', () => {
		expect(expandVariables('$MISSING', lookup)).toEqual({ value: '', complete: false });
		expect(expandVariables('${UNSET}', lookup).complete).toBe(false);
	});

	test('keeps an escaped dollar sign', () => {
		expect(expandVariables('\\$TAG', lookup)).toEqual({ value: '$TAG', complete: true });
		expect(expandVariables('`$TAG', lookup, '`').value).toBe('$TAG');
	});
});
