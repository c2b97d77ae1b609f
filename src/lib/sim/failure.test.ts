// @vitest-environment node
// Failure figures (issue 9, items 4–6): lost writes are failures for the client too, stale
// reads only where a read misses a write already acknowledged, and the time failures cost.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MetricsFrame } from './types';
import { simulate } from './index';
import { design, edge, node } from '$testing/testkit';
import { staleFraction } from './theory';
import type { ScenarioEvent } from '../model/types';

type Mode = 'async' | 'sync' | 'semi-sync';

/** Writers → leader, readers → two followers (lag 100 ms and 300 ms), 100 keys. */
function replicated(mode: Mode, events: ScenarioEvent[] = []) {
	const db = { concurrency: 1000, readMs: 0.01, writeMs: 0.01, serviceDist: 'constant', failoverS: 5 };
	return simulate(
		design(
			[
				node('w', 'client', { rps: 200, mix: { static: 0, read: 0, write: 1 }, keys: 100, zipf: 0, timeoutMs: 1e9 }),
				node('r1', 'client', { rps: 1000, mix: { static: 0, read: 1, write: 0 }, keys: 100, zipf: 0, timeoutMs: 1e9 }),
				node('r2', 'client', { rps: 1000, mix: { static: 0, read: 1, write: 0 }, keys: 100, zipf: 0, timeoutMs: 1e9 }),
				node('leader', 'database', db),
				node('f1', 'database', { ...db, role: 'follower' }),
				node('f2', 'database', { ...db, role: 'follower' })
			],
			[
				edge('w', 'leader', { carries: ['write'] }),
				edge('r1', 'f1', { carries: ['read'] }),
				edge('r2', 'f2', { carries: ['read'] }),
				edge('leader', 'f1', { mode, lagMs: 100 }),
				edge('leader', 'f2', { mode, lagMs: 300 })
			],
			{ durationS: 40, events }
		)
	);
}

describe('lost writes', () => {
	it('an async leader’s lost writes are failures at the client, as in the global counts', () => {
		const r = replicated('async', [{ atS: 20, action: 'fail', target: 'leader' }]);
		expect(r.nodes.leader.lostWrites!).toBeGreaterThan(5);
		expect(r.global.failed.lost).toBeGreaterThan(5);
		const w = r.nodes.w;
		expect(w.completed).toBe(r.global.completed - r.nodes.r1.completed - r.nodes.r2.completed);
		expect(w.failed.lost).toBe(r.global.failed.lost);
		expect(w.arrived).toBe(w.completed + Object.values(w.failed).reduce((a, b) => a + b, 0));
	});
});

describe('stale reads', () => {
	it('async: a follower read is stale with probability 1 − e^(−λ·lag)', () => {
		const r = replicated('async');
		// 2 writes/s per key; 40 k reads per follower, correlated over the lag: allow 0.015.
		expect(Math.abs(r.nodes.f1.staleReads! / r.nodes.f1.completed - staleFraction(2, 0.1))).toBeLessThan(0.015);
		expect(Math.abs(r.nodes.f2.staleReads! / r.nodes.f2.completed - staleFraction(2, 0.3))).toBeLessThan(0.015);
	});
	it('sync: no read misses an acknowledged write', () => {
		const r = replicated('sync');
		expect(r.nodes.f1.completed).toBeGreaterThan(30000);
		expect(r.nodes.f1.staleReads).toBe(0);
		expect(r.nodes.f2.staleReads).toBe(0);
	});
	it('semi-sync: the acknowledging follower is never stale; the slower one only after the ack', () => {
		const r = replicated('semi-sync');
		expect(r.nodes.f1.staleReads).toBe(0);
		// Acknowledged 100 ms after the commit, visible on f2 at 300 ms: stale if a write landed
		// in the 200 ms window that ended 100 ms before the read, 1 − e^(−2·0.2).
		expect(Math.abs(r.nodes.f2.staleReads! / r.nodes.f2.completed - staleFraction(2, 0.2))).toBeLessThan(0.015);
	});
});

describe('the time failures cost', () => {
	it('latencyFailed: from the client’s send to the moment it learns of the failure', () => {
		// A 10 ms single worker at 150 rps (ρ = 1.5): requests time out at the client's 200 ms.
		const r = simulate(
			design(
				[node('c', 'client', { rps: 150, mix: { static: 0, read: 1, write: 0 }, timeoutMs: 200 }), node('s', 'service', { instances: 1, concurrency: 1, serviceTimeMs: 10, queueLimit: 1e6 })],
				[edge('c', 's')],
				{ durationS: 30, warmupS: 5 }
			)
		);
		expect(r.global.failed.timeout).toBeGreaterThan(1000);
		const lf = r.global.latencyFailed as { mean: number; p99: number; max: number };
		expect(lf.mean).toBeCloseTo(200, 0);
		expect(lf.max).toBeLessThan(203);
		expect((r.nodes.c.latencyFailed as { mean: number }).mean).toBeCloseTo(200, 0);
	});
	it('an unavailable target fails fast: latencyFailed is the round trip', () => {
		const r = simulate(
			design(
				[node('c', 'client', { rps: 100, mix: { static: 0, read: 1, write: 0 } }), node('s', 'service', { instances: 1 })],
				[edge('c', 's', { latencyMs: 2 })],
				{ durationS: 10, events: [{ atS: 0, action: 'fail', target: 's' }] }
			)
		);
		expect(r.global.successRatio).toBe(0);
		expect((r.global.latencyFailed as { mean: number }).mean).toBeCloseTo(4, 1);
		// At the node itself the failure took no time.
		expect((r.nodes.s.latencyFailed as { mean: number }).mean).toBe(0);
	});
});

describe('bookkeeping under failures (property)', () => {
	const arb = fc.record({
		mode: fc.constantFrom<Mode>('async', 'sync', 'semi-sync'),
		writeShare: fc.double({ min: 0.05, max: 1, noNaN: true }),
		rps: fc.integer({ min: 20, max: 600 }),
		viaService: fc.boolean(),
		withCache: fc.constantFrom('none', 'cache-aside', 'read-through', 'write-through'),
		lagMs: fc.integer({ min: 1, max: 400 }),
		timeoutMs: fc.integer({ min: 5, max: 3000 }),
		retries: fc.integer({ min: 0, max: 2 }),
		events: fc.array(
			fc.record({
				atS: fc.double({ min: 0, max: 8, noNaN: true }),
				action: fc.constantFrom('fail', 'recover', 'failInstance', 'flush', 'slow'),
				target: fc.constantFrom('leader', 'f1', 'web', 'cache')
			}),
			{ maxLength: 5 }
		),
		seed: fc.integer({ min: 0, max: 1000 })
	});
	it('arrived = completed + failed + in flight at every node; the clients’ counts are the global ones', () => {
		fc.assert(
			fc.property(arb, (g) => {
				const db = { concurrency: 4, readMs: 2, writeMs: 3, failoverS: 2, queueLimit: 50 };
				const entry = g.viaService ? 'web' : 'leader';
				const nodes = [
					node('c', 'client', { rps: g.rps, mix: { static: 0, read: 1 - g.writeShare, write: g.writeShare }, keys: 50, zipf: 0.9, timeoutMs: g.timeoutMs }),
					node('c2', 'client', { rps: g.rps / 2, mix: { static: 0, read: 0.5, write: 0.5 }, keys: 50, timeoutMs: g.timeoutMs }),
					node('web', 'service', { instances: 2, concurrency: 4, serviceTimeMs: 1, queueLimit: 20 }),
					node('leader', 'database', db),
					node('f1', 'database', { ...db, role: 'follower' }),
					node('cache', 'cache', { capacity: 20, strategy: g.withCache === 'none' ? 'cache-aside' : g.withCache })
				];
				const edges = [
					edge('c', entry, { retries: g.retries, timeoutMs: g.timeoutMs / 2 }),
					edge('c2', 'web'),
					edge('web', 'leader'),
					edge('web', 'f1', { carries: ['read'] }),
					edge('leader', 'f1', { mode: g.mode, lagMs: g.lagMs })
				];
				if (g.withCache !== 'none') edges.push(edge('web', 'cache'), edge('cache', 'leader'));
				const fs: MetricsFrame[] = [];
				const r = simulate(design(nodes, edges, { durationS: 10, seed: g.seed, events: g.events as ScenarioEvent[] }), { onFrame: (f) => fs.push(f) });
				const sumF = (f: Record<string, number>) => Object.values(f).reduce((a, b) => a + b, 0);
				for (const id of Object.keys(r.nodes)) {
					let arr = 0, done = 0;
					for (const f of fs) {
						arr += f.nodes[id].arrived;
						done += f.nodes[id].completed + sumF(f.nodes[id].failed);
					}
					expect(arr - done, id).toBe(fs[fs.length - 1].nodes[id].inFlight);
					expect(r.nodes[id].completed, id).toBeGreaterThanOrEqual(0);
				}
				for (const k of ['arrived', 'completed'] as const) expect(r.nodes.c[k] + r.nodes.c2[k], k).toBe(r.global[k]);
				for (const reason of Object.keys(r.global.failed) as (keyof typeof r.global.failed)[])
					expect(r.nodes.c.failed[reason] + r.nodes.c2.failed[reason], reason).toBe(r.global.failed[reason]);
				expect(r.global.failed.lost).toBeLessThanOrEqual(r.nodes.leader.lostWrites! + r.nodes.f1.lostWrites!);
			}),
			{ numRuns: 40 }
		);
	});
});
