// @vitest-environment node
// Behaviour that must emerge from the model rather than be scripted: retry storms, cache
// stampedes, failover losses, breakers, health checks, quorums, limits, regions, spikes.
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate } from './index';
import type { MetricsFrame } from './types';
import { design, edge, group, node, readClient } from '$testing/testkit';
import { quorumUnavailability, staleFraction } from './theory';

const frames = (d: ReturnType<typeof design>) => {
	const out: MetricsFrame[] = [];
	simulate(d, { onFrame: (f) => out.push(f) });
	return out;
};
const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);

describe('retry storm', () => {
	const build = (retries: number) =>
		design(
			[node('users', 'client', readClient(300, { timeoutMs: 60_000 })), node('api', 'service', group(1, 8, 20, { queueLimit: 10_000 }))],
			[edge('users', 'api', { timeoutMs: 200, retries, backoffMs: 20 })],
			{ durationS: 40, events: [{ atS: 10, action: 'slow', target: 'api', factor: 1.5 }] }
		);
	it('timeouts plus retries multiply the load on a slowed service; without retries they do not', () => {
		const storm = simulate(build(3)), calm = simulate(build(0));
		// Offered 300/s; the slowed service can do 8/0.03 = 267/s: it is overloaded either way.
		expect(calm.nodes.api.arrived / calm.nodes.users.arrived).toBeLessThan(1.01);
		expect(storm.nodes.api.arrived / storm.nodes.users.arrived).toBeGreaterThan(2);
		// The extra work is wasted: the callers gave up on it.
		expect(storm.global.successRatio).toBeLessThan(calm.global.successRatio);
	});
});

describe('cache stampede', () => {
	it('a flush sends a burst of misses to the database', () => {
		const fs = frames(
			design(
				[
					node('users', 'client', readClient(2000, { keys: 1000, zipf: 1.1 })),
					node('web', 'service', group(4, 64, 2)),
					node('cache', 'cache', { instances: 2, capacity: 5000, ttlS: 0, strategy: 'cache-aside' }),
					node('db', 'database', { concurrency: 200, readMs: 5, queueLimit: 1e6 })
				],
				[edge('users', 'web'), edge('web', 'cache'), edge('web', 'db')],
				{ durationS: 30, events: [{ atS: 20, action: 'flush', target: 'cache' }] }
			)
		);
		const before = sum(fs, 18, 20, (f) => f.nodes.db.arrived) / 2;
		const after = fs.find((f) => f.t === 21)!.nodes.db.arrived;
		expect(after).toBeGreaterThan(5 * before);
		expect(fs.find((f) => f.t === 21)!.nodes.cache.hitRatio!).toBeLessThan(fs.find((f) => f.t === 19)!.nodes.cache.hitRatio!);
	});

	it('losing a cache instance loses its keys: misses rise', () => {
		const d = design(
			[
				node('users', 'client', readClient(1000, { keys: 500, zipf: 0 })),
				node('web', 'service', group(2, 64, 1)),
				node('cache', 'cache', { instances: 4, capacity: 1000, ttlS: 0, strategy: 'read-through' }),
				node('db', 'database', { concurrency: 200, readMs: 1, queueLimit: 1e6 })
			],
			[edge('users', 'web'), edge('web', 'cache'), edge('cache', 'db')],
			{ durationS: 20, events: [{ atS: 10, action: 'failInstance', target: 'cache', instance: 2 }] }
		);
		const fs = frames(d);
		expect(fs.find((f) => f.t === 10)!.nodes.db.arrived).toBeLessThan(5);
		expect(fs.find((f) => f.t === 11)!.nodes.db.arrived).toBeGreaterThan(20);
	});
});

describe('replication and failover', () => {
	const build = (events = [] as { atS: number; action: 'fail' | 'recover'; target: string }[]) =>
		design(
			[
				node('w', 'client', { rps: 200, mix: { static: 0, read: 0, write: 1 }, keys: 100, zipf: 0, timeoutMs: 1e9 }),
				node('r', 'client', { rps: 2000, mix: { static: 0, read: 1, write: 0 }, keys: 100, zipf: 0, timeoutMs: 1e9 }),
				node('leader', 'database', { concurrency: 1000, readMs: 0.01, writeMs: 0.01, serviceDist: 'constant', failoverS: 5 }),
				node('follower', 'database', { role: 'follower', concurrency: 1000, readMs: 0.01, writeMs: 0.01, serviceDist: 'constant' })
			],
			[edge('w', 'leader', { carries: ['write'] }), edge('r', 'follower', { carries: ['read'] }), edge('leader', 'follower', { mode: 'async', lagMs: 100 })],
			{ durationS: 60, events }
		);
	it('stale follower reads match 1 − e^(−λ·lag)', () => {
		const r = simulate(build());
		// 120 k reads, binomial SE ≈ 0.0011 but reads of one key are correlated over the lag: allow 0.01.
		expect(Math.abs(r.nodes.follower.staleReads! / r.nodes.follower.completed - staleFraction(2, 0.1))).toBeLessThan(0.01);
	});
	it('a failed leader loses its unshipped async writes, refuses writes until a follower is promoted', () => {
		const fs: MetricsFrame[] = [];
		const r = simulate(build([{ atS: 20, action: 'fail', target: 'leader' }]), { onFrame: (f) => fs.push(f) });
		// ≈ 200 writes/s × 0.1 s were not yet on the follower.
		expect(r.nodes.leader.lostWrites!).toBeGreaterThan(5);
		expect(r.nodes.leader.lostWrites!).toBeLessThan(60);
		expect(r.global.failed.lost).toBe(r.nodes.leader.lostWrites);
		expect(fs.find((f) => f.t === 22)!.global.failed.unavailable).toBeGreaterThan(150);
		expect(fs.find((f) => f.t === 22)!.nodes.leader.state).toBe('electing');
		expect(fs.find((f) => f.t === 27)!.nodes.follower.state).toBe('follower-promoted');
		// Promoted after failoverS = 5 s: writes succeed again on the follower.
		expect(fs.find((f) => f.t === 27)!.nodes.follower.completed).toBeGreaterThan(2100);
		expect(fs.find((f) => f.t === 27)!.global.failed.unavailable).toBe(0);
	});
});

describe('circuit breaker', () => {
	it('opens on a failing dependency and fails fast, then closes after it recovers', () => {
		const d = design(
			[node('users', 'client', readClient(200)), node('api', 'service', group(2, 16, 2)), node('dep', 'service', group(1, 16, 5))],
			[edge('users', 'api'), edge('api', 'dep', { breaker: { enabled: true, failureRate: 0.5, windowS: 2, openS: 3, halfOpenProbes: 3 } })],
			{ durationS: 40, events: [{ atS: 10, action: 'fail', target: 'dep' }, { atS: 20, action: 'recover', target: 'dep' }] }
		);
		const fs = frames(d);
		expect(fs.find((f) => f.t === 13)!.nodes.api.state).toMatch(/breaker/);
		// While open, calls do not reach the dead dependency.
		expect(sum(fs, 12, 19, (f) => f.nodes.dep.arrived)).toBeLessThan(0.2 * 200 * 7);
		expect(fs.find((f) => f.t === 30)!.global.failed.unavailable).toBe(0);
		expect(fs.find((f) => f.t === 30)!.nodes.api.state).toBeUndefined();
	});
});

describe('load balancer health checks', () => {
	it('keeps sending to a dead instance until its health check notices', () => {
		const d = design(
			[node('users', 'client', readClient(400)), node('lb', 'loadBalancer', { healthCheckS: 3 }), node('web', 'service', group(4, 16, 5))],
			[edge('users', 'lb'), edge('lb', 'web')],
			{ durationS: 20, events: [{ atS: 5, action: 'failInstance', target: 'web', instance: 0 }] }
		);
		const fs = frames(d);
		expect(fs.find((f) => f.t === 6)!.global.failed.unavailable).toBeGreaterThan(50); // a quarter of 400/s
		expect(fs.find((f) => f.t === 10)!.global.failed.unavailable).toBe(0);
		expect(fs.find((f) => f.t === 10)!.nodes.web.up).toBe(3);
	});
});

describe('kvStore quorum', () => {
	it('matches the binomial unavailability with random replica failures', () => {
		const p = 0.05, mttr = 1e-3, mtbf = (mttr * (1 - p)) / p;
		const d = design(
			[
				node('c', 'client', { rps: 200, mix: { static: 0, read: 0, write: 1 }, keys: 1000, timeoutMs: 1e9 }),
				node('kv', 'kvStore', { nodes: 3, n: 3, w: 2, r: 2, serviceTimeMs: 1e-6, serviceDist: 'constant', concurrency: 1000, failures: { enabled: true, mtbfS: mtbf, mttrS: mttr } })
			],
			[edge('c', 'kv')],
			{ durationS: 500 }
		);
		const r = simulate(d);
		const want = quorumUnavailability(3, 2, 1 - p);
		const se = Math.sqrt((want * (1 - want)) / r.global.arrived) * Math.sqrt(1 + 2 * 200 * (mttr / 2));
		expect(Math.abs(r.global.failed.unavailable / r.global.arrived - want)).toBeLessThan(5 * se);
	});
});

describe('rate limiters', () => {
	for (const algorithm of ['token-bucket', 'leaky-bucket', 'fixed-window', 'sliding-window-log', 'sliding-window-counter']) {
		it(`${algorithm}: lets through about the limit`, () => {
			const d = design(
				[node('c', 'client', readClient(400)), node('rl', 'rateLimiter', { algorithm, limitRps: 200, burst: 20 }), node('s', 'service', group(2, 64, 1))],
				[edge('c', 'rl'), edge('rl', 's')],
				{ durationS: 30, warmupS: 5 }
			);
			const r = simulate(d);
			expect(r.nodes.s.completed / 25).toBeGreaterThan(185);
			expect(r.nodes.s.completed / 25).toBeLessThan(215);
			expect(r.global.failed['rate-limited']).toBeGreaterThan(0);
		});
	}
});

describe('regions', () => {
	const regional = (events: object[]) =>
		design(
			[
				node('u', 'client', readClient(200, { regions: { 'us-east': 1 } })),
				node('geo', 'geoDns', { healthCheckS: 2, clientCacheRatio: 1 }),
				node('us', 'service', group(2, 16, 5), 'us-east'),
				node('eu', 'service', group(2, 16, 5), 'eu-west')
			],
			[edge('u', 'geo'), edge('geo', 'us'), edge('geo', 'eu')],
			{ durationS: 20, events: events as never }
		);
	it('GeoDNS sends users to the nearest region, and to the other one once a region is down', () => {
		const fs = frames(regional([{ atS: 5, action: 'fail', target: 'us-east' }]));
		expect(fs.find((f) => f.t === 4)!.nodes.eu.arrived).toBe(0);
		expect(fs.find((f) => f.t === 10)!.nodes.eu.arrived).toBeGreaterThan(150);
		// Across the Atlantic: 40 ms each way on top of the service.
		expect(fs.find((f) => f.t === 10)!.global.latency.mean).toBeGreaterThan(80);
	});
	it('a partition cuts calls between two regions', () => {
		const d = design(
			[node('u', 'client', readClient(100), 'us-east'), node('api', 'service', group(1, 8, 2), 'us-east'), node('db', 'database', {}, 'eu-west')],
			[edge('u', 'api'), edge('api', 'db')],
			{ durationS: 10, events: [{ atS: 5, action: 'partition', regions: ['us-east', 'eu-west'] }] }
		);
		const fs = frames(d);
		expect(fs.find((f) => f.t === 3)!.global.failed.unavailable).toBe(0);
		expect(fs.find((f) => f.t === 7)!.global.completed).toBe(0);
	});
});

describe('traffic shapes and spikes', () => {
	it('a spike event multiplies the arrival rate for its duration', () => {
		const d = design([node('c', 'client', readClient(200)), node('s', 'service', group(4, 64, 1))], [edge('c', 's')], {
			durationS: 30,
			events: [{ atS: 10, action: 'spike', factor: 3, durationS: 5 }]
		});
		const fs = frames(d);
		const base = sum(fs, 0, 10, (f) => f.global.arrived) / 10;
		const spike = sum(fs, 10, 15, (f) => f.global.arrived) / 5;
		expect(spike / base).toBeGreaterThan(2.6);
		expect(spike / base).toBeLessThan(3.4);
		expect(sum(fs, 20, 30, (f) => f.global.arrived) / 10 / base).toBeLessThan(1.2);
	});
	it('a ramp reaches its target rate', () => {
		const d = design([node('c', 'client', readClient(100, { shape: { kind: 'ramp', toRps: 1000, overS: 10 } })), node('s', 'service', group(4, 64, 1))], [edge('c', 's')], { durationS: 20 });
		const fs = frames(d);
		expect(sum(fs, 15, 20, (f) => f.global.arrived) / 5).toBeGreaterThan(900);
		expect(fs[0].global.arrived).toBeLessThan(300);
	});
});

describe('queue and workers', () => {
	it('an overloaded consumer group builds a backlog at λ − cμ', () => {
		const d = design(
			[node('p', 'client', { rps: 500, mix: { static: 0, read: 0, write: 1 }, timeoutMs: 1e9 }), node('q', 'queue', { publishMs: 0 }), node('w', 'worker', { instances: 1, concurrency: 4, serviceTimeMs: 10 })],
			[edge('p', 'q'), edge('q', 'w')],
			{ durationS: 100 }
		);
		const r = simulate(d);
		// 500/s in, 400/s out: 100/s × 100 s, with a Poisson SE of √(500·100) ≈ 224.
		expect(Math.abs(r.nodes.q.depth! - 10_000)).toBeLessThan(1000);
	});
});

describe('a failed broker', () => {
	it('loses its backlog as unavailable, and conservation still holds', () => {
		const d = design(
			[node('p', 'client', { rps: 500, mix: { static: 0, read: 0, write: 1 }, timeoutMs: 1e9 }), node('q', 'queue', { publishMs: 0 }), node('w', 'worker', { instances: 1, concurrency: 2, serviceTimeMs: 10 })],
			[edge('p', 'q'), edge('q', 'w')],
			{ durationS: 10, events: [{ atS: 5, action: 'fail', target: 'q' }] }
		);
		const r = simulate(d);
		const q = r.nodes.q;
		expect(q.failed.unavailable).toBeGreaterThan(1000); // ≈ 300/s × 5 s of backlog, then refused publishes
		expect(q.failed.lost).toBe(0);
		expect(q.arrived).toBe(q.completed + Object.values(q.failed).reduce((a, b) => a + b, 0) + (q.depth ?? 0));
	});
});

describe('autoscaling', () => {
	it('adds instances under load after their warm-up', () => {
		const d = design(
			[node('c', 'client', readClient(1500)), node('lb', 'loadBalancer', {}), node('s', 'service', group(2, 8, 10, { autoscale: { enabled: true, min: 2, max: 10, targetUtilization: 0.6, evaluateS: 5, warmupS: 5 } }))],
			[edge('c', 'lb'), edge('lb', 's')],
			{ durationS: 60 }
		);
		const fs: MetricsFrame[] = [];
		const r = simulate(d, { onFrame: (f) => fs.push(f) });
		expect(r.nodes.s.instances!).toBeGreaterThanOrEqual(3);
		expect(fs.some((f) => f.nodes.s.state === 'scaling-out')).toBe(true);
	});
});

describe('incremental runs', () => {
	it('advancing in steps gives the same numbers as one run', () => {
		const d = design([node('c', 'client', readClient(300)), node('s', 'service', group(2, 4, 10))], [edge('c', 's')], { durationS: 20, warmupS: 2 });
		const sim = createSimulation(d);
		for (let t = 0.5; t < 25; t += 0.7) sim.advance(t);
		expect(sim.done).toBe(true);
		expect(sim.result()).toEqual(simulate(d));
	});
	it('inject applies a scenario event now', () => {
		const d = design([node('c', 'client', readClient(300)), node('s', 'service', group(2, 4, 10))], [edge('c', 's')], { durationS: 10 });
		const sim = createSimulation(d);
		sim.advance(5);
		sim.inject({ action: 'fail', target: 's' });
		const fs = sim.advance(10);
		expect(fs[fs.length - 1].global.completed).toBe(0);
		expect(fs[fs.length - 1].nodes.s.state).toBe('down');
	});
});
