// Grading: turn a simulator result into met/missed per goal, with the margin.
import { FAILURE_REASONS, type Design } from '../../model/types';
import type { SimResult } from '../../sim/types';
import type { Challenge, Goal, GoalResult, Grade } from './types';

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x));

export function goalLabel(g: Goal): string {
	switch (g.kind) {
		case 'throughput':
			return `Serve at least ${fmt(g.minRps)} requests per second`;
		case 'latency':
			return `${g.percentile} latency${g.type ? ` of ${g.type}s` : ''} under ${fmt(g.maxMs)} ms`;
		case 'errorBudget':
			return `Errors under ${fmt(g.maxPct)} %${g.ignore?.length ? ` (not counting ${g.ignore.join(', ')})` : ''}`;
		case 'cost':
			return `Monthly cost under $${fmt(g.maxUsd, 6)}`;
		case 'noLostWrites':
			return 'No acknowledged write lost';
		case 'backlog':
			return `At most ${fmt(g.maxDepth)} messages left waiting in queues`;
		case 'hitRatio':
			return `Cache hit ratio at least ${fmt(g.min * 100)} %`;
		case 'staleReads':
			return `Stale reads under ${fmt(g.maxPct)} % of requests`;
		case 'lostUpdates':
			return `Lost updates under ${fmt(g.maxPct)} % of requests`;
	}
}

/** Measure one goal: [actual, target, unit, higher-is-better]. */
export function measureGoal(g: Goal, r: SimResult): [number, number, string, boolean] {
	const G = r.global;
	switch (g.kind) {
		case 'throughput':
			return [G.servedRps, g.minRps, 'rps', true];
		case 'latency': {
			const stat = g.type ? G.latencyByType[g.type] : G.latency;
			// No successful request of that type at all cannot meet a latency goal.
			return [stat && G.completed > 0 ? stat[g.percentile] : Infinity, g.maxMs, 'ms', false];
		}
		case 'errorBudget': {
			const ignore = new Set(g.ignore ?? []);
			const failed = FAILURE_REASONS.filter((k) => !ignore.has(k)).reduce((s, k) => s + (G.failed[k] ?? 0), 0);
			const pct = G.arrived > 0 ? (100 * failed) / G.arrived : 100;
			return [pct, g.maxPct, '%', false];
		}
		case 'cost':
			return [G.costPerMonth, g.maxUsd, '$', false];
		case 'noLostWrites': {
			// Lost writes are counted at the database and as the client's failure reason; either will do.
			const atNodes = Object.values(r.nodes).reduce((s, n) => s + (n.lostWrites ?? 0), 0);
			const lost = Math.max(atNodes, G.failed.lost ?? 0);
			return [lost, 0, 'writes', false];
		}
		case 'backlog': {
			const depth = Object.values(r.nodes).reduce((s, n) => s + (n.depth ?? 0), 0);
			return [depth, g.maxDepth, 'messages', false];
		}
		case 'hitRatio': {
			// Whichever cache or CDN does best: the design may name (or add) it as it likes.
			const best = Object.values(r.nodes).reduce((m, n) => Math.max(m, n.hitRatio ?? 0), 0);
			return [best * 100, g.min * 100, '%', true];
		}
		case 'staleReads': {
			const stale = Object.values(r.nodes).reduce((s, n) => s + (n.staleReads ?? 0), 0);
			return [G.completed > 0 ? (100 * stale) / G.completed : 0, g.maxPct, '%', false];
		}
		case 'lostUpdates': {
			const lost = Object.values(r.nodes).reduce((s, n) => s + (n.lostUpdates ?? 0), 0);
			return [G.completed > 0 ? (100 * lost) / G.completed : 0, g.maxPct, '%', false];
		}
	}
}

const withUnit = (x: number, unit: string) => (unit === '$' ? `$${fmt(x, 6)}` : unit === '%' ? `${fmt(x)} %` : `${fmt(x)} ${unit}`);

export function gradeGoal(g: Goal, r: SimResult): GoalResult {
	return judgeGoal(g, measureGoal(g, r));
}

/** Met or missed, the margin and the verdict of a measured goal; `shown` goes before the verdict. */
export function judgeGoal(g: Goal, [actual, target, unit, higherBetter]: [number, number, string, boolean], shown = ''): GoalResult {
	const met = higherBetter ? actual >= target : actual <= target;
	const gap = Math.abs(actual - target);
	const verdict = met
		? gap === 0
			? `${withUnit(actual, unit)}: met`
			: `${withUnit(actual, unit)}: met with ${withUnit(gap, unit)} to spare`
		: `${withUnit(actual, unit)}: missed by ${withUnit(gap, unit)}`;
	// Relative margin: how far inside (positive) or outside (negative) the target.
	const slack = target === 0 ? (actual === 0 ? 1 : -1) : (higherBetter ? actual - target : target - actual) / target;
	return { goal: g, label: goalLabel(g), met, actual, target, unit, verdict: shown + verdict, slack };
}

export function gradeChallenge(challenge: Pick<Challenge, 'goals'>, result: SimResult): Grade {
	const goals = challenge.goals.map((g) => gradeGoal(g, result));
	return { passed: goals.every((g) => g.met), goals };
}

/** The design as the check runs it: the challenge's fixed run (seed, length, failures) replaces the design's own. */
export function checkedDesign(challenge: Pick<Challenge, 'run'>, design: Design): Design {
	return { ...structuredClone(design), scenario: structuredClone(challenge.run) };
}

/** Options for simulate() that match the challenge's fixed run. */
export function checkOptions(challenge: Pick<Challenge, 'run'>) {
	return { durationS: challenge.run.durationS, warmupS: challenge.run.warmupS, seed: challenge.run.seed };
}
