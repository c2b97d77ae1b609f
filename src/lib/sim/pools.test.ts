// @vitest-environment node
// Connection pools against their closed forms: with no waiting allowed a pool of k is an
// M/M/k/k loss system, so the refused share is Erlang B(k, λ·d); with waiting, the pool caps
// the dependency's throughput at k/d per caller instance. Bulkheads: a dependency slowed 10×
// takes down a blocking caller's other path unless each dependency has its own pool.
import { describe, expect, it } from 'vitest';
import { simulate } from './index';
import { erlangB } from './theory';
import type { MetricsFrame } from './types';
import { design, edge, group, node, readClient } from '$testing/testkit';

const sum = (fs: MetricsFrame[], from: number, to: number, f: (x: MetricsFrame) => number) =>
	fs.filter((x) => x.t > from && x.t <= to).reduce((a, x) => a + f(x), 0);

/** Client → api (no time of its own) → dependency (d ms, exponential, never queueing), pooled. */
const pooled = (rps: number, apiInstances: number, pool: Record<string, unknown>, T: number, d = 10) =>
	design(
		[
			node('users', 'client', readClient(rps)),
			node('api', 'service', group(apiInstances, 100_000, 0)),
			node('dep', 'service', group(1, 100_000, d))
		],
		[edge('users', 'api'), edge('api', 'dep', { pool: { enabled: true, ...pool } })],
		{ durationS: T }
	);

describe('connection pools', () => {
	it('with no wait allowed, refuse the Erlang B share (M/M/k/k)', () => {
		const T = 300, lambda = 800, d = 0.01, k = 10;
		const r = simulate(pooled(lambda, 1, { size: k, waitTimeoutMs: 0 }, T));
		const refused = r.nodes.api.failed['pool-timeout'] / r.nodes.api.arrived;
		const B = erlangB(k, lambda * d); // 0.1217
		// Binomial standard error over the run's calls, inflated for the correlation of
		// refusals within a holding time (about 1 + 2a calls), × 4.
		const se = Math.sqrt((B * (1 - B)) / (lambda * T)) * Math.sqrt(1 + 2 * lambda * d);
		expect(Math.abs(refused - B)).toBeLessThan(4 * se);
		// Every refusal is the caller's: the dependency never saw it, and the identity holds.
		expect(r.nodes.dep.arrived + r.nodes.api.failed['pool-timeout']).toBe(r.nodes.api.arrived);
		expect(r.global.failed['pool-timeout']).toBe(r.nodes.api.failed['pool-timeout']);
	});

	it('with waiting, cap the dependency at k/d per caller instance', () => {
		const T = 60, k = 4, d = 0.01, inst = 2;
		const frames: MetricsFrame[] = [];
		simulate(pooled(1200, inst, { size: k, waitTimeoutMs: 100 }, T), { onFrame: (f) => frames.push(f) });
		const done = sum(frames, 5, T, (f) => f.nodes.dep.completed);
		const cap = (inst * k) / d; // 800/s
		const rate = done / (T - 5);
		// Always k busy connections: completions are a Poisson count at rate k/d per instance.
		expect(Math.abs(rate - cap) / cap).toBeLessThan(4 / Math.sqrt(done) + 0.01);
		// What the pool could not carry waited its 100 ms and failed pool-timeout.
		const refused = sum(frames, 5, T, (f) => f.nodes.api.failed['pool-timeout']) / (T - 5);
		expect(Math.abs(refused - (1200 - cap)) / (1200 - cap)).toBeLessThan(0.05);
	});

	it('a wait shorter than the timeout costs nothing: light load waits rarely and never fails', () => {
		const r = simulate(pooled(100, 1, { size: 10, waitTimeoutMs: 1000 }, 60));
		expect(r.global.failed['pool-timeout']).toBe(0);
		expect(r.global.successRatio).toBe(1);
	});
});

describe('bulkheads', () => {
	// Pages (static) go web → pages service; reads go web → a slow-able dependency. The web
	// tier is thread-per-request (blocking): a worker waits for its downstream call.
	const twoDeps = (pools: boolean) =>
		design(
			[
				node('pages', 'client', { rps: 300, mix: { static: 1, read: 0, write: 0 }, timeoutMs: 1000 }),
				node('readers', 'client', { rps: 300, mix: { static: 0, read: 1, write: 0 }, timeoutMs: 1000 }),
				node('web', 'service', { instances: 2, concurrency: 16, serviceTimeMs: 1, queueLimit: 50, blocking: true }),
				node('assets', 'service', group(2, 100, 5)),
				node('profile', 'service', group(2, 100, 30))
			],
			[
				edge('pages', 'web'),
				edge('readers', 'web'),
				edge('web', 'assets', { carries: ['static'], ...(pools ? { pool: { enabled: true, size: 8, waitTimeoutMs: 0 } } : {}) }),
				edge('web', 'profile', { carries: ['read'], ...(pools ? { pool: { enabled: true, size: 12, waitTimeoutMs: 0 } } : {}) })
			],
			{ durationS: 40, events: [{ atS: 10, action: 'slow', target: 'profile', factor: 10 }] }
		);
	const pageSuccess = (pools: boolean) => {
		const fs: MetricsFrame[] = [];
		simulate(twoDeps(pools), { onFrame: (f) => fs.push(f) });
		return sum(fs, 12, 40, (f) => f.nodes.pages.completed) / sum(fs, 12, 40, (f) => f.nodes.pages.arrived);
	};

	it('without them a dependency slowed 10× takes the healthy path down with it', () => {
		expect(pageSuccess(false)).toBeLessThan(0.5);
	});

	it('with a pool per dependency the healthy path keeps ≥ 99 % success', () => {
		expect(pageSuccess(true)).toBeGreaterThanOrEqual(0.99);
	});
});
