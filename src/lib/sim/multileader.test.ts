// @vitest-environment node
// Multi-leader replication (docs/model.md, "Consistency"): conflicts and lost updates
// against the closed forms for Poisson writes on uniform keys.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MetricsFrame } from './types';
import { simulate } from './index';
import { design, edge, node } from '$testing/testkit';
import { conflictProbability, lostUpdateProbability } from './theory';
import type { Params } from '../model/types';

const KEYS = 200, RUN = 60, WARM = 5;

/** Writers in two places, each at its own leader; leaders replicate to each other with lags (ms). */
function run(o: { rpsA: number; rpsB: number; lagAB: number; lagBA: number; multi?: boolean; extra?: Params; seed?: number }) {
	const c = (rps: number) => ({ rps, mix: { static: 0, read: 0, write: 1 }, keys: KEYS, zipf: 0, timeoutMs: 1e9 });
	const db = { concurrency: 1000, writeMs: 0.01, readMs: 0.01, serviceDist: 'constant', ...o.extra };
	return simulate(
		design(
			[
				node('ca', 'client', c(o.rpsA)),
				node('cb', 'client', c(o.rpsB)),
				node('a', 'database', { ...db, role: 'leader', multiLeader: o.multi ?? true }),
				node('b', 'database', { ...db, role: 'leader', multiLeader: o.multi ?? true })
			],
			[edge('ca', 'a'), edge('cb', 'b'), edge('a', 'b', { lagMs: o.lagAB }), edge('b', 'a', { lagMs: o.lagBA })],
			{ durationS: RUN, warmupS: WARM, seed: o.seed ?? 1 }
		)
	);
}

/** 4 binomial standard errors over the writes counted. */
const tol = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('multi-leader conflicts (last write wins)', () => {
	it('symmetric lag: a write conflicts with probability 1 − e^(−2λL), is lost with λ_o/(λ + λ_o)(1 − e^(−(λ + λ_o)L))', () => {
		// 100 writes/s at each leader over 200 keys: λ = 0.5 per key; L = 300 ms.
		const r = run({ rpsA: 100, rpsB: 100, lagAB: 300, lagBA: 300 });
		for (const [id, own, other] of [['a', 0.5, 0.5], ['b', 0.5, 0.5]] as const) {
			const n = r.nodes[id];
			const pc = conflictProbability(other, 0.3, 0.3), pl = lostUpdateProbability(own, other, 0.3);
			expect(n.completed).toBeGreaterThan(5000);
			expect(Math.abs(n.conflicts! / n.completed - pc), `${id} conflicts`).toBeLessThan(tol(pc, n.completed));
			expect(Math.abs(n.lostUpdates! / n.completed - pl), `${id} lost`).toBeLessThan(tol(pl, n.completed));
		}
	});

	it('unequal rates and lags: each side by its own rate and its lags', () => {
		// A writes 150/s (λ 0.75 per key), B 50/s (0.25); A → B lags 100 ms, B → A 400 ms.
		const r = run({ rpsA: 150, rpsB: 50, lagAB: 100, lagBA: 400 });
		const cases = [
			{ id: 'a', pc: conflictProbability(0.25, 0.4, 0.1), pl: lostUpdateProbability(0.75, 0.25, 0.1) },
			{ id: 'b', pc: conflictProbability(0.75, 0.1, 0.4), pl: lostUpdateProbability(0.25, 0.75, 0.4) }
		];
		for (const { id, pc, pl } of cases) {
			const n = r.nodes[id];
			expect(Math.abs(n.conflicts! / n.completed - pc), `${id} conflicts`).toBeLessThan(tol(pc, n.completed));
			expect(Math.abs(n.lostUpdates! / n.completed - pl), `${id} lost`).toBeLessThan(tol(pl, n.completed));
		}
	});

	it('one leader (multiLeader off): writes go to the set\'s leader, nothing conflicts, no figure', () => {
		const r = run({ rpsA: 100, rpsB: 100, lagAB: 300, lagBA: 300, multi: false });
		expect(r.nodes.b.completed).toBe(0);
		expect(r.nodes.a.completed).toBeGreaterThan(10_000);
		expect(r.nodes.a.conflicts).toBeUndefined();
	});

	it('no lag, no conflicts; a longer lag, more of them', () => {
		const none = run({ rpsA: 100, rpsB: 100, lagAB: 0, lagBA: 0 });
		expect(none.nodes.a.conflicts).toBe(0);
		expect(none.nodes.b.lostUpdates).toBe(0);
		const long = run({ rpsA: 100, rpsB: 100, lagAB: 1000, lagBA: 1000 });
		expect(long.nodes.a.conflicts!).toBeGreaterThan(run({ rpsA: 100, rpsB: 100, lagAB: 300, lagBA: 300 }).nodes.a.conflicts!);
	});
});

describe('bookkeeping with multi-leader writes (property)', () => {
	it('frames sum to the run; lost updates never exceed the writes; arrived = completed + failed + in flight', () => {
		fc.assert(
			fc.property(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (rps, lag, seed, fail) => {
				const fs: MetricsFrame[] = [];
				const c = { rps, mix: { static: 0, read: 0.5, write: 0.5 }, keys: 20, zipf: 0.8, timeoutMs: 500 };
				const db = { concurrency: 4, writeMs: 2, readMs: 1, queueLimit: 20, failoverS: 1 };
				const r = simulate(
					design(
						[node('ca', 'client', c), node('cb', 'client', c), node('a', 'database', { ...db, multiLeader: true }), node('b', 'database', { ...db, multiLeader: true }), node('f', 'database', { ...db, role: 'follower' })],
						[edge('ca', 'a'), edge('cb', 'b'), edge('a', 'b', { lagMs: lag }), edge('b', 'a', { lagMs: lag }), edge('a', 'f', { lagMs: lag })],
						{ durationS: 8, seed, events: fail ? [{ atS: 3, action: 'fail', target: 'a' }] : [] }
					),
					{ onFrame: (f) => fs.push(f) }
				);
				const sumF = (f: Record<string, number>) => Object.values(f).reduce((x, y) => x + y, 0);
				for (const id of ['a', 'b', 'f', 'ca', 'cb']) {
					let arr = 0, done = 0, lost = 0;
					for (const f of fs) {
						arr += f.nodes[id].arrived;
						done += f.nodes[id].completed + sumF(f.nodes[id].failed);
						lost += f.nodes[id].lostUpdates ?? 0;
					}
					expect(arr - done, id).toBe(fs[fs.length - 1].nodes[id].inFlight);
					if (id === 'a' || id === 'b') {
						expect(lost, id).toBe(r.nodes[id].lostUpdates);
						expect(r.nodes[id].lostUpdates!).toBeLessThanOrEqual(r.nodes[id].completed + r.nodes[id].failed.lost);
					}
				}
				for (const k of ['arrived', 'completed'] as const) expect(r.nodes.ca[k] + r.nodes.cb[k], k).toBe(r.global[k]);
			}),
			{ numRuns: 25 }
		);
	});
});

describe('multi-leader roles', () => {
	it('every leader that takes writes reports itself a leader, and its reads are not counted stale', () => {
		const c = (rps: number) => ({ rps, mix: { static: 0, read: 0.5, write: 0.5 }, keys: 50, zipf: 0, timeoutMs: 1e9 });
		const db = { concurrency: 1000, writeMs: 0.01, readMs: 0.01, serviceDist: 'constant', multiLeader: true };
		const r = simulate(
			design(
				[node('ca', 'client', c(100)), node('cb', 'client', c(100)), node('a', 'database', db), node('b', 'database', db)],
				[edge('ca', 'a'), edge('cb', 'b'), edge('a', 'b', { lagMs: 500 }), edge('b', 'a', { lagMs: 500 })],
				{ durationS: 20 }
			)
		);
		expect(r.nodes.a.leader).toBe(1);
		expect(r.nodes.b.leader).toBe(1);
		expect(r.nodes.b.staleReads).toBe(0);
		expect(r.nodes.b.conflicts!).toBeGreaterThan(100);
	});
});
