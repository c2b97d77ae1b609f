import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RetryBudget } from './retryBudget';

describe('retry budget (token bucket)', () => {
	// A bucket must hold one token to spend one: burst 0 admits nothing (tested by construction).
	it('admits at most burst + rate·T over T, and exactly that when asked more often than it refills', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true }), fc.integer({ min: 1, max: 30 }), (burst, rate, T) => {
				const b = new RetryBudget(burst, rate, 0);
				let ok = 0;
				// Asked 100 times a second, far above the refill rate.
				for (let i = 0; i <= T * 100; i++) if (b.take(i / 100)) ok++;
				expect(ok).toBeLessThanOrEqual(burst + rate * T + 1e-9);
				expect(ok).toBeGreaterThanOrEqual(Math.floor(burst + rate * T) - 1);
			})
		);
	});
	it('successes refill it: retries ≤ perSuccess × successes + burst with no time refill', () => {
		const b = new RetryBudget(5, 0, 0.1);
		let ok = 0;
		for (let i = 0; i < 1000; i++) {
			b.success();
			if (b.take(i)) ok++;
		}
		expect(ok).toBeGreaterThanOrEqual(100);
		expect(ok).toBeLessThanOrEqual(105);
	});
});
