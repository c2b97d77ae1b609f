import { describe, expect, it, vi } from 'vitest';
import type { SimResult } from '../../sim/types';
import type { Design } from '../../model/types';
import { PracticeStore } from '../../stores/practice.svelte';
import { CHALLENGES, challengeById, checkSeeds, gradeChallenge, gradeRuns, MAX_CHECK_RUNS, type Challenge } from './index';

/** Just the figures the goals below read. */
function result(p99: number, servedRps = 100): SimResult {
	return {
		global: { latency: { p50: p99 / 4, p95: p99 / 2, p99 }, latencyByType: {}, completed: 1000, servedRps, arrived: 1000, failed: {}, costPerMonth: 0 },
		nodes: {}
	} as unknown as SimResult;
}

const goals: Pick<Challenge, 'goals'> = {
	goals: [
		{ kind: 'latency', percentile: 'p99', maxMs: 19.5 },
		{ kind: 'throughput', minRps: 100 }
	]
};

describe('gradeRuns (a check over several seeds)', () => {
	it('grades an "at most" goal on the 95th percentile over runs and a "most" goal on the 5th', () => {
		// p99 1…20 ms: the 5–95 % band is 1.95–19.05 ms, median 10.5. Throughput 100…119 rps: low edge 100.95, the same spread.
		const runs = Array.from({ length: 20 }, (_, i) => result(i + 1, 100 + i));
		const g = gradeRuns(goals, runs);
		expect(g.goals[0].actual).toBeCloseTo(19.05, 9);
		expect(g.goals[0].met).toBe(true);
		expect(g.goals[0].band).toMatchObject({ median: 10.5, n: 20 });
		expect(g.goals[0].verdict).toBe("p99 10.5 ± 8.55 ms (20 runs); graded on the band's high edge, 19.1 ms: met with 0.45 ms to spare");
		expect(g.goals[1].actual).toBeCloseTo(100.95, 9);
		expect(g.goals[1].verdict).toMatch(/^throughput 110 ± 8\.55 rps \(20 runs\); graded on the band's low edge/);
		expect(g.passed).toBe(true);
		// A target inside the band fails although most runs meet it.
		expect(gradeRuns({ goals: [{ kind: 'latency', percentile: 'p99', maxMs: 18 }] }, runs).passed).toBe(false);
	});

	it('one lucky seed cannot pass a design that the other seeds fail', () => {
		const runs = [result(15), ...Array.from({ length: 7 }, () => result(30))];
		expect(gradeChallenge(goals, runs[0]).goals[0].met).toBe(true);
		const g = gradeRuns(goals, runs);
		expect(g.goals[0].actual).toBe(30);
		expect(g.passed).toBe(false);
	});

	it('a run with no successful request (p99 ∞) counts as the worst, not as nothing', () => {
		const runs = Array.from({ length: 5 }, (_, i) => result(i === 4 ? Infinity : 10));
		expect(gradeRuns(goals, runs).goals[0].actual).toBe(Infinity);
		expect(gradeRuns(goals, runs).goals[0].met).toBe(false);
	});

	it('one run grades exactly as a single check', () => {
		expect(gradeRuns(goals, [result(12)])).toEqual(gradeChallenge(goals, result(12)));
		expect(() => gradeRuns(goals, [])).toThrow(/at least one run/);
	});
});

describe('checkSeeds', () => {
	it("is the challenge's seed, then the next ones; one by default; capped", () => {
		const run = { durationS: 10, warmupS: 1, seed: 40, events: [] };
		expect(checkSeeds({ run })).toEqual([40]);
		expect(checkSeeds({ run, runs: 4 })).toEqual([40, 41, 42, 43]);
		expect(checkSeeds({ run, runs: 1000 })).toHaveLength(MAX_CHECK_RUNS);
	});
	it('at least two challenges where luck matters are checked over several runs (proved in the grading tests)', () => {
		const banded = CHALLENGES.filter((c) => (c.runs ?? 1) > 1).map((c) => c.id);
		expect(banded).toEqual(expect.arrayContaining(['cut-the-tail', 'retry-transient']));
	});
});

describe("PracticeStore's check over several runs", () => {
	it('runs every seed (all queued at once) and shows the band in the verdict', async () => {
		const c = challengeById('cut-the-tail')!;
		let design: Design = c.start;
		const editor = { get design() { return design; }, replaceDesign: (d: Design) => void (design = d) };
		let inFlight = 0, most = 0;
		const runner = vi.fn(async (_d: Design, opts: { seed?: number }) => {
			most = Math.max(most, ++inFlight);
			await new Promise((r) => setTimeout(r, 1));
			inFlight--;
			return result(40 + (opts.seed! - c.run.seed), 1000);
		});
		const practice = new PracticeStore(runner);
		practice.openChallenge(c, editor);
		const g = await practice.check(editor.design);
		expect(runner.mock.calls.map(([, o]) => o.seed)).toEqual(checkSeeds(c));
		expect(most).toBe(c.runs);
		expect(g!.goals[0].verdict).toMatch(/^p99 42\.5 ± 2\.25 ms \(6 runs\); graded on the band's high edge, 44\.8 ms: met/);
	});
});

describe('a challenge checked over several seeds, opened', () => {
	it("carries its runs into the design's scenario, so Run bands the charts over the same seeds", async () => {
		const { openChallenge, openReference } = await import('./index');
		const c = challengeById('cut-the-tail')!;
		expect(openChallenge(c).scenario).toEqual({ ...c.run, runs: c.runs });
		expect(openReference(c).scenario?.runs).toBe(c.runs);
		expect(openChallenge(challengeById('outgrow-one-server')!).scenario).not.toHaveProperty('runs');
	});
});
