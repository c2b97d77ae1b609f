import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startAutoscaler } from './autoscaler';

describe('autoscaler lifecycle', () => {
	it('scales out on high utilization, serves after warm-up, scales in when idle', () => {
		const a = startAutoscaler({ min: 2, max: 10, initial: 2, targetUtilization: 0.6, warmupS: 30, cooldownS: 20 });
		a.send({ type: 'EVALUATE', now: 10, utilization: 0.63 }); // within the ±10% band
		expect(a.stateName()).toBe('steady');
		a.send({ type: 'EVALUATE', now: 20, utilization: 0.9 });
		expect([a.stateName(), a.instances(), a.target()]).toEqual(['scaling-out', 2, 3]);
		a.send({ type: 'EVALUATE', now: 30, utilization: 1 }); // not re-planned while warming
		expect(a.target()).toBe(3);
		a.send({ type: 'TICK', now: 50 });
		expect([a.stateName(), a.instances()]).toEqual(['steady', 3]);
		a.send({ type: 'EVALUATE', now: 60, utilization: 0.1 });
		expect([a.stateName(), a.instances()]).toEqual(['scaling-in', 2]); // clamped at min
		a.send({ type: 'EVALUATE', now: 70, utilization: 0.1 });
		expect(a.stateName()).toBe('scaling-in');
		a.send({ type: 'TICK', now: 80 });
		expect(a.stateName()).toBe('steady');
	});

	it('tracks backlog per worker and respects max', () => {
		const a = startAutoscaler({ min: 1, max: 8, initial: 1, targetBacklogPerWorker: 100, warmupS: 0 });
		a.send({ type: 'EVALUATE', now: 0, backlog: 450 });
		expect([a.stateName(), a.instances()]).toEqual(['steady', 5]); // warm-up 0: at once
		a.send({ type: 'EVALUATE', now: 10, backlog: 100_000 });
		expect(a.instances()).toBe(8);
	});

	it('always stays within [min, max] and never serves more than it pays for', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 5 }),
				fc.integer({ min: 0, max: 20 }),
				fc.array(fc.record({ dt: fc.integer({ min: 0, max: 40 }), u: fc.double({ min: 0, max: 3, noNaN: true }) })),
				(min, span, evals) => {
					const a = startAutoscaler({ min, max: min + span, initial: min, warmupS: 15, cooldownS: 10 });
					let now = 0;
					for (const e of evals) {
						now += e.dt;
						a.send({ type: 'EVALUATE', now, utilization: e.u });
						expect(a.instances()).toBeGreaterThanOrEqual(min);
						expect(a.target()).toBeLessThanOrEqual(min + span);
						expect(a.instances()).toBeLessThanOrEqual(a.target());
					}
				}
			)
		);
	});
});
