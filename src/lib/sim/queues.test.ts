// @vitest-environment node
// Queues (docs/model.md, "Queues"): partitions bound a consumer group's parallelism, a hot
// key makes one partition lag, consumer groups fan out, the visibility timeout redelivers
// a fraction e^(−V/S) of deliveries, and the queue's own counts stay consistent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from './index';
import type { MetricsFrame, SimResult } from './types';
import type { Params, ScenarioEvent } from '../model/types';
import { design, edge, node } from '$testing/testkit';

const writes = (rps: number, p: Params = {}) => node('users', 'client', { rps, mix: { static: 0, read: 0, write: 1 }, timeoutMs: 1e9, zipf: 0, ...p });

function pipeline(rps: number, q: Params, w: Params, run: { durationS?: number; warmupS?: number; events?: ScenarioEvent[]; seed?: number } = {}) {
	return design([writes(rps), node('q', 'queue', q), node('w', 'worker', w)], [edge('users', 'q'), edge('q', 'w')], { durationS: 40, warmupS: 10, ...run });
}

function runWithFrames(d: ReturnType<typeof pipeline>): { r: SimResult; fs: MetricsFrame[] } {
	const fs: MetricsFrame[] = [];
	const r = simulate(d, { onFrame: (f) => fs.push(f) });
	return { r, fs };
}

/** The queue's own books: everything that entered the broker was handed out, failed there, or still waits. */
function queueBalances(r: SimResult): void {
	const q = r.nodes.q;
	const failed = Object.values(q.failed).reduce((a, b) => a + b, 0);
	expect(q.arrived).toBe(q.completed + failed + (q.depth ?? 0));
}

describe('partitions and consumer groups', () => {
	// Saturated partitions finish as independent exponential servers: count ~ Poisson(k·T/S).
	const capped = (k: number, S: number, T: number) => {
		const mean = (k * T) / S;
		return [mean - 4 * Math.sqrt(mean), mean + 4 * Math.sqrt(mean)];
	};

	it('throughput ≤ min(partitions, consumers) × per-consumer rate, on either side of the min', () => {
		const T = 30, S = 0.01;
		// 2 partitions, 8 consumers (1 × 8 slots), 400/s offered: 2/S = 200/s.
		const few = simulate(pipeline(400, { ordering: 'per-partition', partitions: 2 }, { instances: 1, concurrency: 8, serviceTimeMs: 10 }));
		const [lo, hi] = capped(2, S, T);
		expect(few.nodes.w.completed).toBeGreaterThan(lo);
		expect(few.nodes.w.completed).toBeLessThan(hi);
		// 16 partitions, 4 consumers, 600/s offered: 4/S = 400/s.
		const many = simulate(pipeline(600, { ordering: 'per-partition', partitions: 16 }, { instances: 2, concurrency: 2, serviceTimeMs: 10 }));
		const [lo4, hi4] = capped(4, S, T);
		expect(many.nodes.w.completed).toBeGreaterThan(lo4);
		expect(many.nodes.w.completed).toBeLessThan(hi4);
		// Unordered, the same 8 consumers keep up with the 400/s.
		const free = simulate(pipeline(400, {}, { instances: 1, concurrency: 8, serviceTimeMs: 10 }));
		expect(free.nodes.q.depth).toBeLessThan(100);
	});

	it('a hot key makes its partition lag grow while the others keep up', () => {
		// 8 partitions, 8 consumers at 100/s each; uniform keys give each partition 35/s, and from
		// 5 s a hot key takes 30 % of 400/s: its partition gets 120 + 35 = 155/s for 100/s of service.
		const d = pipeline(
			400,
			{ ordering: 'per-partition', partitions: 8 },
			{ instances: 1, concurrency: 8, serviceTimeMs: 10 },
			{ durationS: 25, warmupS: 0, events: [{ atS: 5, action: 'hotKey', target: 'users', share: 0.3, durationS: 0 }] }
		);
		d.nodes[0].params.keys = 100_000;
		const { r, fs } = runWithFrames(d);
		const lags = r.nodes.q.lagByPartition!;
		expect(lags).toHaveLength(8);
		const hot = Math.max(...lags);
		// Growth (155 − 100)·20 s = 1,100; Poisson counts in and out over 20 s: σ ≈ √(155·20 + 100·20) ≈ 71.
		expect(hot).toBeGreaterThan(1100 - 4 * 71);
		expect(hot).toBeLessThan(1100 + 4 * 71);
		const others = [...lags].sort((a, b) => b - a).slice(1);
		// ρ = 0.35 per partition: the lag of a healthy partition is a few messages.
		expect(Math.max(...others)).toBeLessThan(30);
		const at = (t: number) => fs.find((f) => f.t === t)!.nodes.q.maxPartitionLag!;
		expect(at(15)).toBeGreaterThan(at(10));
		expect(at(25)).toBeGreaterThan(at(15));
		queueBalances(r);
	});

	it('separate groups each get every message; one group shares them', () => {
		const wp = { instances: 1, concurrency: 8, serviceTimeMs: 5 };
		const fanOut = (g2: number) =>
			simulate(
				design(
					[writes(200), node('q', 'queue', {}), node('a', 'worker', { ...wp, consumerGroup: 1 }), node('b', 'worker', { ...wp, consumerGroup: g2 })],
					[edge('users', 'q'), edge('q', 'a'), edge('q', 'b')],
					{ durationS: 20 }
				)
			);
		const two = fanOut(2), one = fanOut(1);
		const published = two.nodes.users.arrived;
		// Each group processes every message (the last few may still be in hand at the end).
		expect(Math.abs(two.nodes.a.completed - published)).toBeLessThan(10);
		expect(Math.abs(two.nodes.b.completed - published)).toBeLessThan(10);
		expect(two.nodes.q.arrived).toBe(2 * published);
		expect(two.nodes.q.lagByGroup).toHaveLength(2);
		// One group: the two workers share the messages.
		expect(Math.abs(one.nodes.a.completed + one.nodes.b.completed - one.nodes.users.arrived)).toBeLessThan(10);
		expect(one.nodes.a.completed).toBeGreaterThan(0.3 * one.nodes.users.arrived);
		expect(one.nodes.b.completed).toBeGreaterThan(0.3 * one.nodes.users.arrived);
	});
});

describe('visibility timeout and at-least-once delivery', () => {
	it('redelivers a fraction e^(−V/S) of deliveries as duplicates (exponential processing)', () => {
		for (const [V, S] of [
			[0.02, 0.01],
			[0.01, 0.01],
			[0.05, 0.01]
		]) {
			const r = simulate(pipeline(200, { visibilityTimeoutS: V }, { instances: 4, concurrency: 8, serviceTimeMs: S * 1000 }, { durationS: 60 }));
			const q = r.nodes.q;
			const p = Math.exp(-V / S);
			const n = q.completed;
			// Each delivery independently outlives V with probability p: binomial, 4 standard errors.
			const se = Math.sqrt((p * (1 - p)) / n);
			expect(q.duplicateRatio!).toBeGreaterThan(p - 4 * se - 1e-9);
			expect(q.duplicateRatio!).toBeLessThan(p + 4 * se + 1e-9);
			// Nothing failed: every redelivery was a duplicate, none went to a dead-letter queue.
			expect(q.redelivered).toBe(q.duplicates);
			// The worker does the work again, but the users' requests are counted once.
			expect(r.global.arrived).toBe(r.nodes.users.arrived);
			expect(r.nodes.w.arrived).toBeGreaterThan(r.nodes.users.arrived);
		}
	});

	it('with the timeout off, nothing is redelivered and the counts are as before', () => {
		const r = simulate(pipeline(200, {}, { instances: 4, concurrency: 8, serviceTimeMs: 10 }, { warmupS: 0 }));
		expect(r.nodes.q.redelivered).toBe(0);
		expect(r.nodes.q.duplicates).toBe(0);
		queueBalances(r);
	});

	it('a crashed consumer’s messages come back after the visibility timeout, not as duplicates', () => {
		const d = pipeline(100, { visibilityTimeoutS: 2 }, { instances: 1, concurrency: 4, serviceTimeMs: 20 }, {
			warmupS: 0,
			events: [{ atS: 10, action: 'consumerCrash', target: 'w', durationS: 5 }]
		});
		const { r, fs } = runWithFrames(d);
		const q = r.nodes.q;
		expect(q.redelivered).toBeGreaterThan(0);
		// A few in hand at the crash, each one redelivery; the V = 2 s timeout is 100 × the processing time.
		expect(q.redelivered).toBeLessThan(10);
		expect(q.duplicates).toBeLessThanOrEqual(1);
		expect(fs.find((f) => f.t === 38)!.nodes.q.depth).toBeLessThan(20);
		queueBalances(r);
	});
});

describe('the books balance with every queue mechanism on', () => {
	it('per frame: broker in = handed out + failed + waiting; worker and global identities hold (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.record({
					rps: fc.integer({ min: 20, max: 400 }),
					ordered: fc.boolean(),
					partitions: fc.integer({ min: 1, max: 6 }),
					vis: fc.constantFrom(0, 0.004, 0.02, 0.2),
					maxReceives: fc.integer({ min: 0, max: 3 }),
					groups: fc.constantFrom([1], [1, 1], [1, 2]),
					serviceMs: fc.double({ min: 0, max: 30, noNaN: true }),
					conc: fc.integer({ min: 1, max: 4 }),
					events: fc.array(fc.record({ atS: fc.double({ min: 0, max: 5, noNaN: true }), what: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
					seed: fc.integer({ min: 0, max: 1000 })
				}),
				(g) => {
					const workers = g.groups.map((grp, i) => node(`w${i}`, 'worker', { instances: 2, concurrency: g.conc, serviceTimeMs: g.serviceMs, consumerGroup: grp }));
					const kinds = ['consumerCrash', 'poisonMessages', 'fail', 'failInstance', 'recover'] as const;
					const events: ScenarioEvent[] = g.events.map((e) => {
						const action = kinds[e.what];
						const target = action === 'poisonMessages' || action === 'fail' ? 'q' : 'w0';
						return { atS: e.atS, action, target, rate: 0.3, durationS: 1 };
					});
					const d = design(
						[writes(g.rps, { keys: 20, zipf: 1 }), node('q', 'queue', { ordering: g.ordered ? 'per-partition' : 'none', partitions: g.partitions, visibilityTimeoutS: g.vis, maxReceives: g.maxReceives }), ...workers],
						[edge('users', 'q'), ...workers.map((w) => edge('q', w.id))],
						{ durationS: 6, warmupS: 0, seed: g.seed, events }
					);
					const fs: MetricsFrame[] = [];
					const r = simulate(d, { onFrame: (f) => fs.push(f) });
					const total = (x: { failed: Record<string, number> }) => Object.values(x.failed).reduce((a, b) => a + b, 0);
					const acc = new Map<string, number>();
					const add = (k: string, v: number) => acc.set(k, (acc.get(k) ?? 0) + v);
					for (const f of fs) {
						add('qin', f.nodes.q.arrived);
						add('qout', f.nodes.q.completed + total(f.nodes.q));
						expect(acc.get('qin')).toBe(acc.get('qout')! + f.nodes.q.depth!);
						add('gin', f.global.arrived);
						add('gout', f.global.completed + total(f.global));
						expect(acc.get('gin')).toBe(acc.get('gout')! + f.global.inFlight);
						for (const w of workers) expect(f.nodes[w.id].inFlight).toBeGreaterThanOrEqual(0);
					}
					// Messages never count as users' requests: the users' arrivals are the global ones.
					expect(r.global.arrived).toBe(r.nodes.users.arrived);
					expect(r.nodes.q.duplicates!).toBeLessThanOrEqual(r.nodes.q.redelivered!);
					if (g.vis === 0) expect(r.nodes.q.duplicates).toBe(0);
				}
			),
			{ numRuns: 40 }
		);
	});
});
