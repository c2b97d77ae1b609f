import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addEvent, clampTime, describeEvent, newEvent, removeEvent, updateEvent, type EventContext } from './events';
import { SCENARIO_ACTIONS, type ScenarioEvent } from '../../model/types';

const ctx: EventContext = {
	nodes: [
		{ id: 'c', kind: 'client' },
		{ id: 'web', kind: 'service', label: 'Web' },
		{ id: 'db', kind: 'database', label: 'Primary DB' },
		{ id: 'rc', kind: 'cache' }
	],
	regions: [
		{ id: 'us', name: 'US' },
		{ id: 'eu', name: 'EU' }
	]
};

describe('timeline events', () => {
	it('new events get a sensible target: the selection, else the database; never a client', () => {
		expect(newEvent('fail', 3, ctx).target).toBe('db');
		expect(newEvent('fail', 3, { ...ctx, selectedId: 'web' }).target).toBe('web');
		expect(newEvent('fail', 3, { ...ctx, selectedId: 'c' }).target).toBe('db');
		expect(newEvent('flush', 3, ctx).target).toBe('rc');
		expect(newEvent('partition', 3, ctx).regions).toEqual(['us', 'eu']);
		expect(newEvent('spike', 3, ctx)).toMatchObject({ factor: 3, durationS: 10 });
	});
	it('keeps the list in time order through any edits', () => {
		const ev = fc.record({ atS: fc.integer({ min: 0, max: 100 }), action: fc.constantFrom(...SCENARIO_ACTIONS) }) as fc.Arbitrary<ScenarioEvent>;
		fc.assert(
			fc.property(fc.array(ev, { maxLength: 10 }), fc.nat(), fc.integer({ min: 0, max: 100 }), (evs, k, t) => {
				let list: ScenarioEvent[] = [];
				for (const e of evs) list = addEvent(list, e);
				const sorted = (l: ScenarioEvent[]) => l.every((e, i) => i === 0 || l[i - 1].atS <= e.atS);
				expect(sorted(list)).toBe(true);
				if (list.length) {
					const moved = updateEvent(list, k % list.length, { atS: t });
					expect(sorted(moved)).toBe(true);
					expect(moved).toHaveLength(list.length);
					expect(removeEvent(list, k % list.length)).toHaveLength(list.length - 1);
				}
			})
		);
	});
	it('clamps times onto the run and to a tenth of a second', () => {
		expect(clampTime(-3, 60)).toBe(0);
		expect(clampTime(75, 60)).toBe(60);
		expect(clampTime(12.345, 60)).toBe(12.3);
		expect(clampTime(NaN, 60)).toBe(0);
	});
	it('describes events by the names people gave', () => {
		expect(describeEvent({ atS: 30, action: 'fail', target: 'db' }, ctx)).toBe('30 s: fail Primary DB');
		expect(describeEvent({ atS: 5, action: 'partition', regions: ['us', 'eu'] }, ctx)).toBe('5 s: partition US | EU');
		expect(describeEvent({ atS: 5, action: 'spike', factor: 3, durationS: 10 }, ctx)).toBe('5 s: traffic ×3 for 10 s');
	});
});
