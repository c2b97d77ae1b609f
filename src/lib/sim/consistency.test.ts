// @vitest-environment node
// Leaderless quorum staleness, read repair and hinted handoff (docs/model.md, "Consistency"),
// against the closed forms of theory.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MetricsFrame } from './types';
import { simulate } from './index';
import { design, edge, node } from '$testing/testkit';
import { quorumMissProbability, quorumStaleFraction } from './theory';
import type { Params, ScenarioEvent } from '../model/types';

const KEYS = 100, WRITES = 200, READS = 800, RUN = 60, WARM = 5;

/** A writer and a reader straight at a store, uniform over 100 keys: 2 writes and 8 reads per key per second. */
function run(kv: Params, events: ScenarioEvent[] = [], o: { durationS?: number; warmupS?: number } = {}) {
	const c = (rps: number, write: number) => ({ rps, mix: { static: 0, read: 1 - write, write }, keys: KEYS, zipf: 0, timeoutMs: 1e9 });
	return simulate(
		design(
			[
				node('writer', 'client', c(WRITES, 1)),
				node('reader', 'client', c(READS, 0)),
				// Tiny exponential service times: the first W (R) answers are a uniform subset, and nothing queues.
				node('kv', 'kvStore', { nodes: 5, n: 3, concurrency: 10_000, serviceTimeMs: 0.01, queueLimit: 1e6, ...kv })
			],
			[edge('writer', 'kv'), edge('reader', 'kv')],
			{ durationS: o.durationS ?? RUN, warmupS: o.warmupS ?? WARM, events }
		)
	);
}

/**
 * Reads within one write's life are correlated (they see the same replicas): the tolerance is
 * 4 binomial standard errors with the sample shrunk to the number of write epochs.
 */
const tol = (p: number, reads: number) => 4 * Math.sqrt((Math.max(p, 0.01) * (1 - p) * (1 + READS / WRITES)) / reads);
const staleShare = (r: ReturnType<typeof run>) => r.nodes.kv.staleReads! / r.nodes.reader.completed;

describe('quorum stale reads', () => {
	it.each([
		[3, 1, 1],
		[3, 2, 1],
		[5, 2, 2],
		[5, 1, 3]
	])('never propagated (N = %i, W = %i, R = %i): C(N − W, R) / C(N, R)', (N, W, R) => {
		const r = run({ nodes: N, n: N, w: W, r: R, propagationMs: 3.6e6 });
		// An hour's mean delay: for these reads, never (h·λ/(λ + R/d) within 0.1 % of h).
		const want = quorumMissProbability(N, W, R);
		expect(r.nodes.reader.completed).toBeGreaterThan(40_000);
		expect(Math.abs(staleShare(r) - want)).toBeLessThan(tol(want, r.nodes.reader.completed));
	});

	it('R + W > N: never stale, however slow the propagation', () => {
		const r = run({ n: 3, w: 2, r: 2, propagationMs: 3.6e6 });
		expect(r.nodes.reader.completed).toBeGreaterThan(40_000);
		expect(r.nodes.kv.staleReads).toBe(0);
	});

	it.each([
		[1, 1, 200],
		[1, 2, 200],
		[1, 1, 50]
	])('exponential propagation (W = %i, R = %i, mean %i ms): h·λ/(λ + R/d)', (W, R, ms) => {
		const r = run({ n: 3, w: W, r: R, propagationMs: ms });
		const want = quorumStaleFraction({ N: 3, W, R, writesPerKey: WRITES / KEYS, readsPerKey: READS / KEYS, propagationS: ms / 1000, readRepair: false });
		expect(want).toBeGreaterThan(0.02);
		expect(Math.abs(staleShare(r) - want)).toBeLessThan(tol(want, r.nodes.reader.completed));
	});

	it('off by default: no stale-read figure, and the same run as before', () => {
		const r = run({ n: 3, w: 1, r: 1 });
		expect(r.nodes.kv.staleReads).toBeUndefined();
		const zero = run({ n: 3, w: 1, r: 1, propagationMs: 0, readRepair: false });
		expect(zero.global).toEqual(r.global);
	});
});

describe('read repair', () => {
	it('the first read after a write repairs every replica: h·λ/(λ + μ + R/d), well below h·λ/(λ + R/d)', () => {
		const base = { n: 3, w: 1, r: 1, propagationMs: 200 };
		const without = run(base), with_ = run({ ...base, readRepair: true });
		const want = quorumStaleFraction({ N: 3, W: 1, R: 1, writesPerKey: 2, readsPerKey: 8, propagationS: 0.2, readRepair: true });
		expect(Math.abs(staleShare(with_) - want)).toBeLessThan(tol(want, with_.nodes.reader.completed));
		expect(staleShare(with_)).toBeLessThan(0.6 * staleShare(without));
	});
});

describe('hinted handoff', () => {
	// One machine of three (N = 3, W = 1, R = 1, propagation at once) is down from 10 s to 20 s.
	const down: ScenarioEvent[] = [
		{ atS: 10, action: 'failInstance', target: 'kv', instance: 0 },
		{ atS: 20, action: 'recover', target: 'kv' }
	];
	// Constant service: every replica that is up applies a write at the same instant as the quorum.
	const kv = { nodes: 3, n: 3, w: 1, r: 1, serviceDist: 'constant' };
	it('without it the recovered replica serves the writes it missed as stale reads; with it, none', () => {
		const without = run(kv, down, { durationS: 30, warmupS: 0 });
		const with_ = run({ ...kv, hintedHandoff: true }, down, { durationS: 30, warmupS: 0 });
		// After 20 s a read of a key written while the machine was down goes to it a third of the
		// time, until the key is written again (2 writes/s per key): about 100 keys × 1/3 × 8/2 stale.
		expect(without.nodes.kv.staleReads!).toBeGreaterThan(100);
		expect(with_.nodes.kv.staleReads).toBe(0);
		expect(with_.global.completed).toBe(without.global.completed);
	});
	it('before the failure and while it lasts nothing is stale (every live replica has every write)', () => {
		const r = run(kv, down.slice(0, 1), { durationS: 20, warmupS: 0 });
		expect(r.nodes.kv.staleReads).toBe(0);
	});
});

describe('bookkeeping with versions tracked (property)', () => {
	it('arrived = completed + failed + in flight per frame; stale reads never exceed the reads answered', () => {
		fc.assert(
			fc.property(
				fc.record({
					w: fc.integer({ min: 1, max: 3 }),
					r: fc.integer({ min: 1, max: 3 }),
					prop: fc.integer({ min: 0, max: 500 }),
					repair: fc.boolean(),
					handoff: fc.boolean(),
					seed: fc.integer({ min: 0, max: 1000 }),
					failAt: fc.double({ min: 0, max: 6, noNaN: true })
				}),
				(g) => {
					const fs: MetricsFrame[] = [];
					const c = (rps: number, write: number) => ({ rps, mix: { static: 0, read: 1 - write, write }, keys: 30, zipf: 0.9, timeoutMs: 300 });
					const r = simulate(
						design(
							[node('writer', 'client', c(150, 1)), node('reader', 'client', c(300, 0)), node('kv', 'kvStore', { nodes: 4, n: 3, w: g.w, r: g.r, concurrency: 4, serviceTimeMs: 2, queueLimit: 20, propagationMs: g.prop, readRepair: g.repair, hintedHandoff: g.handoff })],
							[edge('writer', 'kv', { retries: 1, timeoutMs: 50 }), edge('reader', 'kv')],
							{ durationS: 8, seed: g.seed, events: [{ atS: g.failAt, action: 'failInstance', target: 'kv', instance: 1 }, { atS: g.failAt + 1, action: 'recover', target: 'kv' }] }
						),
						{ onFrame: (f) => fs.push(f) }
					);
					const sumF = (f: Record<string, number>) => Object.values(f).reduce((a, b) => a + b, 0);
					for (const id of ['kv', 'writer', 'reader']) {
						let arr = 0, done = 0;
						for (const f of fs) {
							arr += f.nodes[id].arrived;
							done += f.nodes[id].completed + sumF(f.nodes[id].failed);
						}
						expect(arr - done, id).toBe(fs[fs.length - 1].nodes[id].inFlight);
					}
					expect(r.nodes.kv.staleReads!).toBeLessThanOrEqual(r.nodes.reader.completed);
					expect(fs.reduce((a, f) => a + (f.nodes.kv.staleReads ?? 0), 0)).toBe(r.nodes.kv.staleReads);
				}
			),
			{ numRuns: 30 }
		);
	});
});
