// @vitest-environment node
// Large designs run as a slice (scale.ts): the slice must agree with the whole design.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { design, edge, group, node, readClient } from '$testing/testkit';
import { mmcMeanSojourn } from './theory';
import { sampleFactor } from './scale';

const big = (rps: number, web: number, db: number) =>
	design(
		[
			node('c', 'client', readClient(rps)),
			node('lb', 'loadBalancer', { algorithm: 'random', overheadMs: 0.1, maxRps: 1e9 }),
			node('web', 'service', group(web, 8, 5)),
			node('db', 'database', { instances: db, concurrency: 16, readMs: 2, queueLimit: 1e6 })
		],
		[edge('c', 'lb'), edge('lb', 'web', { latencyMs: 0.5 }), edge('web', 'db', { latencyMs: 0.5 })],
		{ durationS: 6, warmupS: 1 }
	);

describe('sliced simulation of large designs', () => {
	it('a 60 k rps design sliced by 3 agrees with the full run', () => {
		const d = { ...big(60_000, 60, 12), scenario: { durationS: 4, warmupS: 1, seed: 1, events: [] } };
		expect(sampleFactor(d)).toBe(3);
		const sliced = simulate(d);
		const full = simulate(d, { sampleRps: Infinity });
		expect(sliced.global.sampleFactor).toBe(3);
		expect(full.global.sampleFactor).toBeUndefined();
		// Counts: Poisson SE of 180 k arrivals is 0.24%; the slice has 60 k, so 0.4%.
		expect(Math.abs(sliced.global.arrived / full.global.arrived - 1)).toBeLessThan(0.015);
		// Latency: each instance is the same M/M/8 (web) and M/M/16 (db) in both runs.
		expect(Math.abs(sliced.global.latency.mean / full.global.latency.mean - 1)).toBeLessThan(0.025);
		expect(Math.abs(sliced.nodes.web.utilization - full.nodes.web.utilization)).toBeLessThan(0.01);
		expect(sliced.nodes.web.instances).toBe(60);
		expect(sliced.global.costPerMonth).toBeCloseTo(full.global.costPerMonth, 6);
	});

	it('1 M rps: the slice matches Erlang C per instance', () => {
		const d = big(1_000_000, 1000, 200);
		const r = simulate(d);
		expect(r.global.sampleFactor).toBe(40);
		// web: M/M/8 at 1000/s per instance, S = 5 ms; db: M/M/16 at 5000/s, S = 2 ms.
		expect(Math.abs(r.nodes.web.latency.mean / (mmcMeanSojourn(1000, 200, 8) * 1000) - 1)).toBeLessThan(0.03);
		expect(Math.abs(r.nodes.db.latency.mean / (mmcMeanSojourn(5000, 500, 16) * 1000) - 1)).toBeLessThan(0.03);
		expect(Math.abs(r.global.offeredRps / 1e6 - 1)).toBeLessThan(0.01);
	});
});
