import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startBreaker } from '$testing/breakerMachine';
import { BreakerState } from './breakerState';

describe('circuit breaker', () => {
	it('opens on a failure rate, refuses for openS, probes half-open, then closes', () => {
		for (const b of [startBreaker({ minRequests: 4 }), new BreakerState({ minRequests: 4 })]) {
			for (let i = 0; i < 3; i++) b.record(i !== 1, i * 0.1); // 1 of 3 failed, too few anyway
			expect(b.stateName()).toBe('closed');
			b.record(false, 0.4); // 2 of 4 = 0.5 ≥ 0.5
			expect(b.stateName()).toBe('open');
			expect(b.allow(5.3)).toBe(false);
			expect(b.allow(5.4)).toBe(true); // openS = 5 has passed: first probe
			expect(b.stateName()).toBe('half-open');
			expect([b.allow(5.4), b.allow(5.4), b.allow(5.4)]).toEqual([true, true, false]);
			b.record(true, 5.5);
			b.record(true, 5.5);
			expect(b.stateName()).toBe('half-open');
			b.record(true, 5.6);
			expect(b.stateName()).toBe('closed');
		}
	});

	it('a failed probe reopens it', () => {
		const b = startBreaker({ minRequests: 1, failureRate: 0.5 });
		b.record(false, 0);
		expect(b.allow(5)).toBe(true);
		b.record(false, 5.1);
		expect(b.stateName()).toBe('open');
		expect(b.allow(9)).toBe(false);
		expect(b.allow(10.1)).toBe(true);
	});

	it('old failures slide out of the window', () => {
		const b = new BreakerState({ minRequests: 4, windowS: 10 });
		b.record(false, 0);
		b.record(false, 1);
		b.record(false, 2);
		for (let i = 0; i < 4; i++) b.record(true, 15 + i * 0.1); // the failures are > 10 s old
		expect(b.stateName()).toBe('closed');
	});

	it('the fast BreakerState agrees with the machine on random sequences', () => {
		const step = fc.record({
			kind: fc.constantFrom('request', 'ok', 'fail', 'tick'),
			dt: fc.constantFrom(0, 0.01, 0.3, 1, 2.5, 6)
		});
		fc.assert(
			fc.property(
				fc.record({
					failureRate: fc.constantFrom(0.2, 0.5, 0.9),
					windowS: fc.constantFrom(1, 10),
					openS: fc.constantFrom(0.5, 5),
					halfOpenProbes: fc.integer({ min: 1, max: 4 }),
					minRequests: fc.integer({ min: 1, max: 6 }),
					buckets: fc.constantFrom(1, 4, 10)
				}),
				fc.array(step, { maxLength: 120 }),
				(cfg, steps) => {
					const ref = startBreaker(cfg);
					const fast = new BreakerState(cfg);
					let now = 0;
					for (const s of steps) {
						now += s.dt;
						if (s.kind === 'request') expect(fast.allow(now)).toBe(ref.allow(now));
						else if (s.kind === 'tick') {
							fast.tick(now);
							ref.send({ type: 'TICK', now });
						} else {
							fast.record(s.kind === 'ok', now);
							ref.record(s.kind === 'ok', now);
						}
						expect(fast.stateName()).toBe(ref.stateName());
					}
					expect(fast.opens).toBe(ref.context().opens);
					ref.stop();
				}
			),
			{ numRuns: 300 }
		);
	});
});
