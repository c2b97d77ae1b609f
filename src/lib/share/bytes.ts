// Bytes ↔ base64url and deflate through the browser's own streams (no library).

const B64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	// Chunked: String.fromCharCode(...big) overflows the stack.
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null when the text is not base64url (wrong characters or an impossible length). */
export function fromBase64Url(text: string): Uint8Array | null {
	if (!B64URL.test(text) || text.length % 4 === 1) return null;
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	let bin: string;
	try {
		bin = atob(b64);
	} catch {
		return null;
	}
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

async function collect(readable: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | 'too-large'> {
	const reader = readable.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > maxBytes) {
			reader.cancel().catch(() => {});
			return 'too-large';
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

function pipe(stream: GenericTransformStream, bytes: Uint8Array): ReadableStream<Uint8Array> {
	const writer = stream.writable.getWriter();
	// Errors surface on the readable side; these would otherwise be unhandled rejections.
	writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
	writer.close().catch(() => {});
	return stream.readable as ReadableStream<Uint8Array>;
}

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	const r = await collect(pipe(new CompressionStream('deflate-raw'), bytes), Infinity);
	return r as Uint8Array;
}

/** Inflates, stopping as soon as the output passes `maxBytes` (a link must not be a zip bomb). Throws on corrupt input. */
export function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | 'too-large'> {
	return collect(pipe(new DecompressionStream('deflate-raw'), bytes), maxBytes);
}
