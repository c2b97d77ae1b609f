// The link decoder against generated hostile links (FUZZ_RUNS cases, 10,000 by default):
// random fragments, damaged real links, and well-packed links around hostile documents.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeDesign, encodeDesign, MAX_INFLATED_BYTES } from './link';
import { deflate, toBase64Url } from './bytes';
import type { Meter } from '$lib/model';
import { FUZZ_RUNS, hostileDocument, restoredProblems } from '$lib/testing/hostile';

const pack = async (text: string) => `d=1.${toBase64Url(await deflate(new TextEncoder().encode(text)))}`;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A fragment: hostile JSON packed properly, a packed design cut or flipped, or noise behind the prefix. */
const fragment = fc.oneof(
	{ weight: 6, arbitrary: hostileDocument.map((d) => ({ json: JSON.stringify(d) })) },
	{ weight: 1, arbitrary: fc.tuple(hostileDocument, fc.nat(), fc.nat()).map(([d, cut, flip]) => ({ json: JSON.stringify(d), cut, flip })) },
	{ weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...B64), maxLength: 200 }).map((s) => ({ raw: `d=1.${s}` })) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((s) => ({ raw: s })) }
);

describe('link decoder under fuzzing', () => {
	it(`never throws, stays linear in the unpacked size, and opens only sound designs (${FUZZ_RUNS} links)`, async () => {
		let opened = 0;
		await fc.assert(
			fc.asyncProperty(fragment, async (f) => {
				let text = 'raw' in f ? f.raw : await pack(f.json!);
				if ('cut' in f) {
					const at = 4 + (f.cut! % Math.max(1, text.length - 4));
					text = f.flip! % 2 ? text.slice(0, at) : text.slice(0, at) + B64[f.flip! % 64] + text.slice(at + 1);
				}
				const meter: Meter = { steps: 0 };
				const r = await decodeDesign(text, meter);
				expect(meter.bytes ?? 0).toBeLessThanOrEqual(MAX_INFLATED_BYTES);
				expect(meter.steps).toBeLessThanOrEqual(2 * (meter.bytes ?? 0) + 64);
				if (!r.ok) {
					expect(r.error).toMatch(/\.$/);
					return;
				}
				opened++;
				expect(restoredProblems(r.design)).toEqual([]);
				// What opened can be shared again and opens to the same design.
				const again = await decodeDesign(await encodeDesign(r.design));
				expect(again.ok && JSON.stringify(again.design)).toBe(JSON.stringify(r.design));
			}),
			{ numRuns: FUZZ_RUNS }
		);
		if (FUZZ_RUNS >= 1000) expect(opened).toBeGreaterThan(FUZZ_RUNS * 0.5);
	}, 900_000);

	it('a 466-character link of 2,000 edges sharing one id opens in linear steps', async () => {
		const nodes = [{ id: 'a', kind: 'client', params: {} }, { id: 'b', kind: 'service', params: {} }];
		const edges = Array.from({ length: 2000 }, () => ({ id: 'e', source: 'a', target: 'b', params: {} }));
		const link = await pack(JSON.stringify({ format: 'loadbearing/design', version: 1, id: 'd', name: 'n', nodes, edges }));
		expect(link.length).toBeLessThan(1000);
		const meter: Meter = { steps: 0 };
		const r = await decodeDesign(link, meter);
		expect(r.ok && r.design.edges.length).toBe(2000);
		expect(meter.steps).toBeLessThan(6 * 2000 + 100);
	});

	it('a 5,000-deep value in a short link opens with the nesting cut, and can be shared again', async () => {
		// Written as text: JSON.stringify itself cannot nest this deep.
		const nest = (open: string, close: string) => open.repeat(5000) + '1' + close.repeat(5000);
		const text = `{"format":"loadbearing/design","version":1,"id":"d","name":"n","nodes":[{"id":"a","kind":"client","params":{"note":${nest('[', ']')}}}],"edges":[],"deep":${nest('{"__proto__":', '}')}}`;
		const link = await pack(text);
		expect(link.length).toBeLessThan(1000);
		const r = await decodeDesign(link);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(restoredProblems(r.design)).toEqual([]);
		expect((await encodeDesign(r.design)).startsWith('d=1.')).toBe(true);
	});
});
