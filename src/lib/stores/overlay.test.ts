import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trafficWidth } from './overlay.svelte';

describe('trafficWidth', () => {
	it('grows with traffic, from 1.5 to 7.5 px, in half pixels', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (a, b, max) => {
				const [lo, hi] = a <= b ? [a, b] : [b, a];
				const w = trafficWidth(hi, max);
				expect(trafficWidth(lo, max)).toBeLessThanOrEqual(w);
				expect(w).toBeGreaterThanOrEqual(1.5);
				expect(w).toBeLessThanOrEqual(7.5);
				expect(Number.isInteger(w * 2)).toBe(true);
			})
		);
	});
	it('leaves most edges as they are when the busiest edge moves by noise', () => {
		// 300 edges spread over the range; the maximum moves by 2 %.
		const rps = Array.from({ length: 300 }, (_, i) => (i + 1) * 10);
		const changed = rps.filter((r) => trafficWidth(r, 3000) !== trafficWidth(r, 3060)).length;
		expect(changed).toBeLessThan(300 * 0.2);
		expect(trafficWidth(3000, 3000)).toBe(7.5);
		expect(trafficWidth(0, 3000)).toBe(1.5);
	});
});
