// What crosses the worker boundary for one-shot jobs (challenge checks, sweep points,
// confidence repeats): plain data only, and compact, so a reply never costs the main
// thread a long structured clone.
import type { Design } from '../model/types';
import type { SimOptions, SimResult } from '../sim/types';

/** Simulator options that can cross (no callbacks). */
export type JobOptions = Omit<SimOptions, 'onFrame'>;

/** A full run's result, or the reasons the design cannot run (a DesignError's, for people). */
export type RunReply = { ok: true; result: SimResult } | { ok: false; reasons: string[] };

/** Figures of one run, whole-run. */
export interface PointFigures {
	offeredRps: number;
	servedRps: number;
	successRatio: number;
	p50: number;
	p95: number;
	p99: number;
	mean: number;
}

/** Per-second global series of one run, column by column (Float64Array: transferable). */
export interface PointSeries {
	t: Float64Array;
	servedRps: Float64Array;
	p50: Float64Array;
	p99: Float64Array;
}

export type PointReply = { ok: true; figures: PointFigures; series?: PointSeries } | { ok: false; reasons: string[] };

export interface PointJob {
	design: Design;
	opts: JobOptions;
	/** Multiplies every client's rate (1 = as designed). */
	rateScale: number;
	/** Also return the per-second series (confidence bands need it, a sweep does not). */
	series?: boolean;
}

/** The methods the pool's worker registers, by name. */
export interface JobApi {
	run(design: Design, opts: JobOptions): RunReply;
	point(job: PointJob): PointReply;
}
