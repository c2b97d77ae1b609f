// The capacity estimate against the simulator: at a fraction f of the estimated capacity,
// the bottleneck's measured utilization is f, and the database behind a cache sees the
// share of reads the estimate's Che hit ratio says it misses.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { estimateCapacity } from './capacity';
import { scaleRate } from '../worker/jobs';
import { simulate } from '../sim';
import type { Design } from '../model/types';

const tiered = JSON.parse(readFileSync('examples/tiered.json', 'utf8')) as Design;

describe('estimateCapacity agrees with the simulator', () => {
	it('tiered at 60 % of the estimate: web utilization 0.6, database 1 200 × 5 ms / 50', () => {
		const e = estimateCapacity(tiered);
		const rps = 0.6 * e.capacityRps;
		const r = simulate(scaleRate(tiered, rps / e.designRps), { durationS: 20, warmupS: 2, seed: 4 });
		// 40 000 requests: utilization's sampling error is well under 2 %.
		expect(Math.abs(r.nodes.web.utilization - 0.6)).toBeLessThan(0.03);
		expect(Math.abs(r.nodes.db.utilization - (rps * 0.005) / 50)).toBeLessThan(0.01);
	});
	it('a cache-aside cache: database arrivals per request match 1 − Che hit ratio', () => {
		const d: Design = {
			...tiered,
			nodes: [
				...tiered.nodes.map((n) => (n.id === 'client' ? { ...n, params: { ...n.params, keys: 20_000, zipf: 0.9 } } : n)),
				{ id: 'cache', kind: 'cache', position: { x: 0, y: 0 }, params: { capacity: 2000, ttlS: 0, strategy: 'cache-aside' } }
			],
			edges: [...tiered.edges, { id: 'wc', source: 'web', target: 'cache', params: {} }]
		};
		const e = estimateCapacity(d);
		const v = e.tiers.find((t) => t.id === 'db')!.visits;
		const r = simulate(d, { durationS: 30, warmupS: 10, seed: 2 });
		const measured = r.nodes.db.arrived / r.nodes.web.arrived;
		expect(v).toBeGreaterThan(0.2);
		expect(Math.abs(measured - v)).toBeLessThan(0.03);
	});
	it('a partitioned queue saturates at partitions / service time, as estimated', () => {
		const d: Design = {
			...tiered,
			nodes: [
				{ id: 'client', kind: 'client', position: { x: 0, y: 0 }, params: { rps: 150, mix: { static: 0, read: 0, write: 1 }, keys: 100_000, zipf: 0 } },
				{ id: 'q', kind: 'queue', position: { x: 0, y: 0 }, params: { ordering: 'per-partition', partitions: 2 } },
				{ id: 'w', kind: 'worker', position: { x: 0, y: 0 }, params: { instances: 2, concurrency: 4, serviceTimeMs: 20 } }
			],
			edges: [
				{ id: 'a', source: 'client', target: 'q', params: {} },
				{ id: 'b', source: 'q', target: 'w', params: {} }
			],
			scenario: undefined
		};
		const e = estimateCapacity(d);
		expect(e.capacityRps).toBeCloseTo(100, 6);
		// Offered 150/s, 1.5 × the estimate: the workers complete at the cap. Over 30 s that is
		// ~3 000 completions; with exponential service the count's standard error is ~2 %.
		const r = simulate(d, { durationS: 40, warmupS: 10, seed: 5 });
		const rate = r.nodes.w.completed / 30;
		expect(Math.abs(rate - e.capacityRps) / e.capacityRps).toBeLessThan(0.08);
	});
});
