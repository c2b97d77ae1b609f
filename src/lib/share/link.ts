// A design as a link: JSON → deflate-raw → base64url in the fragment, behind a version
// prefix (`#d=1.`), so nothing reaches a server. Decoding is strict and never throws:
// each way a link can be wrong gets its own plain message.
import { restoreDesign, type Design, type Meter } from '$lib/model';
import { deflate, fromBase64Url, inflate, toBase64Url } from './bytes';

export const LINK_KEY = 'd';
export const LINK_VERSION = 1;
/** Past this many fragment characters a link stops being practical to paste; offer the file. */
export const MAX_LINK_CHARS = 8 * 1024;
/** Past this, a fragment is not even looked at. */
export const MAX_DECODE_CHARS = 256 * 1024;
export const MAX_INFLATED_BYTES = 5 * 1024 * 1024;

export type DecodeResult = { ok: true; design: Design; warnings: string[] } | { ok: false; error: string };

export type LinkResult =
	| { ok: true; url: string; fragmentChars: number }
	| { ok: false; tooLarge: true; fragmentChars: number; error: string };

const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;

/** The fragment (without '#') that carries `design`. */
export async function encodeDesign(design: Design): Promise<string> {
	const bytes = await deflate(new TextEncoder().encode(JSON.stringify(design)));
	return `${LINK_KEY}=${LINK_VERSION}.${toBase64Url(bytes)}`;
}

/** An absolute link to `design` on the page `base` (its own fragment replaced), or why not. */
export async function shareLink(design: Design, base: string): Promise<LinkResult> {
	const fragment = await encodeDesign(design);
	if (fragment.length > MAX_LINK_CHARS)
		return {
			ok: false,
			tooLarge: true,
			fragmentChars: fragment.length,
			error: `This design is too large for a practical link (${kb(fragment.length)}; links stay under ${kb(MAX_LINK_CHARS)}). Download it as a file and share that instead.`
		};
	const url = new URL(base);
	url.hash = fragment;
	return { ok: true, url: url.href, fragmentChars: fragment.length };
}

/** Whether a fragment is meant to be a design link (so a wrong one deserves a message). */
export function isDesignFragment(fragment: string): boolean {
	return /^#?d=/.test(fragment);
}

/** `meter` (tests) counts restore's steps and records the unpacked size they are linear in. */
export async function decodeDesign(fragment: string, meter: Meter = { steps: 0 }): Promise<DecodeResult> {
	try {
		return await decodeUnsafe(fragment, meter);
	} catch {
		return { ok: false, error: 'This link could not be read. Check that it was copied whole.' };
	}
}

async function decodeUnsafe(fragment: string, meter: Meter): Promise<DecodeResult> {
	const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
	if (f.length > MAX_DECODE_CHARS)
		return { ok: false, error: `This link is far too long to be a design (${kb(f.length)}); it was not opened.` };
	const m = /^d=(\d{1,6})\.(.*)$/s.exec(f);
	if (!m) return { ok: false, error: 'This link does not contain a Loadbearing design.' };
	const version = Number(m[1]);
	if (version > LINK_VERSION)
		return { ok: false, error: `This link was made by a newer Loadbearing (link format ${version}). Update the app to open it.` };
	if (version !== LINK_VERSION) return { ok: false, error: `This link has an unknown format (${version}).` };
	const bytes = fromBase64Url(m[2]);
	if (!bytes || bytes.length === 0)
		return { ok: false, error: 'This link is damaged: it contains characters a design link never has. Check that it was copied whole.' };
	let raw: Uint8Array | 'too-large';
	try {
		raw = await inflate(bytes, MAX_INFLATED_BYTES);
	} catch {
		return { ok: false, error: 'This link is damaged or cut short: the design inside cannot be unpacked. Check that it was copied whole.' };
	}
	if (raw === 'too-large')
		return { ok: false, error: `This link unpacks to more than ${kb(MAX_INFLATED_BYTES)}, far more than any design; it was not opened.` };
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
	} catch {
		return { ok: false, error: 'This link is damaged: the design inside is not readable.' };
	}
	meter.bytes = raw.length;
	const r = restoreDesign(json, meter);
	if (!r.ok) return { ok: false, error: `This link does not hold a usable design: ${r.errors[0]}` };
	return r;
}
