// Runs a sweep, repeats or a comparison on a job pool: every job queued at once (the pool
// spreads them over its workers), progress as each one lands, cancel through an
// AbortSignal. Compact results only cross back (protocol/jobs.ts).
import type { Design } from '../model/types';
import { DEFAULT_SCENARIO } from '../model/types';
import type { JobOptions, PointFigures, PointReply, PointSeries } from '../protocol/jobs';
import type { JobPool } from '../bridge/pool';
import { DesignError } from '../sim/types';
import { estimateCapacity, type CapacityEstimate } from './capacity';
import { DEFAULT_POINTS, findKnee, longestFirst, sweepLoads, type SweepPoint } from './plan';

export { DEFAULT_RUNS } from './defaults';

export interface Progress {
	done: number;
	total: number;
}

export interface RunControl {
	onProgress?: (p: Progress) => void;
	/** Each job's kept value as it lands (a sweep's chart fills in point by point). */
	onItem?: (i: number, value: unknown) => void;
	signal?: AbortSignal;
}

/** The run options of the design's own scenario (its seed, duration and warm-up). */
export function jobOptions(design: Design, seed?: number): JobOptions {
	const s = design.scenario ?? DEFAULT_SCENARIO;
	return { durationS: s.durationS, warmupS: s.warmupS, seed: seed ?? s.seed };
}

/** Seeds for N repeats: the design's seed, then the next ones (so run 1 is the single run). */
export function seedsFor(design: Design, runs: number): number[] {
	const base = (design.scenario ?? DEFAULT_SCENARIO).seed;
	return Array.from({ length: Math.max(1, Math.round(runs)) }, (_, i) => base + i);
}

/**
 * Runs every job on the pool, queued in `order` (job indices; default as listed), results
 * kept by job index whatever the order they land in.
 */
async function all<T>(
	jobs: (() => Promise<PointReply>)[],
	pool: JobPool,
	ctl: RunControl,
	keep: (i: number, r: Extract<PointReply, { ok: true }>) => T,
	order: readonly number[] = jobs.map((_, i) => i)
): Promise<T[]> {
	const out: T[] = new Array(jobs.length);
	let done = 0;
	const abort = () => pool.cancelAll();
	ctl.signal?.addEventListener('abort', abort, { once: true });
	try {
		if (ctl.signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
		ctl.onProgress?.({ done: 0, total: jobs.length });
		await Promise.all(
			order.map(async (i) => {
				const r = await jobs[i]();
				if (!r.ok) throw new DesignError(r.reasons);
				out[i] = keep(i, r);
				ctl.onItem?.(i, out[i]);
				ctl.onProgress?.({ done: ++done, total: jobs.length });
			})
		);
		return out;
	} catch (e) {
		pool.cancelAll();
		throw e;
	} finally {
		ctl.signal?.removeEventListener('abort', abort);
	}
}

export interface SweepResult {
	/** When it ran (ISO). */
	at: string;
	seed: number;
	durationS: number;
	capacityRps: number;
	bottleneck: { id: string; label: string; why: string } | null;
	points: SweepPoint[];
	knee: SweepPoint | null;
}

export async function runSweep(pool: JobPool, design: Design, points = DEFAULT_POINTS, ctl: RunControl = {}, estimate: CapacityEstimate = estimateCapacity(design)): Promise<SweepResult> {
	if (!(estimate.designRps > 0)) throw new DesignError(['The design sends no traffic: give a client a rate above 0 first.']);
	if (!Number.isFinite(estimate.capacityRps)) throw new DesignError(['Nothing in this design limits its capacity, so there is no load to sweep up to.']);
	const loads = sweepLoads(estimate.capacityRps, points);
	const opts = jobOptions(design);
	const swept = await all(
		loads.map((rps) => () => pool.point({ design, opts, rateScale: rps / estimate.designRps })),
		pool,
		ctl,
		(i, r) => ({ ...r.figures, targetRps: loads[i] }),
		longestFirst(loads)
	);
	const b = estimate.bottleneck;
	return {
		at: new Date().toISOString(),
		seed: opts.seed ?? 1,
		durationS: opts.durationS ?? 60,
		capacityRps: estimate.capacityRps,
		bottleneck: b ? { id: b.id, label: b.label, why: b.why } : null,
		points: swept,
		knee: findKnee(swept)
	};
}

export interface RepeatResult {
	seeds: number[];
	figures: PointFigures[];
	series: PointSeries[];
}

/** The design as drawn, once per seed. */
export async function runRepeats(pool: JobPool, design: Design, seeds: number[], ctl: RunControl = {}): Promise<RepeatResult> {
	const got = await all(
		seeds.map((seed) => () => pool.point({ design, opts: jobOptions(design, seed), rateScale: 1, series: true })),
		pool,
		ctl,
		(_, r) => r
	);
	return { seeds, figures: got.map((r) => r.figures), series: got.map((r) => r.series!) };
}

/** Two designs over the same seeds, every run on the pool at once. */
export async function runCompare(pool: JobPool, a: Design, b: Design, seeds: number[], ctl: RunControl = {}): Promise<[RepeatResult, RepeatResult]> {
	const designs = [a, b];
	const got = await all(
		designs.flatMap((d) => seeds.map((seed) => () => pool.point({ design: d, opts: jobOptions(d, seed), rateScale: 1, series: true }))),
		pool,
		ctl,
		(_, r) => r
	);
	const part = (k: number): RepeatResult => {
		const mine = got.slice(k * seeds.length, (k + 1) * seeds.length);
		return { seeds, figures: mine.map((r) => r.figures), series: mine.map((r) => r.series!) };
	};
	return [part(0), part(1)];
}
