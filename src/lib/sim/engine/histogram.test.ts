// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Histogram, bucketOf, bucketValue } from './histogram';

describe('Histogram', () => {
	it('answers every value within 1% relative error', () => {
		fc.assert(
			fc.property(fc.double({ min: 1e-4, max: 2.5e8, noNaN: true }), (v) => {
				expect(Math.abs(bucketValue(bucketOf(v)) / v - 1)).toBeLessThan(0.01);
			})
		);
	});

	it('percentiles are within 1% of the exact sample quantile', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0.001, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 500 }), (xs) => {
				const h = new Histogram();
				xs.forEach((x) => h.add(x));
				const sorted = [...xs].sort((a, b) => a - b);
				for (const q of [0.5, 0.95, 0.99]) {
					const exact = sorted[Math.max(0, Math.ceil(q * xs.length) - 1)];
					expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThan(0.01);
				}
				expect(h.stat().max).toBe(sorted[sorted.length - 1]);
			})
		);
	});

	it('stat gives the same percentiles as quantile', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1e5, noNaN: true })), { minLength: 1, maxLength: 300 }), (xs) => {
				const h = new Histogram();
				xs.forEach((x) => h.add(x));
				const st = h.stat();
				expect([st.p50, st.p95, st.p99]).toEqual([h.quantile(0.5), h.quantile(0.95), h.quantile(0.99)]);
			})
		);
	});

	it('reset empties it', () => {
		const h = new Histogram();
		h.add(5);
		h.reset();
		expect(h.stat()).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
	});
});
