// The load sweep's plan and its reading, pure: which offered loads to run, where the knee
// is, and the closed-form M/M/c curve of the bottleneck tier to draw beside the runs.
import { erlangC } from '../sim/theory';
import type { PointFigures } from '../protocol/jobs';
import type { TierCapacity } from './capacity';
import { DEFAULT_POINTS } from './defaults';

export { DEFAULT_POINTS, DEFAULT_RUNS } from './defaults';
export const MIN_POINTS = 8;
export const MAX_POINTS = 40;
/** The sweep spans these fractions of the estimated capacity. */
export const FROM = 0.1;
export const TO = 1.5;
/** Knee rule: p99 within this factor of the lowest load's p99 … */
export const KNEE_P99_FACTOR = 2;
/** … and at least this success ratio. */
export const KNEE_SUCCESS = 0.999;

/** `points` offered rates, evenly spaced from 10 % to 150 % of `capacityRps`. */
export function sweepLoads(capacityRps: number, points = DEFAULT_POINTS): number[] {
	const n = Math.max(2, Math.round(points));
	const out: number[] = [];
	for (let i = 0; i < n; i++) out.push(capacityRps * (FROM + ((TO - FROM) * i) / (n - 1)));
	return out;
}

/**
 * The order to queue jobs in: highest expected cost first (a point's events grow with its
 * offered load). With the longest jobs started first, the last job to finish is a short
 * one, so the workers finish close together (longest-processing-time-first scheduling);
 * queued lowest load first, the heaviest point ran alone at the end on one worker.
 */
export function longestFirst(costs: readonly number[]): number[] {
	return costs.map((_, i) => i).sort((a, b) => costs[b] - costs[a] || a - b);
}

export interface SweepPoint extends PointFigures {
	/** The rate asked of the clients (offeredRps is what they actually sent). */
	targetRps: number;
}

/**
 * The knee: the highest load L such that every swept load up to L has p99 ≤ 2 × the p99 at
 * the lowest load and success ≥ 99.9 %. Read from the lowest load up, so one lucky noisy
 * point past the bend does not move it. Null when even the lowest load misses the rule.
 */
export function findKnee(points: readonly SweepPoint[]): SweepPoint | null {
	const sorted = [...points].sort((a, b) => a.targetRps - b.targetRps);
	if (sorted.length === 0) return null;
	const base = sorted[0].p99;
	let knee: SweepPoint | null = null;
	for (const p of sorted) {
		if (!(p.successRatio >= KNEE_SUCCESS) || !(p.p99 <= KNEE_P99_FACTOR * base)) break;
		knee = p;
	}
	return knee;
}

/**
 * The bottleneck tier as n independent M/M/c queues (instances chosen uniformly, model.md):
 * p50/p99 of the time spent at that tier at client rate `rps`, ms; null past saturation.
 */
export function mmcTierQuantiles(tier: TierCapacity, rps: number): { p50: number; p99: number; waitProbability: number } | null {
	const m = tier.mmc;
	if (!m) return null;
	const mu = 1000 / m.serviceMs;
	const lambda = (rps * tier.visits) / m.instances;
	if (!(lambda < m.c * mu)) return null;
	// mmcSojournTail with Erlang C computed once (the chart asks for 60 loads × 2 quantiles).
	const C = erlangC(m.c, lambda / mu);
	const g = m.c * mu - lambda;
	const tail = (t: number) => {
		const es = Math.exp(-mu * t);
		return Math.abs(g - mu) < 1e-12 ? es + C * mu * t * es : es + (C * mu * (Math.exp(-g * t) - es)) / (mu - g);
	};
	// Seconds; far past both the service and the wait tail.
	const hi = 60 / mu + 60 / g;
	return { p50: 1000 * quantile(tail, 0.5, hi), p99: 1000 * quantile(tail, 0.99, hi), waitProbability: C };
}

/** Quantile of a decreasing tail by bisection: 50 halvings of [0, hi] are far below a pixel. */
function quantile(tail: (t: number) => number, q: number, hi: number): number {
	let lo = 0;
	for (let i = 0; i < 50; i++) {
		const mid = (lo + hi) / 2;
		if (tail(mid) > 1 - q) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

const curves = new Map<string, { rps: number; p99: number }[]>();

/** The M/M/c p99 of `tier` at `n` loads up to `capacityRps` (memoised: the chart redraws per landed point). */
export function mmcCurve(tier: TierCapacity, capacityRps: number, n = 60): { rps: number; p99: number }[] {
	const m = tier.mmc;
	if (!m) return [];
	const key = `${m.instances}|${m.c}|${m.serviceMs}|${tier.visits}|${capacityRps}|${n}`;
	let out = curves.get(key);
	if (out) return out;
	out = [];
	for (let i = 1; i <= n; i++) {
		const rps = (capacityRps * i) / n;
		const q = mmcTierQuantiles(tier, rps);
		if (q) out.push({ rps, p99: q.p99 });
	}
	if (curves.size > 20) curves.clear();
	curves.set(key, out);
	return out;
}

/** "3.3 k", "850", "12 k": rates for people. */
export function fmtRps(rps: number): string {
	if (!Number.isFinite(rps)) return '∞';
	if (rps >= 1e6) return `${(rps / 1e6).toPrecision(2)} M`;
	if (rps >= 1000) return `${(rps / 1000).toPrecision(2)} k`;
	return String(Math.round(rps));
}

/** The sentence the sweep panel shows. */
export function kneeSentence(capacityRps: number, knee: SweepPoint | null): string {
	const cap = `capacity ≈ ${fmtRps(capacityRps)} rps`;
	if (!knee) return `${cap}; even the lowest load misses the knee rule`;
	return `${cap}; p99 doubles past ${fmtRps(knee.offeredRps)} rps`;
}
