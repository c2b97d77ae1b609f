// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim';
import { analyse } from './bottleneck';
import { design, edge, node } from '$testing/testkit';
import { applyPatch } from './patch';

/** Writers → a queue → one consumer group of 2 workers × 4, 20 ms a message, constant. */
function pipeline(rps: number, queue: Record<string, unknown>) {
	return design(
		[
			node('users', 'client', { rps, mix: { static: 0, read: 0, write: 1 }, timeoutMs: 1e9 }),
			node('orders', 'queue', queue),
			node('billing', 'worker', { instances: 2, concurrency: 4, serviceTimeMs: 20, serviceDist: 'constant' })
		],
		[edge('users', 'orders'), edge('orders', 'billing')],
		{ durationS: 60, warmupS: 5 }
	);
}

describe('a queue that falls behind', () => {
	it('grows its lag at λ − μ (μ = partitions / service time under per-partition ordering), and misses the goals', () => {
		// λ = 200/s; 2 partitions at 20 ms serve μ = 100/s although 8 slots are there.
		const d = pipeline(200, { ordering: 'per-partition', partitions: 2 });
		const result = simulate(d);
		const a = analyse(d, result);
		expect(a.checks.every((c) => c.met)).toBe(true);
		expect(a.met).toBe(false);
		expect(a.behind.map((b) => b.nodeId)).toEqual(['orders']);
		const b = a.behind[0];
		// About (λ − μ) × 60 s waiting: Poisson arrivals, so within 4 standard deviations of λT.
		expect(Math.abs(b.lag - 100 * 60)).toBeLessThan(4 * Math.sqrt(200 * 60));
		expect(b.perS).toBeGreaterThan(90);
		expect(b.perS).toBeLessThan(110);
		expect(a.bottleneck).toMatchObject({ nodeId: 'orders', limiting: true });
		expect(a.bottleneck!.reason).toMatch(/fell behind.*at most 2 messages at once/);
		// The fix it offers catches up at once: λd / 0.7 = 5.7 → 6 partitions, ρ = 0.67 (at 4, ρ = 1: still behind).
		expect(a.suggestions[0].patch).toEqual({ op: 'setParams', nodeId: 'orders', params: { partitions: 6 } });
		const fixed = applyPatch(d, a.suggestions[0].patch);
		expect(analyse(fixed, simulate(fixed)).behind).toEqual([]);
	});
	it('is not flagged while the consumers keep up, nor for a burst they drain', () => {
		const steady = pipeline(300, { ordering: 'none' });
		expect(analyse(steady, simulate(steady)).behind).toEqual([]);
		const burst = pipeline(300, { ordering: 'none' });
		burst.scenario!.events = [{ atS: 10, action: 'spike', factor: 2, durationS: 10 }];
		const r = simulate(burst);
		expect(r.nodes.orders.lag ?? 0).toBeLessThan(50);
		expect(analyse(burst, r).behind).toEqual([]);
	});
	it('names a queue nobody reads', () => {
		const d = design([node('users', 'client', { rps: 100, mix: { static: 0, read: 0, write: 1 } }), node('orders', 'queue')], [edge('users', 'orders')], { durationS: 30 });
		const a = analyse(d, simulate(d));
		expect(a.behind[0]).toMatchObject({ nodeId: 'orders', fix: null });
		expect(a.behind[0].reason).toMatch(/no consumer/);
	});
});
