/**
 * A minimal stand-in for Node's `Buffer`, installed only where it is missing (browsers).
 *
 * `dockerfile-ast` calls `Buffer.from(char, 'UTF-8')` once per parse to look for a byte-order
 * mark; nothing else in the parser touches it. The stand-in encodes UTF-8 with `TextEncoder`.
 */

/** The part of `Buffer` that the parser uses. */
interface BufferLike {
	from(value: string, encoding?: string): Uint8Array;
}

const shim: BufferLike = {
	from: (value: string) => new TextEncoder().encode(value),
};

/** Installs the stand-in on `globalThis` when no `Buffer` exists; returns whether it did. */
export function installBufferShim(): boolean {
	const scope = globalThis as unknown as Record<string, unknown>;
	if (scope['Buffer'] !== undefined) return false;
	scope['Buffer'] = shim;
	return true;
}

installBufferShim();
