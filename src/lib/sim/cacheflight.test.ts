// @vitest-environment node
// Cache request coalescing (single-flight) and stale-while-revalidate against closed forms.
// After a flush, key i (rate r) costs the database one read when it is first asked for, plus,
// without coalescing, every request for it during the fetch time D:
//   E[reads in W] = (1 − e^(−rW)) + r·E[min(D, W − T₁); T₁ < W],  T₁ ~ Exp(r)
// and with coalescing only the first term. Stale-while-revalidate with one key at rate λ, TTL
// τ and refresh time D: each period serves 1 + λD stale hits (the first stale hit, then those
// during its refresh) of λ(τ + D) + 1 requests, with exactly one refresh.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { zipfPmf } from './theory';
import type { MetricsFrame } from './types';
import { BIG, design, edge, group, node, readClient } from '$testing/testkit';

const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);

/** users → api → cache (and, cache-aside, api → db; read-through, cache → db). DB reads take D ms exactly. */
function cached(strategy: 'cache-aside' | 'read-through', cache: Record<string, unknown>, client: Record<string, unknown>, D: number, T: number, events: { atS: number; action: 'flush'; target: string }[]) {
	const aside = strategy === 'cache-aside';
	return design(
		[
			node('users', 'client', readClient(0, client)),
			node('api', 'service', group(1, BIG, 0)),
			node('cache', 'cache', { ...group(1, BIG, 0), strategy, ttlS: 0, ...cache }),
			node('db', 'database', { instances: 1, concurrency: BIG, queueLimit: BIG, readMs: D, serviceDist: 'constant' })
		],
		[edge('users', 'api'), edge('api', 'cache'), aside ? edge('api', 'db') : edge('cache', 'db')],
		{ durationS: T, events }
	);
}

describe('request coalescing (single-flight)', () => {
	for (const strategy of ['cache-aside', 'read-through'] as const)
		it(`${strategy}: N simultaneous misses for one key make exactly 1 database read`, () => {
			const run = (coalesce: boolean) =>
				simulate(cached(strategy, { capacity: 10, coalesce }, { rps: 1000, keys: 1 }, 100, 5, [{ atS: 1, action: 'flush', target: 'cache' }]));
			const on = run(true), off = run(false);
			// The flush at 1 s: ~100 requests arrive during the 100 ms read.
			expect(off.nodes.db.arrived).toBeGreaterThan(50);
			expect(on.nodes.db.arrived).toBe(1);
			expect(on.nodes.cache.coalesced).toBeGreaterThan(50);
			expect(on.global.successRatio).toBe(1);
		});

	it('after a flush under Zipf load, the database’s peak read rate falls by the expected factor', () => {
		const lambda = 5000, keys = 500, s = 0.99, D = 0.05, W = 1;
		const p = zipfPmf(keys, s);
		let withC = 0, withoutC = 0;
		for (const pi of p) {
			const r = lambda * pi;
			const first = 1 - Math.exp(-r * W);
			// E[min(D, W − T₁); T₁ < W] in closed form.
			const during = D * (1 - Math.exp(-r * (W - D))) + Math.exp(-r * W) * (D * Math.exp(r * D) - (Math.exp(r * D) - 1) / r);
			withC += first;
			withoutC += first + r * during;
		}
		const peak = (coalesce: boolean) => {
			const fs: MetricsFrame[] = [];
			simulate(cached('cache-aside', { capacity: keys, coalesce }, { rps: lambda, keys, zipf: s }, D * 1000, 12, [{ atS: 10, action: 'flush', target: 'cache' }]), {
				onFrame: (f) => fs.push(f)
			});
			// Before the flush every key seen is cached (capacity = keys, no TTL): the frame after it is the peak.
			return sum(fs, 10, 11, (f) => f.nodes.db.arrived);
		};
		const on = peak(true), off = peak(false);
		// Counts of independent keys' reads: Poisson-like, sd ≈ √E; 4 sd.
		expect(Math.abs(on - withC)).toBeLessThan(4 * Math.sqrt(withC));
		expect(Math.abs(off - withoutC)).toBeLessThan(4 * Math.sqrt(withoutC));
		// The peak falls by withoutC / withC (≈ 1.53 here); relative sd of a ratio of counts √(1/a + 1/b).
		const factor = withoutC / withC;
		expect(factor).toBeGreaterThan(1.4);
		expect(Math.abs(off / on - factor) / factor).toBeLessThan(4 * Math.sqrt(1 / withC + 1 / withoutC));
	});
});

describe('stale-while-revalidate', () => {
	it('serves expired hits at hit time, refreshes once per expiry, and reports the stale share', () => {
		const lambda = 1000, ttl = 1, D = 0.01, T = 120;
		const run = (swrS: number) =>
			simulate(cached('read-through', { capacity: 10, ttlS: ttl, swrS }, { rps: lambda, keys: 1 }, D * 1000, T, []));
		const on = run(5), off = run(0);
		// Each period: the TTL, the wait for the first stale hit (1/λ), the refresh D.
		const periods = T / (ttl + 1 / lambda + D);
		// Exactly one refresh per expiry (±1 for the run's ends).
		expect(Math.abs(on.nodes.db.arrived - periods)).toBeLessThanOrEqual(2);
		const expected = (1 + lambda * D) / (lambda * (ttl + D) + 1);
		const stale = on.nodes.cache.staleServed!;
		expect(Math.abs(stale - expected * on.nodes.cache.arrived)).toBeLessThan(4 * Math.sqrt(expected * on.nodes.cache.arrived));
		expect(on.nodes.cache.staleServedRatio!).toBeCloseTo(stale / on.nodes.cache.arrived, 9);
		// Answers at hit time: nothing waits for the database (without the window, expiries do).
		expect(on.global.latency.max).toBeLessThan(1);
		expect(off.global.latency.max).toBeGreaterThanOrEqual(D * 1000 * 0.99);
	});
});
