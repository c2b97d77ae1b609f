import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeDesign, encodeDesign, isDesignFragment, shareLink, MAX_LINK_CHARS } from './link';
import { deflate, toBase64Url } from './bytes';
import { sampleDesign, validDesign } from '$testing/designs';

const pack = async (text: string) => `d=1.${toBase64Url(await deflate(new TextEncoder().encode(text)))}`;
const errorOf = async (f: string) => {
	const r = await decodeDesign(f);
	expect(r.ok).toBe(false);
	return r.ok ? '' : r.error;
};

describe('share link', () => {
	it('round-trips a design with its scenario and seed', async () => {
		const d = sampleDesign();
		const r = await shareLink(d, 'https://example.org/app/?x=1#old');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.url).toMatch(/^https:\/\/example\.org\/app\/\?x=1#d=1\.[A-Za-z0-9_-]+$/);
		const back = await decodeDesign(new URL(r.url).hash);
		expect(back.ok && back.design.scenario?.seed).toBe(7);
		expect(back.ok && JSON.stringify(back.design)).toBe(JSON.stringify(d));
	});

	it('encode then decode is the identity on any valid design', async () => {
		await fc.assert(
			fc.asyncProperty(validDesign, async (d) => {
				const back = await decodeDesign(await encodeDesign(d));
				expect(back.ok).toBe(true);
				if (back.ok) expect(JSON.stringify(back.design)).toBe(JSON.stringify(d));
			}),
			{ numRuns: 150 }
		);
	});

	it('never throws on arbitrary fragments', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string({ unit: 'binary' }),
					fc.string().map((s) => `d=1.${s}`),
					fc.base64String().map((s) => `#d=1.${s.replace(/=/g, '')}`),
					fc.uint8Array({ maxLength: 200 }).map((b) => `d=1.${toBase64Url(b)}`)
				),
				async (f) => {
					const r = await decodeDesign(f);
					expect(typeof r.ok).toBe('boolean');
				}
			),
			{ numRuns: 300 }
		);
	});

	it('says what is wrong with each bad link', async () => {
		const good = await encodeDesign(sampleDesign());
		expect(await errorOf('#hello')).toMatch(/does not contain a Loadbearing design/);
		expect(await errorOf('d=2.abc')).toMatch(/newer Loadbearing/);
		expect(await errorOf('d=1.%%%')).toMatch(/characters/);
		expect(await errorOf(good.slice(0, good.length - 12))).toMatch(/cut short/);
		// Tampered: one character changed in the middle.
		const mid = Math.floor(good.length / 2);
		const tampered = good.slice(0, mid) + (good[mid] === 'A' ? 'B' : 'A') + good.slice(mid + 1);
		const t = await decodeDesign(tampered);
		if (!t.ok) expect(t.error).toMatch(/damaged|usable/);
		expect(await errorOf(`d=1.${'A'.repeat(300_000)}`)).toMatch(/far too long/);
		expect(await errorOf(await pack('not json'))).toMatch(/not readable/);
		expect(await errorOf(await pack('{"hello":1}'))).toMatch(/not a Loadbearing design/);
		expect(await errorOf(await pack(JSON.stringify({ ...sampleDesign(), version: 9 })))).toMatch(/newer Loadbearing/);
	});

	it('refuses a link that inflates past the cap (a 10 MB label)', async () => {
		const big = { ...sampleDesign(), name: 'x'.repeat(10 * 1024 * 1024) };
		const f = await encodeDesign(big);
		expect(f.length).toBeLessThan(64 * 1024);
		expect(await errorOf(f)).toMatch(/more than 5120 KB/);
	});

	it('keeps hostile strings as inert text and ignores __proto__', async () => {
		const raw = `{"format":"loadbearing/design","version":1,"id":"h","name":"<script>alert(1)</script>","__proto__":{"polluted":true},"nodes":[],"edges":[]}`;
		const r = await decodeDesign(await pack(raw));
		expect(r.ok && r.design.name).toBe('<script>alert(1)</script>');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('says a design is too large for a link', async () => {
		const d = sampleDesign();
		// Incompressible labels: random-ish text grows the fragment past the limit.
		let s = 1;
		const noise = () => Array.from({ length: 180 }, () => String.fromCharCode(33 + ((s = (s * 48271) % 2147483647) % 90))).join('');
		d.nodes = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, kind: 'service', label: noise(), position: { x: i, y: i }, params: {} }));
		const r = await shareLink(d, 'https://example.org/');
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.fragmentChars).toBeGreaterThan(MAX_LINK_CHARS);
			expect(r.error).toMatch(/too large for a practical link/);
		}
	});

	it('recognises design fragments', () => {
		expect(isDesignFragment('#d=1.abc')).toBe(true);
		expect(isDesignFragment('#section')).toBe(false);
	});
});
