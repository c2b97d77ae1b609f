// @vitest-environment node
// The public API: checkDesign's reasons, DesignError, the examples, cost, frames.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDesign, createSimulation, DesignError, simulate } from './index';
import { restoreDesign } from '../model/restore';
import { SCENARIO_ACTIONS, NODE_KINDS, type Design } from '../model/types';
import { design, edge, group, node, readClient } from '$testing/testkit';

describe('checkDesign', () => {
	it('accepts a runnable design', () => {
		expect(checkDesign(design([node('c', 'client', readClient(10)), node('s', 'service')], [edge('c', 's')]))).toEqual([]);
	});
	it('says there is no client', () => {
		expect(checkDesign(design([node('s', 'service')], []))[0]).toMatch(/no client/);
	});
	it('names an edge to nowhere', () => {
		const r = checkDesign(design([node('c', 'client')], [edge('c', 'ghost')]));
		expect(r.join()).toMatch(/"ghost", which is not a node/);
	});
	it('names a cycle of synchronous calls', () => {
		const r = checkDesign(design([node('c', 'client'), node('a', 'service'), node('b', 'service')], [edge('c', 'a'), edge('a', 'b'), edge('b', 'a')]));
		expect(r.join()).toMatch(/cycle: a → b → a/);
	});
	it('allows a loop through a queue (asynchronous)', () => {
		const d = design([node('c', 'client'), node('a', 'service'), node('q', 'queue'), node('w', 'worker')], [edge('c', 'a'), edge('a', 'q'), edge('q', 'w'), edge('w', 'q')]);
		expect(checkDesign(d)).toEqual([]);
	});
	it('names an unknown kind and a bad field', () => {
		const d = design([node('c', 'client', { rps: NaN }), { ...node('x', 'service'), kind: 'mainframe' as never }], []);
		const r = checkDesign(d).join('\n');
		expect(r).toMatch(/unknown kind "mainframe"/);
		expect(r).toMatch(/params\.rps/);
	});
	it('never throws on garbage', () => {
		for (const g of [null, 1, 'x', {}, { nodes: 3 }, { nodes: [null, {}] }, { nodes: [], edges: [1] }])
			expect(() => checkDesign(g as unknown as Design)).not.toThrow();
	});
	it('simulate refuses with a DesignError carrying the reasons', () => {
		try {
			simulate(design([node('s', 'service')], []));
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(DesignError);
			expect((e as DesignError).reasons[0]).toMatch(/no client/);
		}
	});
	it('refuses NaN or negative run lengths', () => {
		const d = design([node('c', 'client'), node('s', 'service')], [edge('c', 's')]);
		expect(() => simulate(d, { durationS: NaN })).toThrow(DesignError);
		expect(() => simulate(d, { durationS: -1 })).toThrow(DesignError);
		expect(() => simulate(d, { durationS: 10, warmupS: 20 })).toThrow(DesignError);
	});
});

describe('results', () => {
	it('cost is instances × hourly price × 730, with the design’s prices first', () => {
		const d = design([node('c', 'client', readClient(1)), node('s', 'service', group(3, 1, 1)), node('db', 'database', { shards: 2, instances: 2 })], [edge('c', 's'), edge('s', 'db')], { durationS: 2 });
		expect(simulate(d).global.costPerMonth).toBeCloseTo((3 * 0.1 + 4 * 0.5) * 730, 2);
		expect(simulate({ ...d, prices: { service: 1 } }).global.costPerMonth).toBeCloseTo((3 * 1 + 4 * 0.5) * 730, 2);
	});
	it('streams one frame per simulated second, and the last ends at durationS', () => {
		const d = design([node('c', 'client', readClient(50)), node('s', 'service')], [edge('c', 's')], { durationS: 5.5 });
		const sim = createSimulation(d);
		const fs = sim.advance(100);
		expect(fs.map((f) => f.t)).toEqual([1, 2, 3, 4, 5, 5.5]);
		expect(sim.timeS).toBe(5.5);
	});
	it('warm-up is left out of whole-run figures', () => {
		const d = design([node('c', 'client', readClient(100, { arrival: 'uniform' })), node('s', 'service')], [edge('c', 's')], { durationS: 10, warmupS: 4 });
		const r = simulate(d);
		expect(r.global.arrived).toBeGreaterThanOrEqual(599);
		expect(r.global.arrived).toBeLessThanOrEqual(601);
		expect(r.global.offeredRps).toBeCloseTo(100, 0);
	});
});

describe('examples', () => {
	const dir = join(__dirname, '..', '..', '..', 'examples');
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	const kinds = new Set<string>(), actions = new Set<string>();
	for (const f of files) {
		it(`${f} runs`, () => {
			const r = restoreDesign(JSON.parse(readFileSync(join(dir, f), 'utf8')));
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			expect(r.warnings).toEqual([]);
			expect(checkDesign(r.design)).toEqual([]);
			r.design.nodes.forEach((n) => kinds.add(n.kind));
			r.design.scenario?.events.forEach((e) => actions.add(e.action));
			const d = Math.min(r.design.scenario?.durationS ?? 60, 20);
			const res = simulate(r.design, { durationS: d, warmupS: Math.min(r.design.scenario?.warmupS ?? 0, d / 2) });
			expect(res.global.arrived).toBeGreaterThan(0);
			expect(res.global.completed).toBeGreaterThan(0);
		});
	}
	it('cover every kind and every scenario event', () => {
		for (const f of files) {
			const r = restoreDesign(JSON.parse(readFileSync(join(dir, f), 'utf8')));
			if (r.ok) {
				r.design.nodes.forEach((n) => kinds.add(n.kind));
				r.design.scenario?.events.forEach((e) => actions.add(e.action));
			}
		}
		expect([...NODE_KINDS].filter((k) => !kinds.has(k))).toEqual([]);
		expect([...SCENARIO_ACTIONS].filter((a) => !actions.has(a))).toEqual([]);
	});
});
