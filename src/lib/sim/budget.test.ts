// @vitest-environment node
// Each design that used to hang, exhaust memory or crash the simulator, at its smallest.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { checkDesign } from './check';
import { BudgetError, callsPerRequest } from './budget';
import { sampleFactor } from './scale';
import type { Design, DesignEdge, DesignNode, NodeKind, Params, ScenarioEvent } from '../model/types';

const node = (id: string, kind: NodeKind, params: Params = {}): DesignNode => ({ id, kind, position: { x: 0, y: 0 }, params });
const edge = (source: string, target: string, params: Params = {}): DesignEdge => ({ id: `${source}>${target}`, source, target, params });
const design = (nodes: DesignNode[], edges: DesignEdge[], events: ScenarioEvent[] = [], durationS = 5): Design => ({
	format: 'loadbearing/design',
	version: 1,
	id: 'b',
	name: 'b',
	nodes,
	edges,
	scenario: { durationS, warmupS: 0, seed: 1, events }
});
const refusal = (d: Design, opts = {}) => {
	try {
		simulate(d, opts);
	} catch (e) {
		expect(e).toBeInstanceOf(BudgetError);
		return (e as BudgetError).reasons[0];
	}
	throw new Error('the run was not refused');
};

describe('simulator budgets', () => {
	it('cache and CDN capacity past what a run can hold is a validation message', () => {
		for (const kind of ['cache', 'cdn'] as const) {
			const d = design([node('c', 'client'), node('x', kind, { capacity: 2 ** 30 })], [edge('c', 'x')]);
			expect(checkDesign(d).join()).toMatch(/Capacity must be at most 1e\+7/);
		}
	});

	it('three caches of ten million keys are refused for memory, naming the capacity to lower', () => {
		const caches = ['a', 'b', 'd'].map((id) => node(id, 'cache', { capacity: 1e7 }));
		const d = design([node('c', 'client'), node('s', 'service'), ...caches], [edge('c', 's'), ...caches.map((n) => edge('s', n.id))]);
		expect(refusal(d)).toMatch(/needs about 1\.\d GB of memory .*lower the capacity of "\w"\./);
	});

	it('a database of 10,000 instances × 10,000 shards is refused before anything is allocated', () => {
		const d = design([node('c', 'client'), node('db', 'database', { instances: 10_000, shards: 10_000 })], [edge('c', 'db')]);
		expect(refusal(d)).toMatch(/GB of memory .*lower the instances × shards of "db"/);
	});

	it('failure times below a millisecond are a validation message; fast failures on 100 instances run within budget', () => {
		const fast = (mtbfS: number) =>
			design([node('c', 'client'), node('s', 'service', { instances: 100, failures: { enabled: true, mtbfS, mttrS: 0.001 } })], [edge('c', 's')], [], 2);
		expect(checkDesign(fast(1e-5)).join()).toMatch(/Mean time between failures must be at least 0\.001/);
		const r = simulate(fast(0.5));
		expect(r.events).toBeGreaterThan(0);
	});

	it('a ×10,000 timeline spike on 20 k rps slices the run like the same client-shape spike', () => {
		const spiked = design([node('c', 'client', { rps: 20_000 }), node('s', 'service')], [edge('c', 's')], [{ atS: 1, action: 'spike', factor: 1e4, durationS: 1 }], 3);
		const shaped = design([node('c', 'client', { rps: 20_000, shape: { kind: 'spike', atS: 1, durationS: 1, factor: 1e4 } }), node('s', 'service')], [edge('c', 's')], [], 3);
		expect(sampleFactor(spiked)).toBe(sampleFactor(shaped));
		expect(sampleFactor(spiked)).toBe(8000);
		expect(simulate(spiked, { budget: { events: 3e6 } }).global.arrived).toBeGreaterThan(0);
	});

	it('a sliding-window-log limiter at 1e10 rps runs and admits everything', () => {
		const d = design([node('c', 'client', { rps: 200 }), node('l', 'rateLimiter', { algorithm: 'sliding-window-log', limitRps: 1e10 }), node('s', 'service')], [edge('c', 'l'), edge('l', 's')]);
		const r = simulate(d);
		expect(r.nodes.l.failed['rate-limited']).toBe(0);
		expect(r.nodes.l.arrived).toBeGreaterThan(500);
	});

	it('a chain of 1,000 services with zero latency runs without overflowing the stack', () => {
		const nodes = [node('c', 'client', { rps: 20 }), ...Array.from({ length: 1000 }, (_, i) => node(`s${i}`, 'service', { serviceTimeMs: 0 }))];
		const edges = [edge('c', 's0', { latencyMs: 0 }), ...Array.from({ length: 999 }, (_, i) => edge(`s${i}`, `s${i + 1}`, { latencyMs: 0 }))];
		const r = simulate(design(nodes, edges, [], 2));
		expect(r.global.completed).toBeGreaterThan(10);
		expect(r.global.completed + Object.values(r.global.failed).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(r.global.arrived);
		expect(r.nodes.s999.completed).toBe(r.nodes.s0.completed);
	});

	it('a client regions map with thousands of keys is a validation message', () => {
		const regions = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`r${i}`, 0.5]));
		const d = design([node('c', 'client', { regions }), node('s', 'service')], [edge('c', 's')]);
		expect(checkDesign(d).join()).toMatch(/at most 50 regions/);
	});

	it('a 20-layer diamond fan-out is counted in linear time and refused, naming the client', () => {
		const nodes = [node('c', 'client'), node('L0', 'service')];
		const edges = [edge('c', 'L0')];
		for (let i = 1; i <= 20; i++) {
			nodes.push(node(`A${i}`, 'service'), node(`B${i}`, 'service'), node(`L${i}`, 'service'));
			edges.push(edge(`L${i - 1}`, `A${i}`), edge(`L${i - 1}`, `B${i}`), edge(`A${i}`, `L${i}`), edge(`B${i}`, `L${i}`));
		}
		const d = design(nodes, edges);
		expect(callsPerRequest(d).calls).toBeGreaterThan(2 ** 20);
		expect(refusal(d)).toMatch(/Each request from "c" fans out into about [\d.]+ million calls .*remove some/);
	});

	it('prices past a million dollars an hour are a validation message; the cost stays finite', () => {
		const d = design([node('c', 'client'), node('s', 'service', { instances: 10_000 })], [edge('c', 's')]);
		expect(checkDesign({ ...d, prices: { service: 1e308 } }).join()).toMatch(/price of service/);
		expect(Number.isFinite(simulate({ ...d, prices: { service: 1e6 } }, { durationS: 1 }).global.costPerMonth)).toBe(true);
	});

	it('a run past its event budget stops in the loop, with the simulated time it reached', () => {
		// Retries are not in the estimate: a retry storm passes it and must be stopped by the loop's check.
		const storm = design(
			[node('c', 'client', { rps: 1000 }), node('s', 'service', { instances: 1, concurrency: 1, serviceTimeMs: 50, queueLimit: 0 })],
			[edge('c', 's', { retries: 20, backoffMs: 0 })],
			[],
			10
		);
		expect(refusal(storm, { budget: { events: 100_000 } })).toMatch(/passed its budget of 100,000 events at \d+\.\d s of simulated time; shorten it or lower the load\./);
		expect(refusal(storm, { budget: { events: 1e4 } })).toMatch(/needs about [\d,]+ events \(the limit is 10,000\); shorten it to about \d+ s/);
	});
});
