import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../model';
import type { SimResult } from '../../sim/types';
import { CHALLENGES, checkedDesign, gradeChallenge, gradeGoal, openChallenge } from './index';
import { CONCEPTS } from '../concepts';
import { estimate } from '../estimator';
import { AWAITING_SIMULATOR, TOPICS } from '../topics';

const zero = { rejected: 0, 'rate-limited': 0, timeout: 0, unavailable: 0, lost: 0, 'pool-timeout': 0 };
const stat = (p99: number) => ({ mean: p99 / 3, p50: p99 / 4, p95: p99 / 2, p99, max: p99 * 2 });
function result(over: Partial<SimResult['global']> = {}, nodes: SimResult['nodes'] = {}): SimResult {
	return {
		durationS: 30,
		warmupS: 5,
		seed: 1,
		events: 1,
		global: {
			offeredRps: 1000,
			servedRps: 990,
			arrived: 25000,
			completed: 24750,
			failed: { ...zero, rejected: 250 },
			successRatio: 0.99,
			latency: stat(120),
			latencyByType: { read: stat(100), write: stat(300) },
			costPerMonth: 900,
			...over
		},
		nodes
	};
}

describe('grading', () => {
	it('grades each goal with the margin', () => {
		const r = result();
		expect(gradeGoal({ kind: 'throughput', minRps: 950 }, r)).toMatchObject({ met: true, actual: 990, verdict: '990 rps: met with 40 rps to spare' });
		expect(gradeGoal({ kind: 'latency', percentile: 'p99', maxMs: 100 }, r)).toMatchObject({ met: false, verdict: '120 ms: missed by 20 ms' });
		expect(gradeGoal({ kind: 'latency', percentile: 'p99', maxMs: 250, type: 'write' }, r).met).toBe(false);
		expect(gradeGoal({ kind: 'errorBudget', maxPct: 1 }, r)).toMatchObject({ met: true, actual: 1 });
		expect(gradeGoal({ kind: 'errorBudget', maxPct: 0.5 }, r).met).toBe(false);
		expect(gradeGoal({ kind: 'errorBudget', maxPct: 0.5, ignore: ['rejected'] }, r).met).toBe(true);
		expect(gradeGoal({ kind: 'cost', maxUsd: 800 }, r)).toMatchObject({ met: false, verdict: '$900: missed by $100' });
	});

	it('counts lost writes and queue backlog from the nodes', () => {
		const node = { arrived: 1, completed: 1, failed: zero, utilization: 0, meanQueue: 0, waitRatio: 0, latency: stat(1) };
		const r = result({}, { db: { ...node, lostWrites: 3 }, q: { ...node, depth: 500 } });
		expect(gradeGoal({ kind: 'noLostWrites' }, r)).toMatchObject({ met: false, actual: 3 });
		expect(gradeGoal({ kind: 'noLostWrites' }, result()).met).toBe(true);
		expect(gradeGoal({ kind: 'backlog', maxDepth: 100 }, r).met).toBe(false);
	});

	it('grades the best hit ratio of any cache and stale reads as a share of completed requests', () => {
		const node = { arrived: 1, completed: 1, failed: zero, utilization: 0, meanQueue: 0, waitRatio: 0, latency: stat(1) };
		const r = result({ completed: 1000 }, { a: { ...node, hitRatio: 0.5 }, b: { ...node, hitRatio: 0.9 }, f: { ...node, staleReads: 30 } });
		expect(gradeGoal({ kind: 'hitRatio', min: 0.8 }, r)).toMatchObject({ met: true, actual: 90, target: 80 });
		expect(gradeGoal({ kind: 'hitRatio', min: 0.95 }, r).met).toBe(false);
		expect(gradeGoal({ kind: 'staleReads', maxPct: 1 }, r)).toMatchObject({ met: false, actual: 3 });
		expect(gradeGoal({ kind: 'staleReads', maxPct: 5 }, r).met).toBe(true);
	});

	it('gives each goal its relative margin (positive inside the target)', () => {
		const r = result();
		expect(gradeGoal({ kind: 'throughput', minRps: 900 }, r).slack).toBeCloseTo(0.1);
		expect(gradeGoal({ kind: 'latency', percentile: 'p99', maxMs: 100 }, r).slack).toBeCloseTo(-0.2);
		expect(gradeGoal({ kind: 'noLostWrites' }, r).slack).toBe(1);
	});

	it('passes only when every goal is met', () => {
		expect(gradeChallenge({ goals: [{ kind: 'throughput', minRps: 950 }] }, result()).passed).toBe(true);
		expect(gradeChallenge({ goals: [{ kind: 'throughput', minRps: 950 }, { kind: 'cost', maxUsd: 10 }] }, result()).passed).toBe(false);
	});

	it('a run that served nothing cannot meet a latency goal', () => {
		const r = result({ completed: 0, servedRps: 0 });
		expect(gradeGoal({ kind: 'latency', percentile: 'p99', maxMs: 100 }, r).met).toBe(false);
	});
});

describe('the challenge list', () => {
	it('has at least thirty-six, easy to hard, with unique ids', () => {
		expect(CHALLENGES.length).toBeGreaterThanOrEqual(36);
		expect(new Set(CHALLENGES.map((c) => c.id)).size).toBe(CHALLENGES.length);
		const order = { easy: 0, medium: 1, hard: 2 };
		const levels = CHALLENGES.map((c) => order[c.level]);
		expect([...levels].sort()).toEqual(levels);
	});

	it.each(CHALLENGES.map((c) => [c.id, c] as const))('%s: start and reference are valid designs', (_id, c) => {
		for (const d of [c.start, c.reference]) {
			const r = restoreDesign(checkedDesign(c, d));
			expect(r.ok).toBe(true);
			if (r.ok) expect(r.warnings).toEqual([]);
			const ids = new Set([...d.nodes.map((n) => n.id), ...(d.regions ?? []).map((x) => x.id)]);
			for (const ev of c.run.events) if (ev.target) expect(ids.has(ev.target), `${ev.target} in ${d.id}`).toBe(true);
		}
		expect(c.hints.length).toBeGreaterThanOrEqual(3);
		expect(c.explanation.length).toBeGreaterThan(40);
		expect(TOPICS.map((t) => t.id)).toContain(c.topic);
		expect(c.concepts.length).toBeGreaterThanOrEqual(1);
		for (const k of c.concepts) expect(Object.keys(CONCEPTS)).toContain(k);
		expect(c.goals.length).toBeGreaterThanOrEqual(1);
		expect(openChallenge(c).scenario).toEqual((c.runs ?? 1) > 1 ? { ...c.run, runs: c.runs } : c.run);
	});
});

describe('topics', () => {
	it('every topic has a challenge, except those the simulator cannot grade yet, which have none', () => {
		for (const t of TOPICS) {
			const n = CHALLENGES.filter((c) => c.topic === t.id).length;
			if (AWAITING_SIMULATOR.includes(t.id)) expect(n, t.id).toBe(0);
			else expect(n, t.id).toBeGreaterThanOrEqual(1);
		}
	});

	it('a challenge built from an estimate sends the estimate\'s peak rate', () => {
		const fromEstimate = CHALLENGES.filter((c) => c.estimate);
		expect(fromEstimate.length).toBeGreaterThanOrEqual(2);
		for (const c of fromEstimate) {
			const rps = c.start.nodes.find((n) => n.kind === 'client')!.params.rps as number;
			expect(Math.abs(rps - estimate(c.estimate!).peakRps)).toBeLessThanOrEqual(0.5);
		}
	});
});
