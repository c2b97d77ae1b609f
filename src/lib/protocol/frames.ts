// Packs MetricsFrames into one flat Float64Array so a batch crosses from the worker as a
// single transferable buffer (no structured clone of thousands of small objects).
// Layout per frame: GLOBAL_STRIDE numbers, then NODE_STRIDE numbers per node in the
// order of `nodeIds` (fixed for a run). Absent optional figures travel as NaN.
import { FAILURE_REASONS } from '../model/types';
import type { FailureCounts, MetricsFrame, NodeFrame, Stat } from '../sim/types';

const STAT_KEYS = ['mean', 'p50', 'p95', 'p99', 'max'] as const;
const OPTIONAL_KEYS = ['hitRatio', 'staleReads', 'lostWrites', 'replicationLagMs', 'depth', 'oldestAgeMs', 'leader', 'conflicts', 'lostUpdates', 'lag', 'maxPartitionLag', 'duplicates', 'deadLettered', 'redelivered', 'discarded'] as const;
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
	lostUpdates: 20 + R,
	// Queues: consumer lag now, the most lagging partition's, and the window's duplicates and dead letters.
	lag: 21 + R,
	maxPartitionLag: 22 + R,
	duplicates: 23 + R,
	deadLettered: 24 + R,
	redelivered: 25 + R,
	discarded: 26 + R
} as const;
export const NODE_STRIDE = N.discarded + 1;

export const frameStride = (nodeCount: number) => GLOBAL_STRIDE + NODE_STRIDE * nodeCount;

/**
 * The fields of each block in layout order, with how each is written: one number, the
 * failure counts (R numbers, FAILURE_REASONS order) or a latency Stat (STAT_KEYS). One table
 * drives both directions, so pack and unpack cannot drift apart; G and N give the offsets.
 */
type Codec = 'num' | 'failed' | 'stat';
const GLOBAL_FIELDS = [
	['arrived', 'num'],
	['completed', 'num'],
	['failed', 'failed'],
	['inFlight', 'num'],
	['offeredRps', 'num'],
	['servedRps', 'num'],
	['latency', 'stat']
] as const satisfies readonly (readonly [keyof MetricsFrame['global'] & keyof typeof G, Codec])[];
const NODE_FIELDS = [
	['arrived', 'num'],
	['completed', 'num'],
	['failed', 'failed'],
	['inFlight', 'num'],
	['utilization', 'num'],
	['meanQueue', 'num'],
	['latency', 'stat'],
	['up', 'num'],
	['instances', 'num']
] as const satisfies readonly (readonly [keyof NodeFrame & keyof typeof N, Codec])[];

// Every figure of a frame travels or is named here as staying behind, so a new figure does
// not compile until it has a codec or a reason: the failed requests' latency is in the
// result, not the live charts; so are a cache's coalescing and stale-while-revalidate counts
// (the run summary reads them); a node's lifecycle `state` travels beside the buffer.
type Untold<T, Told> = Exclude<keyof T, Told>;
const _global: Untold<MetricsFrame['global'], (typeof GLOBAL_FIELDS)[number][0] | 'latencyFailed'> extends never ? true : never = true;
const _node: Untold<NodeFrame, (typeof NODE_FIELDS)[number][0] | (typeof OPTIONAL_KEYS)[number] | 'state' | 'coalesced' | 'staleServed' | 'staleServedRatio'> extends never ? true : never = true;
void [_global, _node];

type Block = Record<string, number | FailureCounts | Stat>;

function put(out: Float64Array, at: number, offsets: Record<string, number>, fields: readonly (readonly [string, Codec])[], block: Block) {
	for (const [key, codec] of fields) {
		const i = at + offsets[key], v = block[key];
		if (codec === 'num') out[i] = v as number;
		else if (codec === 'failed') for (let r = 0; r < R; r++) out[i + r] = (v as FailureCounts)[FAILURE_REASONS[r]] ?? 0;
		else for (let j = 0; j < STAT_KEYS.length; j++) out[i + j] = (v as Stat)[STAT_KEYS[j]] ?? NaN;
	}
}

function get(a: Float64Array, at: number, offsets: Record<string, number>, fields: readonly (readonly [string, Codec])[]): Block {
	const block: Block = {};
	for (const [key, codec] of fields) {
		const i = at + offsets[key];
		if (codec === 'num') block[key] = a[i];
		else if (codec === 'failed') {
			const f = {} as FailureCounts;
			for (let r = 0; r < R; r++) f[FAILURE_REASONS[r]] = a[i + r];
			block[key] = f;
		} else block[key] = { mean: a[i], p50: a[i + 1], p95: a[i + 2], p99: a[i + 3], max: a[i + 4] };
	}
	return block;
}

/** Packs frames; a node missing from a frame is written as NaN throughout. */
export function packFrames(frames: readonly MetricsFrame[], nodeIds: readonly string[]): Float64Array {
	const stride = frameStride(nodeIds.length);
	const out = new Float64Array(frames.length * stride);
	frames.forEach((f, k) => {
		const base = k * stride;
		out[base + G.t] = f.t;
		out[base + G.dt] = f.dt;
		put(out, base, G, GLOBAL_FIELDS, f.global as unknown as Block);
		nodeIds.forEach((id, j) => {
			const at = base + GLOBAL_STRIDE + j * NODE_STRIDE;
			const n = f.nodes[id];
			if (!n) {
				out.fill(NaN, at, at + NODE_STRIDE);
				return;
			}
			put(out, at, N, NODE_FIELDS, n as unknown as Block);
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
			const n = get(a, at, N, NODE_FIELDS) as unknown as NodeFrame;
			for (const key of OPTIONAL_KEYS) {
				const v = a[at + N[key]];
				if (!Number.isNaN(v)) n[key] = v;
			}
			nodes[id] = n;
		});
		frames.push({ t: a[base + G.t], dt: a[base + G.dt], global: get(a, base, G, GLOBAL_FIELDS) as unknown as MetricsFrame['global'], nodes });
	}
	return frames;
}

/** The latest lifecycle state of each node in a batch (sent beside the buffer; usually empty). */
export function latestStates(frames: readonly MetricsFrame[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of frames) for (const id in f.nodes) if (f.nodes[id].state) out[id] = f.nodes[id].state!;
	return out;
}
