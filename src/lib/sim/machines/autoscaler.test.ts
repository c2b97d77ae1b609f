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

	it('a look that wants fewer during a warm-up trims or cancels the warming instances', () => {
		const a = startAutoscaler({ min: 1, max: 10, initial: 2, targetUtilization: 0.5, warmupS: 30, cooldownS: 5 });
		a.send({ type: 'EVALUATE', now: 10, utilization: 1 });
		expect([a.stateName(), a.instances(), a.target()]).toEqual(['scaling-out', 2, 4]);
		a.send({ type: 'EVALUATE', now: 11, utilization: 0.8 }); // wants 4: still warming to 4
		expect([a.stateName(), a.target()]).toEqual(['scaling-out', 4]);
		a.send({ type: 'EVALUATE', now: 12, utilization: 0.7 }); // wants 3: one fewer warming
		expect([a.stateName(), a.instances(), a.target()]).toEqual(['scaling-out', 2, 3]);
		a.send({ type: 'EVALUATE', now: 13, utilization: 0.2 }); // wants 1: cancel, and scale in
		expect([a.stateName(), a.instances(), a.target()]).toEqual(['scaling-in', 1, 1]);
		a.send({ type: 'TICK', now: 40 }); // the cancelled warm-up's end changes nothing
		expect([a.stateName(), a.instances()]).toEqual(['steady', 1]);
	});

	it('a look landing as the hold ends acts at once (one hold, not two)', () => {
		const a = startAutoscaler({ min: 1, max: 10, initial: 8, targetUtilization: 0.5, warmupS: 0, cooldownS: 10 });
		a.send({ type: 'EVALUATE', now: 10, utilization: 0.25 });
		expect([a.stateName(), a.instances()]).toEqual(['scaling-in', 4]);
		a.send({ type: 'EVALUATE', now: 15, utilization: 0.25 }); // inside the hold: waits
		expect(a.instances()).toBe(4);
		a.send({ type: 'EVALUATE', now: 20, utilization: 0.25 }); // the hold is over: 4 → 2
		expect([a.stateName(), a.instances()]).toEqual(['scaling-in', 2]);
		a.send({ type: 'EVALUATE', now: 30, utilization: 0.25 });
		expect(a.instances()).toBe(1);
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
