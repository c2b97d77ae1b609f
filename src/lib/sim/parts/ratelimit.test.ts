import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RateLimiter, type RateAlgorithm } from './ratelimit';
import { Rng } from '../engine/rng';

const ALL: RateAlgorithm[] = [
	'token-bucket',
	'leaky-bucket',
	'fixed-window',
	'sliding-window-log',
	'sliding-window-counter'
];

/** Admitted count for Poisson arrivals at `rps` over `seconds`. */
function admittedPoisson(l: RateLimiter, rps: number, seconds: number, seed: number, unit = 1): number {
	const rng = new Rng(seed);
	let t = 0;
	let admitted = 0;
	for (;;) {
		t += rng.exponential(1 / rps);
		if (t >= seconds) return admitted;
		if (l.allow(t * unit)) admitted++;
	}
}

describe('RateLimiter', () => {
	for (const algorithm of ALL) {
		it(`${algorithm}: long-run admitted rate tends to the limit under overload`, () => {
			const l = new RateLimiter({ algorithm, limitRps: 100, burst: 20 });
			const rate = admittedPoisson(l, 400, 300, 11) / 300;
			// Over 300 s a burst of 20 adds < 0.1 rps; the counter's estimate runs a little under.
			expect(rate).toBeGreaterThan(96);
			expect(rate).toBeLessThan(100.2);
		});

		it(`${algorithm}: admits everything well under the limit (evenly spaced)`, () => {
			const l = new RateLimiter({ algorithm, limitRps: 100, burst: 5, unitsPerSecond: 1000 });
			let refused = 0;
			for (let i = 0; i < 5000; i++) if (!l.allow(i * 20)) refused++; // 50 rps in ms
			expect(refused).toBe(0);
		});
	}

	it('fixed window admits up to 2× the limit across a window boundary', () => {
		const l = new RateLimiter({ algorithm: 'fixed-window', limitRps: 50 });
		let admitted = 0;
		for (let i = 0; i < 100; i++) if (l.allow(0.999)) admitted++;
		for (let i = 0; i < 100; i++) if (l.allow(1.0)) admitted++;
		expect(admitted).toBe(100); // 2 × 50 within one millisecond
	});

	it('sliding window counter damps the boundary burst', () => {
		const l = new RateLimiter({ algorithm: 'sliding-window-counter', limitRps: 50 });
		let admitted = 0;
		for (let i = 0; i < 100; i++) if (l.allow(0.999)) admitted++;
		for (let i = 0; i < 100; i++) if (l.allow(1.0)) admitted++;
		expect(admitted).toBe(50);
	});

	it('token and leaky buckets admit a burst back to back, then the rate', () => {
		for (const algorithm of ['token-bucket', 'leaky-bucket'] as const) {
			const l = new RateLimiter({ algorithm, limitRps: 10, burst: 7 });
			let first = 0;
			for (let i = 0; i < 20; i++) if (l.allow(5)) first++;
			expect(first).toBe(7);
			let next = 0;
			for (let i = 0; i < 20; i++) if (l.allow(5.5)) next++;
			expect(next).toBe(5); // 0.5 s refills 5
		}
	});

	it('the sliding log never admits more than the limit in any window', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 20 }),
				fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 400 }),
				(limit, gaps) => {
					const l = new RateLimiter({ algorithm: 'sliding-window-log', limitRps: limit, unitsPerSecond: 100 });
					const times: number[] = [];
					let t = 0;
					for (const g of gaps) {
						t += g % 7 === 0 ? 0 : g / 10; // clusters of simultaneous arrivals
						if (l.allow(t)) times.push(t);
					}
					// Any window (x − 100, x] holds the most admissions when x is an admission time.
					let lo = 0;
					for (let hi = 0; hi < times.length; hi++) {
						while (times[lo] <= times[hi] - 100) lo++;
						expect(hi - lo + 1).toBeLessThanOrEqual(limit);
					}
				}
			),
			{ numRuns: 200 }
		);
	});

	it('leaky bucket (meter) and token bucket agree request by request', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 8 }),
				fc.array(fc.integer({ min: 0, max: 16 }), { maxLength: 300 }),
				(burst, gaps) => {
					// Rates and times in powers of two keep both computations exact.
					const tb = new RateLimiter({ algorithm: 'token-bucket', limitRps: 4, burst });
					const lb = new RateLimiter({ algorithm: 'leaky-bucket', limitRps: 4, burst });
					let t = 0;
					for (const g of gaps) {
						t += g / 16;
						expect(lb.allow(t)).toBe(tb.allow(t));
					}
				}
			)
		);
	});

	it('per-key scope limits each key separately and forgets the stalest key past maxKeys', () => {
		const l = new RateLimiter({ algorithm: 'fixed-window', limitRps: 2, scope: 'per-key', maxKeys: 2 });
		expect([l.allow(0, 1), l.allow(0, 1), l.allow(0, 1)]).toEqual([true, true, false]);
		expect([l.allow(0, 2), l.allow(0, 2), l.allow(0, 2)]).toEqual([true, true, false]);
		l.allow(0.1, 3); // evicts key 1, the least recently seen
		expect(l.allow(0.2, 1)).toBe(true); // key 1 starts afresh: lenient past the bound
		const g = new RateLimiter({ algorithm: 'fixed-window', limitRps: 2 });
		expect([g.allow(0, 1), g.allow(0, 2), g.allow(0, 3)]).toEqual([true, true, false]);
	});

	it('limits below 1 rps widen the window instead of refusing everything', () => {
		const l = new RateLimiter({ algorithm: 'fixed-window', limitRps: 0.25 });
		expect(l.window).toBe(4);
		let admitted = 0;
		for (let t = 0; t < 400; t += 0.5) if (l.allow(t)) admitted++;
		expect(admitted).toBe(100);
	});
});
