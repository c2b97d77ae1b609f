// restoreDesign against generated hostile documents (FUZZ_RUNS cases, 10,000 by default).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { restoreDesign, type Meter } from './index';
import { FUZZ_RUNS, hostileDocument, restoredProblems } from '$lib/testing/hostile';

/** Restore's steps per character of the JSON it read: a constant bound is linear time. */
const STEPS_PER_CHAR = 2;

function jsonSize(v: unknown): number {
	return JSON.stringify(v)?.length ?? 1;
}

describe('restoreDesign under fuzzing', () => {
	it(`never throws, stays linear, and gives back a sound design that restores to itself (${FUZZ_RUNS} documents)`, () => {
		let restored = 0;
		fc.assert(
			fc.property(hostileDocument, fc.boolean(), (doc, viaJson) => {
				// Half as a link or file would deliver it (JSON text), half as IndexedDB would (NaN, Infinity, undefined kept).
				const input = viaJson ? JSON.parse(JSON.stringify(doc)) : doc;
				const meter: Meter = { steps: 0 };
				const r = restoreDesign(input, meter);
				expect(meter.steps).toBeLessThanOrEqual(STEPS_PER_CHAR * jsonSize(input) + 64);
				expect(({} as Record<string, unknown>).polluted).toBeUndefined();
				if (!r.ok) return;
				restored++;
				expect(restoredProblems(r.design)).toEqual([]);
				const again = restoreDesign(JSON.parse(JSON.stringify(r.design)));
				expect(again.ok && again.warnings).toEqual([]);
				expect(again.ok && JSON.stringify(again.design)).toBe(JSON.stringify(r.design));
			}),
			{ numRuns: FUZZ_RUNS }
		);
		// The generator must mostly reach the interesting part, not bounce off the format check.
		if (FUZZ_RUNS >= 1000) expect(restored).toBeGreaterThan(FUZZ_RUNS * 0.7);
	}, 900_000);

	it('renames 4,000 edges sharing one id in linear steps, to short ids, the same way twice', () => {
		for (const id of ['e', 'x'.repeat(100)]) {
			const doc = {
				format: 'loadbearing/design',
				version: 1,
				id: 'd',
				name: 'n',
				nodes: [{ id: 'a', kind: 'client', params: {} }, { id: 'b', kind: 'service', params: {} }],
				edges: Array.from({ length: 4000 }, () => ({ id, source: 'a', target: 'b', params: {} }))
			};
			const meter = { steps: 0 };
			const r = restoreDesign(doc, meter);
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			expect(meter.steps).toBeLessThan(5 * 4000 + 100);
			expect(new Set(r.design.edges.map((e) => e.id)).size).toBe(4000);
			expect(Math.max(...r.design.edges.map((e) => e.id.length))).toBeLessThanOrEqual(100);
			const again = restoreDesign(JSON.parse(JSON.stringify(r.design)));
			expect(again.ok && again.design.edges.map((e) => e.id)).toEqual(r.design.edges.map((e) => e.id));
		}
	});
});
