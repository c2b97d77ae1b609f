// @vitest-environment node
// Autoscaling when the load falls: the group must come back down to what the lower load
// needs, one hold (cooldown = evaluateS) per scale-in, also when the load falls while a
// scale-out is still warming up, and also for workers scaled on their queue's backlog.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { KINDS } from '../model/kinds';
import type { MetricsFrame } from './types';
import { design, edge, group, node, readClient } from '$testing/testkit';

const frames = (d: ReturnType<typeof design>) => {
	const out: MetricsFrame[] = [];
	const result = simulate(d, { onFrame: (f) => out.push(f) });
	return { fs: out, result };
};
const at = (fs: MetricsFrame[], t: number) => fs.find((f) => Math.abs(f.t - t) < 1e-9)!;

describe('autoscaling after the load falls', () => {
	it('a service scaled on utilization (evaluateS 1, warm-up 30 s) comes down when the surge ends during a warm-up', () => {
		// 4,000 rps for 45 s, then 500 rps. An instance does 8 / 10 ms = 800 rps; at the 60 %
		// target 500 rps needs ceil(500 / 480) = 2 instances (1 at 62.5 % is inside the ±10 %
		// dead band). Short queues, so no backlog hides the fall.
		const d = design(
			[
				node('c', 'client', readClient(500)),
				node('lb', 'loadBalancer', {}),
				node('s', 'service', group(2, 8, 10, { queueLimit: 20, autoscale: { enabled: true, min: 1, max: 10, targetUtilization: 0.6, evaluateS: 1, warmupS: 30 } }))
			],
			[edge('c', 'lb'), edge('lb', 's')],
			{ durationS: 120, events: [{ atS: 0, action: 'spike', factor: 8, durationS: 45 }] }
		);
		const { fs } = frames(d);
		// A scale-out planned at 31 s (4 → 7) is still warming when the load falls at 45 s.
		expect(at(fs, 45).nodes.s.state).toBe('scaling-out');
		// Within a few looks (each scale-in holds 1 s) the group is at what 500 rps needs, and stays.
		for (const f of fs.filter((f) => f.t >= 52)) expect(f.nodes.s.instances, `t = ${f.t}`).toBeLessThanOrEqual(2);
		expect(at(fs, 120).nodes.s.utilization).toBeGreaterThan(0.25);
	});

	it('workers scaled on backlog per worker come down to min once the backlog is gone, one hold later at most', () => {
		// 1,200 jobs/s for 40 s, then 240/s; a worker does 8 / 50 ms = 160/s, so 240/s needs 2.
		const evaluateS = 10;
		const d = design(
			[
				node('c', 'client', { rps: 240, mix: { static: 0, read: 0, write: 1 }, timeoutMs: 1e9 }),
				node('s', 'service', group(4, 64, 1)),
				node('q', 'queue', { maxDepth: 1e6 }),
				node('w', 'worker', group(2, 8, 50, { autoscale: { enabled: true, min: 2, max: 12, targetBacklogPerWorker: 100, evaluateS, warmupS: 30 } }))
			],
			[edge('c', 's'), edge('s', 'q'), edge('q', 'w')],
			{ durationS: 150, events: [{ atS: 0, action: 'spike', factor: 5, durationS: 40 }] }
		);
		const { fs } = frames(d);
		expect(Math.max(...fs.map((f) => f.nodes.w.instances))).toBe(12);
		const drained = fs.find((f) => f.t > 40 && f.nodes.q.depth === 0)!.t;
		// The next look after the queue empties sees no backlog; if a scale-in's hold is still
		// running it ends at most evaluateS after that scale-in, and the look then acts.
		const down = fs.find((f) => f.t > drained && f.nodes.w.instances === 2)!.t;
		expect(down - drained).toBeLessThanOrEqual(evaluateS);
		for (const f of fs.filter((f) => f.t >= down + evaluateS)) expect(f.nodes.w.instances, `t = ${f.t}`).toBe(2);
	});

	it('the bill of an autoscaled group is its time-averaged instances, also when the run ends at max', () => {
		// Up to max and held there to the end: the bill is below max × price, above min × price.
		const d = design(
			[node('c', 'client', readClient(300)), node('lb', 'loadBalancer', {}), node('s', 'service', group(1, 8, 10, { queueLimit: 20, autoscale: { enabled: true, min: 1, max: 6, targetUtilization: 0.6, evaluateS: 2, warmupS: 2 } }))],
			[edge('c', 'lb'), edge('lb', 's')],
			{ durationS: 60, events: [{ atS: 30, action: 'spike', factor: 20, durationS: 60 }] }
		);
		const { fs, result } = frames(d);
		expect(at(fs, 60).nodes.s.instances).toBe(6);
		const meanInstances = fs.reduce((a, f) => a + f.nodes.s.instances, 0) / fs.length;
		const perInstance = KINDS.service.hourlyUsd * 730;
		const serviceCost = result.global.costPerMonth - KINDS.loadBalancer.hourlyUsd * 730;
		expect(serviceCost / perInstance).toBeLessThan(5);
		expect(serviceCost / perInstance).toBeCloseTo(meanInstances, 0);
	});
});
