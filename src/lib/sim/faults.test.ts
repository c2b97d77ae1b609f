// @vitest-environment node
// Each fault of the table shows its signature in the figures, and ends when its time is up.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import type { MetricsFrame } from './types';
import type { ScenarioEvent } from '../model/types';
import { SCENARIO_ACTIONS } from '../model/types';
import { FAULTS } from '../model/faults';
import { BIG, design, edge, group, node, readClient } from '$testing/testkit';

const run = (d: ReturnType<typeof design>) => {
	const fs: MetricsFrame[] = [];
	const r = simulate(d, { onFrame: (f) => fs.push(f) });
	return { r, fs };
};
/** Sum of a figure over the frames ending in (from, to]. */
const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);
const fails = (x: { failed: Record<string, number> }) => Object.values(x.failed).reduce((a, b) => a + b, 0);
const p99 = (fs: MetricsFrame[], from: number, to: number) => Math.max(...fs.filter((x) => x.t > from && x.t <= to).map((x) => x.global.latency.p99));

/** users → api → db, 500 reads/s (plus writes when asked), plenty of capacity. */
const chain = (events: ScenarioEvent[], opts: { write?: number; api?: Record<string, unknown>; edgeTimeout?: number } = {}) =>
	design(
		[
			node('users', 'client', readClient(500, { mix: { static: 0, read: 1 - (opts.write ?? 0), write: opts.write ?? 0 }, keys: 1000, zipf: 0 })),
			node('api', 'service', group(4, 16, 5, opts.api ?? {})),
			node('db', 'database', { concurrency: 100, readMs: 2, writeMs: 2, queueLimit: BIG })
		],
		[edge('users', 'api', { timeoutMs: opts.edgeTimeout ?? 0 }), edge('api', 'db')],
		{ durationS: 30, events }
	);

describe('the fault table', () => {
	it('has at least 20 faults, each with a label, an icon and a summary', () => {
		expect(SCENARIO_ACTIONS.length).toBeGreaterThanOrEqual(20);
		for (const a of SCENARIO_ACTIONS) expect(FAULTS[a].label.length * FAULTS[a].icon.length * FAULTS[a].summary.length).toBeGreaterThan(0);
	});
});

describe('fault signatures', () => {
	it('errorRate: that share of the node’s arrivals fail while it lasts, none after', () => {
		const { fs } = run(chain([{ atS: 10, action: 'errorRate', target: 'api', rate: 0.3, durationS: 10 }]));
		const arr = sum(fs, 10, 20, (f) => f.nodes.api.arrived), bad = sum(fs, 10, 20, (f) => f.nodes.api.failed.unavailable);
		// Binomial: 3 standard errors of the share.
		expect(Math.abs(bad / arr - 0.3)).toBeLessThan(3 * Math.sqrt(0.21 / arr));
		expect(sum(fs, 0, 10, (f) => fails(f.global)) + sum(fs, 21, 30, (f) => fails(f.global))).toBe(0);
	});

	it('edgeLatency: the latency rises by twice the added one-way time, then falls back', () => {
		const { fs } = run(chain([{ atS: 10, action: 'edgeLatency', target: 'api-db', addMs: 100, durationS: 10 }]));
		const mean = (a: number, b: number) => sum(fs, a, b, (f) => f.global.latency.mean * f.global.completed) / sum(fs, a, b, (f) => f.global.completed);
		expect(mean(11, 20) - mean(0, 10)).toBeGreaterThan(195);
		expect(mean(11, 20) - mean(0, 10)).toBeLessThan(205);
		expect(Math.abs(mean(21, 30) - mean(0, 10))).toBeLessThan(2);
	});

	it('packetLoss: the mean extra delay matches TCP retransmission both ways, 2·Σ pᵏ(1 − p)·0.2·(2ᵏ − 1)', () => {
		const p = 0.1;
		const { fs } = run(chain([{ atS: 0, action: 'packetLoss', target: 'users-api', rate: p, durationS: 0 }]));
		const base = run(chain([])).fs;
		const mean = (x: MetricsFrame[]) => sum(x, 0, 30, (f) => f.global.latency.mean * f.global.completed) / sum(x, 0, 30, (f) => f.global.completed);
		let expected = 0;
		for (let k = 1; k < 30; k++) expected += 2 * Math.pow(p, k) * (1 - p) * 200 * (Math.pow(2, k) - 1);
		const extra = mean(fs) - mean(base);
		expect(Math.abs(extra - expected) / expected).toBeLessThan(0.15);
		expect(p99(fs, 0, 30)).toBeGreaterThan(200);
	});

	it('partitionNodes: calls between the two fail, both ways, until it ends', () => {
		const { fs } = run(chain([{ atS: 10, action: 'partitionNodes', target: 'db', peer: 'api', durationS: 5 }]));
		expect(sum(fs, 10, 15, (f) => f.nodes.db.arrived)).toBe(0);
		expect(sum(fs, 10, 15, (f) => f.global.failed.unavailable)).toBeGreaterThan(2000);
		expect(sum(fs, 16, 30, (f) => fails(f.global))).toBe(0);
	});

	it('noisyNeighbour: the slowed instances drag the tail, not the median', () => {
		const { fs } = run(chain([{ atS: 10, action: 'noisyNeighbour', target: 'api', count: 1, factor: 10 }]));
		expect(p99(fs, 11, 30)).toBeGreaterThan(3 * p99(fs, 0, 10));
	});

	it('gcStorm: pauses put a floor of about the pause length under the tail', () => {
		const { fs } = run(chain([{ atS: 10, action: 'gcStorm', target: 'api', pauseMs: 300, everyS: 0.5, durationS: 10 }]));
		expect(p99(fs, 11, 20)).toBeGreaterThan(150);
		expect(p99(fs, 0, 10)).toBeLessThan(50);
		expect(p99(fs, 22, 30)).toBeLessThan(50);
	});

	it('brownout: both slower and failing a share, never down', () => {
		const { fs } = run(chain([{ atS: 10, action: 'brownout', target: 'db', factor: 10, rate: 0.2, durationS: 10 }]));
		const share = sum(fs, 10, 20, (f) => f.nodes.db.failed.unavailable) / sum(fs, 10, 20, (f) => f.nodes.db.arrived);
		expect(share).toBeGreaterThan(0.15);
		expect(share).toBeLessThan(0.25);
		expect(sum(fs, 11, 20, (f) => f.nodes.db.latency.mean) / 9).toBeGreaterThan(5 * (sum(fs, 0, 10, (f) => f.nodes.db.latency.mean) / 10));
	});

	it('dnsOutage: failures ramp up over one TTL as cached answers expire', () => {
		const d = design(
			[node('users', 'client', readClient(1000)), node('dns', 'dns', { clientCacheRatio: 0.9, ttlS: 20 }), node('api', 'service', group(4, 64, 1))],
			[edge('users', 'dns'), edge('dns', 'api')],
			{ durationS: 40, events: [{ atS: 10, action: 'dnsOutage', target: 'dns', durationS: 25 }] }
		);
		const { fs } = run(d);
		const share = (a: number, b: number) => sum(fs, a, b, (f) => f.global.failed.unavailable) / sum(fs, a, b, (f) => f.global.arrived);
		// Expected share failing at t s into the outage: 1 − 0.9·(1 − t/20).
		expect(share(10, 12)).toBeGreaterThan(0.1);
		expect(share(10, 12)).toBeLessThan(0.2);
		expect(share(19, 21)).toBeGreaterThan(0.5);
		expect(share(19, 21)).toBeLessThan(0.6);
		expect(share(30, 35)).toBe(1);
		expect(share(36, 40)).toBe(0);
	});

	it('originOutage: CDN hits are still served, misses fail', () => {
		const d = design(
			[
				node('users', 'client', { rps: 1000, mix: { static: 1, read: 0, write: 0 }, keys: 2000, zipf: 1, timeoutMs: 1e9 }),
				node('cdn', 'cdn', { capacity: 500, ttlS: 0 }),
				node('origin', 'objectStore', group(1, 100, 5))
			],
			[edge('users', 'cdn'), edge('cdn', 'origin')],
			{ durationS: 30, events: [{ atS: 15, action: 'originOutage', target: 'cdn', durationS: 10 }] }
		);
		const { fs } = run(d);
		const hit = sum(fs, 15, 25, (f) => f.nodes.cdn.hitRatio! * f.nodes.cdn.arrived) / sum(fs, 15, 25, (f) => f.nodes.cdn.arrived);
		const failShare = sum(fs, 15, 25, (f) => f.global.failed.unavailable) / sum(fs, 15, 25, (f) => f.global.arrived);
		expect(Math.abs(failShare - (1 - hit))).toBeLessThan(0.02);
		expect(hit).toBeGreaterThan(0.4);
		expect(sum(fs, 15, 25, (f) => f.nodes.origin.arrived)).toBe(0);
	});

	it('hotKey: one shard takes the surge and its latency explodes; total traffic is unchanged', () => {
		const d = design(
			[node('users', 'client', readClient(800, { keys: 10_000, zipf: 0 })), node('db', 'database', { shards: 4, concurrency: 4, readMs: 20, queueLimit: BIG })],
			[edge('users', 'db')],
			{ durationS: 30, events: [{ atS: 10, action: 'hotKey', target: 'users', share: 0.5, durationS: 10 }] }
		);
		const { fs } = run(d);
		// Each shard can do 200/s; 800/s spread over 4 is ρ = 1 − ε … hot: 400 + 100 = 500/s on one.
		expect(sum(fs, 10, 20, (f) => f.global.arrived) / 10).toBeGreaterThan(700);
		expect(fs.find((f) => f.t === 20)!.nodes.db.inFlight).toBeGreaterThan(1000);
	});

	it('coldRestart: the caches come back empty and the database takes a thundering herd', () => {
		const d = design(
			[
				node('users', 'client', readClient(2000, { keys: 1000, zipf: 0.8 })),
				node('api', 'service', group(4, 64, 1)),
				node('cache', 'cache', { instances: 2, capacity: 2000, ttlS: 0 }),
				node('db', 'database', { concurrency: 200, readMs: 2, queueLimit: BIG })
			],
			[edge('users', 'api'), edge('api', 'cache'), edge('api', 'db')],
			{ durationS: 30, events: [{ atS: 20, action: 'coldRestart', target: 'api', durationS: 2 }] }
		);
		const { fs } = run(d);
		expect(sum(fs, 20, 22, (f) => f.nodes.api.completed)).toBe(0);
		const before = sum(fs, 17, 20, (f) => f.nodes.db.arrived) / 3;
		expect(fs.find((f) => f.t === 23)!.nodes.db.arrived).toBeGreaterThan(20 * Math.max(1, before));
		expect(fs.find((f) => f.t === 23)!.nodes.cache.hitRatio!).toBeLessThan(fs.find((f) => f.t === 19)!.nodes.cache.hitRatio! - 0.2);
	});

	it('diskFull: every write fails, no read does', () => {
		const { fs } = run(chain([{ atS: 10, action: 'diskFull', target: 'db', durationS: 10 }], { write: 0.2 }));
		const w = sum(fs, 10, 20, (f) => f.nodes.db.failed.unavailable), arr = sum(fs, 10, 20, (f) => f.nodes.db.arrived);
		expect(Math.abs(w / arr - 0.2)).toBeLessThan(0.03);
		expect(sum(fs, 21, 30, (f) => fails(f.global))).toBe(0);
	});

	it('replicationLag: follower reads of recently written keys turn stale', () => {
		const d = design(
			[
				node('users', 'client', readClient(1000, { mix: { static: 0, read: 0.8, write: 0.2 }, keys: 200, zipf: 0 })),
				node('api', 'service', group(2, 64, 1)),
				node('leader', 'database', { concurrency: 200, readMs: 1, writeMs: 1, queueLimit: BIG }),
				node('follower', 'database', { role: 'follower', concurrency: 200, readMs: 1, queueLimit: BIG })
			],
			[edge('users', 'api'), edge('api', 'leader'), edge('api', 'follower', { carries: ['read'] }), edge('leader', 'follower', { lagMs: 1 })],
			{ durationS: 30, events: [{ atS: 10, action: 'replicationLag', target: 'follower', lagMs: 2000, durationS: 10 }] }
		);
		const { fs } = run(d);
		const stale = (a: number, b: number) => sum(fs, a, b, (f) => f.nodes.follower.staleReads ?? 0) / sum(fs, a, b, (f) => f.nodes.follower.completed);
		// Writes to one of 200 keys at 200/s: 1 − e^(−1·2) = 0.86 of reads see a key written in the last 2 s.
		expect(stale(12, 20)).toBeGreaterThan(0.8);
		expect(stale(0, 10)).toBeLessThan(0.01);
		expect(stale(21, 30)).toBeLessThan(0.01);
	});

	it('consumerCrash: the backlog grows at the publish rate, then drains', () => {
		const d = design(
			[node('users', 'client', { rps: 200, mix: { static: 0, read: 0, write: 1 }, timeoutMs: 1e9 }), node('q', 'queue', {}), node('w', 'worker', { instances: 2, concurrency: 4, serviceTimeMs: 5 })],
			[edge('users', 'q'), edge('q', 'w')],
			{ durationS: 40, events: [{ atS: 10, action: 'consumerCrash', target: 'w', durationS: 10 }] }
		);
		const { fs } = run(d);
		const depth = (t: number) => fs.find((f) => f.t === t)!.nodes.q.depth!;
		expect(depth(19)).toBeGreaterThan(1500);
		expect(depth(19)).toBeLessThan(2100);
		expect(depth(35)).toBeLessThan(20);
	});

	it('poisonMessages: redelivered forever they throttle the queue; with maxReceives they land in the DLQ', () => {
		// 100 publishes/s, 10 % poison from 5 s; the worker does 200/s (4 × 20 ms). With a 1 s
		// visibility timeout each poison message comes back every second: by about 15 s they
		// take all four workers and the good messages pile up.
		const poisoned = (q: Record<string, unknown>) =>
			run(
				design(
					[node('users', 'client', { rps: 100, mix: { static: 0, read: 0, write: 1 }, timeoutMs: 1e9 }), node('q', 'queue', q), node('w', 'worker', { instances: 1, concurrency: 4, serviceTimeMs: 20 })],
					[edge('users', 'q'), edge('q', 'w')],
					{ durationS: 40, events: [{ atS: 5, action: 'poisonMessages', target: 'q', rate: 0.1, durationS: 0 }] }
				)
			).r.nodes.q;
		const forever = poisoned({ visibilityTimeoutS: 1 });
		expect(forever.depth).toBeGreaterThan(300);
		expect(forever.redelivered).toBeGreaterThan(3000);
		expect(forever.deadLettered).toBe(0);
		const dlq = poisoned({ visibilityTimeoutS: 1, maxReceives: 3 });
		expect(dlq.depth).toBeLessThan(50);
		// ≈ 10 % of 35 s × 100/s = 350 poison messages (binomial σ ≈ 18), less the last ~2 s still on their receives.
		expect(dlq.deadLettered).toBeGreaterThan(250);
		expect(dlq.deadLettered).toBeLessThan(400);
		// Each is received three times: two redeliveries per dead letter (plus those still on their way).
		expect(dlq.redelivered).toBeGreaterThanOrEqual(2 * dlq.deadLettered!);
		expect(dlq.redelivered).toBeLessThan(2 * dlq.deadLettered! + 80);
		// Without a visibility timeout a failed message is dropped after its one try.
		const once = poisoned({});
		expect(once.discarded).toBeGreaterThan(250);
		expect(once.redelivered).toBe(0);
	});

	it('badDeploy: errors rise in steps as instances take the bad version', () => {
		const { fs } = run(chain([{ atS: 5, action: 'badDeploy', target: 'api', rate: 1, stepS: 5 }]));
		const share = (a: number, b: number) => sum(fs, a, b, (f) => f.nodes.api.failed.unavailable) / sum(fs, a, b, (f) => f.nodes.api.arrived);
		// 1, 2, 3, 4 of 4 instances bad from 5, 10, 15, 20 s (random instance choice: share = bad / 4).
		expect(share(6, 10)).toBeGreaterThan(0.18);
		expect(share(6, 10)).toBeLessThan(0.32);
		expect(share(16, 20)).toBeGreaterThan(0.68);
		expect(share(21, 30)).toBeGreaterThan(0.99);
	});

	it('warmRestart: the restart loses in-flight work, then latency decays back over the warm-up', () => {
		const { fs } = run(chain([{ atS: 5, action: 'warmRestart', target: 'api', factor: 8, warmupS: 10 }]));
		const m = (t: number) => fs.find((f) => f.t === t)!.nodes.api.latency.mean;
		expect(m(6)).toBeGreaterThan(4 * m(4));
		expect(m(12)).toBeLessThan(m(6));
		expect(m(20)).toBeLessThan(1.5 * m(4));
	});

	it('recover ends every degradation on its target', () => {
		const { fs } = run(
			chain([
				{ atS: 5, action: 'errorRate', target: 'db', rate: 0.5 },
				{ atS: 5, action: 'diskFull', target: 'db' },
				{ atS: 10, action: 'recover', target: 'db' }
			], { write: 0.2 })
		);
		expect(sum(fs, 5, 10, (f) => fails(f.global))).toBeGreaterThan(1000);
		expect(sum(fs, 11, 30, (f) => fails(f.global))).toBe(0);
	});
});
