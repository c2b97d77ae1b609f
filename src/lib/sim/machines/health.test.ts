import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { healthMachine, startHealth } from './health';

describe('health lifecycle', () => {
	it('goes healthy → degraded → down → recovering → healthy on simulated time', () => {
		const h = startHealth(10);
		expect(h.stateName()).toBe('healthy');
		h.send({ type: 'SLOW', now: 5, factor: 3 });
		expect([h.stateName(), h.factor(), h.isUp()]).toEqual(['degraded', 3, true]);
		h.send({ type: 'FAIL', now: 6 });
		expect([h.stateName(), h.factor(), h.isUp()]).toEqual(['down', 1, false]);
		h.send({ type: 'TICK', now: 100 });
		expect(h.stateName()).toBe('down'); // only RECOVER brings it back
		h.send({ type: 'RECOVER', now: 100 });
		expect([h.stateName(), h.isUp()]).toEqual(['recovering', true]);
		h.send({ type: 'TICK', now: 109.9 });
		expect(h.stateName()).toBe('recovering');
		h.send({ type: 'TICK', now: 110 });
		expect(h.stateName()).toBe('healthy');
	});

	it('recovers at once when recoverS is 0, and RESTORE ends a slowdown', () => {
		const actor = createActor(healthMachine, { input: {} }).start();
		actor.send({ type: 'FAIL', now: 1 });
		actor.send({ type: 'RECOVER', now: 2 });
		expect(actor.getSnapshot().value).toBe('healthy');
		actor.send({ type: 'SLOW', now: 3, factor: 2 });
		actor.send({ type: 'RESTORE', now: 4 });
		expect(actor.getSnapshot().value).toBe('healthy');
		expect(actor.getSnapshot().context.factor).toBe(1);
	});

	it('a failure while recovering sends it back down', () => {
		const h = startHealth(30);
		h.send({ type: 'FAIL', now: 0 });
		h.send({ type: 'RECOVER', now: 10 });
		h.send({ type: 'FAIL', now: 20 });
		h.send({ type: 'TICK', now: 50 });
		expect(h.stateName()).toBe('down');
	});
});
