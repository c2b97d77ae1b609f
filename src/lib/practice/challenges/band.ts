// Grading on the confidence band: a challenge whose result depends on luck (a tail set by
// one call in a hundred, instances that crash at random) asks for `runs: N`. Its check then
// runs the fixed scenario over N seeds (the challenge's seed, then the next ones) and grades
// each goal on the band's pessimistic edge: a "most" goal (throughput, hit ratio) on the 5th
// percentile over runs, an "at most" goal (latency, errors, cost…) on the 95th. One lucky
// seed cannot pass a design; the verdict shows the spread ("p99 180 ± 12 ms (8 runs)").
import type { SimResult } from '../../sim/types';
import { BAND_HI, BAND_LO, band, quantileSorted, type Band } from '../../sweep/bands';
import { gradeChallenge, judgeGoal, measureGoal } from './grade';
import type { Challenge, Goal, Grade } from './types';

/** Runs a check may ask for: enough for a 5–95 % band, few enough for a check of seconds. */
export const MAX_CHECK_RUNS = 16;

/** The seeds a challenge's check runs: its own seed, then the next ones. */
export function checkSeeds(c: Pick<Challenge, 'run' | 'runs'>): number[] {
	const n = Math.min(MAX_CHECK_RUNS, Math.max(1, Math.round(c.runs ?? 1)));
	return Array.from({ length: n }, (_, i) => c.run.seed + i);
}

/** What the figure is called in a verdict ("p99", "errors"…). */
function figureName(g: Goal): string {
	switch (g.kind) {
		case 'latency':
			return `${g.percentile}${g.type ? ` of ${g.type}s` : ''}`;
		case 'throughput':
			return 'throughput';
		case 'errorBudget':
			return 'errors';
		case 'cost':
			return 'cost';
		case 'noLostWrites':
			return 'lost writes';
		case 'backlog':
			return 'backlog';
		case 'hitRatio':
			return 'hit ratio';
		case 'staleReads':
			return 'stale reads';
		case 'lostUpdates':
			return 'lost updates';
	}
}

/** Quantile q of values that may be infinite (a latency with no successful request): ∞ stays ∞. */
function edge(values: number[], q: number): number {
	const sorted = values.map((v) => (Number.isNaN(v) ? Infinity : v)).sort((a, b) => a - b);
	const h = (sorted.length - 1) * q;
	if (!Number.isFinite(sorted[Math.ceil(h)]) || !Number.isFinite(sorted[Math.floor(h)])) return sorted[Math.ceil(h)];
	return quantileSorted(sorted, q);
}

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : '∞');

/** "p99 180 ± 12 ms (8 runs)": the median and half the 5–95 % band, as in the charts. */
export function bandVerdict(g: Goal, b: Band, unit: string): string {
	const v = (x: number) => (unit === '$' ? `$${fmt(x)}` : unit ? `${fmt(x)} ${unit}` : fmt(x));
	return `${figureName(g)} ${unit === '$' ? v(b.median) : fmt(b.median)} ± ${v((b.hi - b.lo) / 2)} (${b.n} runs)`;
}

/**
 * Grade a challenge from its check's runs, one result per seed. One run grades as before;
 * several grade every goal on the pessimistic edge of its band over the runs.
 */
export function gradeRuns(c: Pick<Challenge, 'goals'>, results: readonly SimResult[]): Grade {
	if (results.length === 0) throw new Error('A check needs at least one run.');
	if (results.length === 1) return gradeChallenge(c, results[0]);
	const goals = c.goals.map((g) => {
		const measured = results.map((r) => measureGoal(g, r));
		const [, target, unit, higherBetter] = measured[0];
		const values = measured.map((m) => m[0]);
		const worse = edge(values, higherBetter ? BAND_LO : BAND_HI);
		const b = band(values);
		const shown = `${bandVerdict(g, { ...b, n: values.length }, unit)}; graded on the band's ${higherBetter ? 'low' : 'high'} edge, `;
		return { ...judgeGoal(g, [worse, target, unit, higherBetter], shown), band: b };
	});
	return { passed: goals.every((g) => g.met), goals };
}
