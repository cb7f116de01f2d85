/**
 * Raw DEFLATE (RFC 1951) through the Compression Streams API, which browsers and Node 20 both
 * provide. Inflating stops as soon as the output passes a limit, so a small bomb cannot fill
 * memory.
 */

/** The outcome of inflating: the bytes, or why there are none. */
export type InflateResult =
	{ ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'corrupt' | 'unsupported' };

/** True when this runtime has the Compression Streams API with `deflate-raw`. */
export function hasCompressionStreams(): boolean {
	return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

/** Reads a stream of byte chunks into one array, or returns null once it passes `limit`. */
async function collect(
	stream: ReadableStream<Uint8Array>,
	limit: number
): Promise<Uint8Array | null> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			await reader.cancel().catch(() => undefined);
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}

/** Compresses bytes with raw DEFLATE; null when the runtime cannot. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array | null> {
	if (!hasCompressionStreams()) return null;
	const stream = new Blob([new Uint8Array(bytes)])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return collect(stream, Number.MAX_SAFE_INTEGER);
}

/** Decompresses raw DEFLATE bytes, giving up past `limit` output bytes; never throws. */
export async function inflateRaw(bytes: Uint8Array, limit: number): Promise<InflateResult> {
	if (!hasCompressionStreams()) return { ok: false, reason: 'unsupported' };
	try {
		const stream = new Blob([new Uint8Array(bytes)])
			.stream()
			.pipeThrough(new DecompressionStream('deflate-raw'));
		const out = await collect(stream, limit);
		return out ? { ok: true, bytes: out } : { ok: false, reason: 'too-large' };
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
}
