import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { estimateCapacity } from './capacity';
import { cheHitRatioZipf } from './che';
import { cheHitRatio, zipfPmf } from '../sim/theory';
import { chainDesign } from '$testing/testDesign';
import type { Design, DesignNode } from '../model/types';

const tiered = JSON.parse(readFileSync('examples/tiered.json', 'utf8')) as Design;

function node(id: string, kind: DesignNode['kind'], params: Record<string, unknown> = {}): DesignNode {
	return { id, kind, position: { x: 0, y: 0 }, params };
}

describe('estimateCapacity', () => {
	it('finds the tiered reference bottleneck: 4 web instances × 8 workers / 9.6 ms = 3333 rps', () => {
		const e = estimateCapacity(tiered);
		expect(e.designRps).toBe(2000);
		expect(e.bottleneck?.id).toBe('web');
		expect(e.capacityRps).toBeCloseTo((4 * 8 * 1000) / 9.6, 6);
		const db = e.tiers.find((t) => t.id === 'db')!;
		expect(db.clientRps).toBeCloseTo((50 * 1000) / 5, 6);
		expect(e.bottleneck?.mmc).toEqual({ instances: 4, c: 8, serviceMs: 9.6 });
	});
	it('a queue gives every consumer group every message, shared within a group by workers', () => {
		const d: Design = {
			...tiered,
			nodes: [
				node('client', 'client', { rps: 100, mix: { static: 0, read: 0, write: 1 } }),
				node('q', 'queue'),
				node('w1', 'worker', { instances: 2, concurrency: 4, serviceTimeMs: 10, consumerGroup: 1 }),
				node('w2', 'worker', { instances: 1, concurrency: 4, serviceTimeMs: 10, consumerGroup: 1 }),
				node('w3', 'worker', { instances: 1, concurrency: 2, serviceTimeMs: 40, consumerGroup: 2 })
			],
			edges: ['q', 'w1', 'w2', 'w3'].map((t, i) => ({ id: `e${i}`, source: i === 0 ? 'client' : 'q', target: t, params: {} }))
		};
		const e = estimateCapacity(d);
		const v = (id: string) => e.tiers.find((t) => t.id === id)!.visits;
		expect(v('w1')).toBeCloseTo(8 / 12, 9);
		expect(v('w2')).toBeCloseTo(4 / 12, 9);
		expect(v('w3')).toBeCloseTo(1, 9);
		// Group 2 (2 workers / 40 ms = 50 msg/s, all of them) binds before group 1 (1200/s).
		expect(e.bottleneck?.id).toBe('w3');
		expect(e.capacityRps).toBeCloseTo(50, 9);
	});
	it('per-partition ordering: a group processes at most `partitions` messages at once', () => {
		const d: Design = {
			...tiered,
			nodes: [
				node('client', 'client', { rps: 100, mix: { static: 0, read: 0, write: 1 } }),
				node('q', 'queue', { ordering: 'per-partition', partitions: 2 }),
				node('w', 'worker', { instances: 2, concurrency: 4, serviceTimeMs: 20 })
			],
			edges: [
				{ id: 'a', source: 'client', target: 'q', params: {} },
				{ id: 'b', source: 'q', target: 'w', params: {} }
			]
		};
		const e = estimateCapacity(d);
		// 2 partitions / 20 ms = 100 msg/s, not 8 workers / 20 ms = 400.
		expect(e.capacityRps).toBeCloseTo(100, 9);
		expect(e.bottleneck?.why).toMatch(/2 partitions/);
		expect(e.bottleneck?.mmc).toBeUndefined();
	});
	it('weights a database by the read/write split it sees', () => {
		const d = chainDesign();
		d.nodes[0].params = { rps: 100, mix: { static: 0, read: 0.5, write: 0.5 } };
		d.nodes[2].params = { instances: 1, concurrency: 10, readMs: 2, writeMs: 18 };
		d.nodes[1].params = { instances: 100, concurrency: 100, serviceTimeMs: 1 };
		const e = estimateCapacity(d);
		// mean service 0.5·2 + 0.5·18 = 10 ms → 10 workers serve 1000 rps.
		expect(e.bottleneck?.id).toBe('db');
		expect(e.capacityRps).toBeCloseTo(1000, 6);
	});
	it('a cache in front of the database lowers its visits by the hit ratio', () => {
		const d = chainDesign();
		d.nodes[0].params = { rps: 100, mix: { static: 0, read: 1, write: 0 }, keys: 10_000, zipf: 1 };
		d.nodes.push(node('cache', 'cache', { capacity: 1000, strategy: 'cache-aside' }));
		d.edges.push({ id: 'e3', source: 'web', target: 'cache', params: {} });
		const e = estimateCapacity(d);
		const h = cheHitRatioZipf(10_000, 1, 1000);
		expect(h).toBeGreaterThan(0.5);
		expect(e.tiers.find((t) => t.id === 'db')!.visits).toBeCloseTo(1 - h, 9);
		expect(e.tiers.find((t) => t.id === 'cache')!.visits).toBeCloseTo(1, 9);
	});
	it('a balancer splits by instances and its maxRps caps the design', () => {
		const d = chainDesign();
		d.nodes.splice(1, 0, node('lb', 'loadBalancer', { maxRps: 500 }));
		d.nodes.push(node('web2', 'service', { instances: 6 }));
		d.edges = [
			{ id: 'a', source: 'client', target: 'lb', params: {} },
			{ id: 'b', source: 'lb', target: 'web', params: {} },
			{ id: 'c', source: 'lb', target: 'web2', params: {} }
		];
		const e = estimateCapacity(d);
		expect(e.tiers.find((t) => t.id === 'web')!.visits).toBeCloseTo(2 / 8, 9);
		expect(e.tiers.find((t) => t.id === 'web2')!.visits).toBeCloseTo(6 / 8, 9);
		expect(e.bottleneck?.id).toBe('lb');
		expect(e.capacityRps).toBe(500);
	});
	it('a design without traffic or limits says so with Infinity, not NaN', () => {
		const d = chainDesign();
		d.nodes[0].params = { rps: 0 };
		const e = estimateCapacity(d);
		expect(e.designRps).toBe(0);
		expect(Number.isNaN(e.capacityRps)).toBe(false);
	});
});

describe('cheHitRatioZipf', () => {
	it('matches the exact Che computation where both apply', () => {
		for (const [keys, s, cap] of [
			[5000, 0.99, 500],
			[20_000, 0.8, 2000],
			[100_000, 1.2, 100]
		])
			expect(cheHitRatioZipf(keys, s, cap)).toBeCloseTo(cheHitRatio(zipfPmf(keys, s), cap), 2);
	});
});
