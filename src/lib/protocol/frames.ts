// Packs MetricsFrames into one flat Float64Array so a batch crosses from the worker as a
// single transferable buffer (no structured clone of thousands of small objects).
// Layout per frame: GLOBAL_STRIDE numbers, then NODE_STRIDE numbers per node in the
// order of `nodeIds` (fixed for a run). Absent optional figures travel as NaN.
import { FAILURE_REASONS } from '../model/types';
import type { FailureCounts, MetricsFrame, NodeFrame, Stat } from '../sim/types';

const STAT_KEYS = ['mean', 'p50', 'p95', 'p99', 'max'] as const;
const OPTIONAL_KEYS = ['hitRatio', 'staleReads', 'lostWrites', 'replicationLagMs', 'depth', 'oldestAgeMs', 'leader', 'conflicts', 'lostUpdates'] as const;
const R = FAILURE_REASONS.length;

/** Offsets inside a frame's global block. */
export const G = {
	t: 0,
	dt: 1,
	arrived: 2,
	completed: 3,
	failed: 4, // R entries, in FAILURE_REASONS order
	inFlight: 4 + R,
	offeredRps: 5 + R,
	servedRps: 6 + R,
	latency: 7 + R // mean, p50, p95, p99, max
} as const;
export const GLOBAL_STRIDE = G.latency + STAT_KEYS.length;

/** Offsets inside one node's block. */
export const N = {
	arrived: 0,
	completed: 1,
	failed: 2,
	inFlight: 2 + R,
	utilization: 3 + R,
	meanQueue: 4 + R,
	latency: 5 + R,
	up: 10 + R,
	instances: 11 + R,
	hitRatio: 12 + R,
	staleReads: 13 + R,
	lostWrites: 14 + R,
	replicationLagMs: 15 + R,
	depth: 16 + R,
	oldestAgeMs: 17 + R,
	leader: 18 + R,
	conflicts: 19 + R,
	lostUpdates: 20 + R
} as const;
export const NODE_STRIDE = N.lostUpdates + 1;

export const frameStride = (nodeCount: number) => GLOBAL_STRIDE + NODE_STRIDE * nodeCount;

function putFailed(out: Float64Array, at: number, f: FailureCounts) {
	for (let i = 0; i < R; i++) out[at + i] = f[FAILURE_REASONS[i]] ?? 0;
}
function putStat(out: Float64Array, at: number, s: Stat) {
	for (let i = 0; i < STAT_KEYS.length; i++) out[at + i] = s[STAT_KEYS[i]] ?? NaN;
}
function getFailed(a: Float64Array, at: number): FailureCounts {
	const f = {} as FailureCounts;
	for (let i = 0; i < R; i++) f[FAILURE_REASONS[i]] = a[at + i];
	return f;
}
function getStat(a: Float64Array, at: number): Stat {
	return { mean: a[at], p50: a[at + 1], p95: a[at + 2], p99: a[at + 3], max: a[at + 4] };
}

/** Packs frames; a node missing from a frame is written as NaN throughout. */
export function packFrames(frames: readonly MetricsFrame[], nodeIds: readonly string[]): Float64Array {
	const stride = frameStride(nodeIds.length);
	const out = new Float64Array(frames.length * stride);
	frames.forEach((f, k) => {
		const base = k * stride;
		const g = f.global;
		out[base + G.t] = f.t;
		out[base + G.dt] = f.dt;
		out[base + G.arrived] = g.arrived;
		out[base + G.completed] = g.completed;
		putFailed(out, base + G.failed, g.failed);
		out[base + G.inFlight] = g.inFlight;
		out[base + G.offeredRps] = g.offeredRps;
		out[base + G.servedRps] = g.servedRps;
		putStat(out, base + G.latency, g.latency);
		nodeIds.forEach((id, j) => {
			const at = base + GLOBAL_STRIDE + j * NODE_STRIDE;
			const n = f.nodes[id];
			if (!n) {
				out.fill(NaN, at, at + NODE_STRIDE);
				return;
			}
			out[at + N.arrived] = n.arrived;
			out[at + N.completed] = n.completed;
			putFailed(out, at + N.failed, n.failed);
			out[at + N.inFlight] = n.inFlight;
			out[at + N.utilization] = n.utilization;
			out[at + N.meanQueue] = n.meanQueue;
			putStat(out, at + N.latency, n.latency);
			out[at + N.up] = n.up;
			out[at + N.instances] = n.instances;
			for (const key of OPTIONAL_KEYS) out[at + N[key]] = n[key] ?? NaN;
		});
	});
	return out;
}

/** The inverse of packFrames (lifecycle `state` strings do not travel in the buffer). */
export function unpackFrames(a: Float64Array, nodeIds: readonly string[]): MetricsFrame[] {
	const stride = frameStride(nodeIds.length);
	const frames: MetricsFrame[] = [];
	for (let base = 0; base + stride <= a.length; base += stride) {
		const nodes: Record<string, NodeFrame> = {};
		nodeIds.forEach((id, j) => {
			const at = base + GLOBAL_STRIDE + j * NODE_STRIDE;
			if (Number.isNaN(a[at + N.arrived])) return;
			const n: NodeFrame = {
				arrived: a[at + N.arrived],
				completed: a[at + N.completed],
				failed: getFailed(a, at + N.failed),
				inFlight: a[at + N.inFlight],
				utilization: a[at + N.utilization],
				meanQueue: a[at + N.meanQueue],
				latency: getStat(a, at + N.latency),
				up: a[at + N.up],
				instances: a[at + N.instances]
			};
			for (const key of OPTIONAL_KEYS) {
				const v = a[at + N[key]];
				if (!Number.isNaN(v)) n[key] = v;
			}
			nodes[id] = n;
		});
		frames.push({
			t: a[base + G.t],
			dt: a[base + G.dt],
			global: {
				arrived: a[base + G.arrived],
				completed: a[base + G.completed],
				failed: getFailed(a, base + G.failed),
				inFlight: a[base + G.inFlight],
				offeredRps: a[base + G.offeredRps],
				servedRps: a[base + G.servedRps],
				latency: getStat(a, base + G.latency)
			},
			nodes
		});
	}
	return frames;
}

/** The latest lifecycle state of each node in a batch (sent beside the buffer; usually empty). */
export function latestStates(frames: readonly MetricsFrame[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of frames) for (const id in f.nodes) if (f.nodes[id].state) out[id] = f.nodes[id].state!;
	return out;
}
