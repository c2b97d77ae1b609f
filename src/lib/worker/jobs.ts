// Runs inside a pool worker (or in-process in tests and Node): one-shot simulations that
// answer with plain, compact data. A design the simulator refuses comes back as reasons,
// not as a thrown error, so the other side can tell "cannot run" from "crashed".
import type { Design } from '../model/types';
import { DesignError, simulate } from '../sim';
import type { MetricsFrame } from '../sim/types';
import type { JobApi, JobOptions, PointJob, PointReply, RunReply } from '../protocol/jobs';

/** The design with every client's rate multiplied by `k` (ramp targets too). */
export function scaleRate(design: Design, k: number): Design {
	if (k === 1) return design;
	return {
		...design,
		nodes: design.nodes.map((n) => {
			if (n.kind !== 'client') return n;
			const p = n.params as { rps?: number; shape?: { toRps?: number } };
			const params: Record<string, unknown> = { ...n.params, rps: (typeof p.rps === 'number' ? p.rps : 100) * k };
			if (p.shape && typeof p.shape.toRps === 'number') params.shape = { ...p.shape, toRps: p.shape.toRps * k };
			return { ...n, params };
		})
	};
}

function refused(e: unknown): { ok: false; reasons: string[] } {
	if (e instanceof DesignError) return { ok: false, reasons: e.reasons };
	throw e;
}

export function runJob(design: Design, opts: JobOptions): RunReply {
	try {
		return { ok: true, result: simulate(design, opts) };
	} catch (e) {
		return refused(e);
	}
}

export function pointJob(job: PointJob): PointReply {
	const frames: MetricsFrame[] = [];
	try {
		const r = simulate(scaleRate(job.design, job.rateScale), {
			...job.opts,
			onFrame: job.series ? (f) => frames.push(f) : undefined
		});
		const g = r.global;
		const figures = {
			offeredRps: g.offeredRps,
			servedRps: g.servedRps,
			successRatio: g.successRatio,
			p50: g.latency.p50,
			p95: g.latency.p95,
			p99: g.latency.p99,
			mean: g.latency.mean
		};
		if (!job.series) return { ok: true, figures };
		const col = (f: (m: MetricsFrame) => number) => Float64Array.from(frames, f);
		return {
			ok: true,
			figures,
			series: { t: col((m) => m.t), servedRps: col((m) => m.global.servedRps), p50: col((m) => m.global.latency.p50), p99: col((m) => m.global.latency.p99) }
		};
	} catch (e) {
		return refused(e);
	}
}

/** The methods a pool worker registers. */
export const JOBS: JobApi = { run: runJob, point: pointJob };
