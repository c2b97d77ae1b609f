// Live figures for the canvas from the newest frame: what each node is doing now and how
// much traffic each edge carries. Frames count per node, not per edge, so an edge's rate
// is its target's arrivals shared among the target's callers in proportion to what each
// caller completed (exact for a single caller, an estimate for several).
import type { Design } from '../model/types';
import type { EdgeFigures, NodeFigures } from '../stores/overlay.svelte';
import { N } from '../protocol/frames';
import type { FrameRing } from './ring';

/** Two significant figures: what a badge shows, and fewer repaints from noise. */
export function sig2(v: number): number {
	if (!Number.isFinite(v) || v === 0) return v;
	const p = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
	return Math.round(v / p) * p;
}
const pct1 = (u: number) => Math.round(u * 100) / 100;

/** Whether two figures read the same at a glance: within `tolerance` of each other (relative). */
function close(a: unknown, b: unknown, tolerance: number): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) return false;
	const m = Math.max(Math.abs(a), Math.abs(b));
	return m < 1e-9 || Math.abs(a - b) <= tolerance * m || Math.abs(a - b) < 0.01;
}

/**
 * `next` with every entry that reads the same as the one in `prev` (each number within
 * `tolerance`, flags equal) replaced by that very object, so the canvas components reading
 * it are not touched: on a large design, repainting for noise is what costs.
 */
export function reuseUnchanged<T extends object>(prev: ReadonlyMap<string, T>, next: Map<string, T>, tolerance = 0): Map<string, T> {
	for (const [id, v] of next) {
		const old = prev.get(id);
		if (old && Object.keys(old).length === Object.keys(v).length && (Object.keys(v) as (keyof T)[]).every((k) => close(old[k], v[k], tolerance))) next.set(id, old);
	}
	return next;
}

/** Frames averaged for the canvas figures: a steadier read than one noisy second. */
export const SMOOTH_FRAMES = 5;

/** Utilization at which a node counts as the live bottleneck. */
export const HOT = 0.85;

/** Instances up of all, and a replicated database's current role, from the newest frame. */
function upAndRole(ring: FrameRing, last: number, j: number): Pick<NodeFigures, 'up' | 'instances' | 'role'> {
	const out: Pick<NodeFigures, 'up' | 'instances' | 'role'> = {};
	const instances = ring.node(last, j, N.instances), up = ring.node(last, j, N.up);
	if (instances > 1) {
		out.up = up;
		out.instances = instances;
	}
	const leader = ring.node(last, j, N.leader);
	if (!Number.isNaN(leader)) out.role = leader === 1 ? 'leader' : 'follower';
	return out;
}

/** Stale reads and write conflicts per second, shown only when there are some. */
function consistencyRates(stale: number, conflicts: number): Pick<NodeFigures, 'stale' | 'conflicts'> {
	const out: Pick<NodeFigures, 'stale' | 'conflicts'> = {};
	if (stale > 0) out.stale = sig2(stale);
	if (conflicts > 0) out.conflicts = sig2(conflicts);
	return out;
}

export function overlayFigures(
	ring: FrameRing,
	design: Design,
	bottleneckId: string | null = null
): { nodes: Map<string, NodeFigures>; edges: Map<string, EdgeFigures> } {
	const nodes = new Map<string, NodeFigures>();
	const edges = new Map<string, EdgeFigures>();
	const last = ring.length - 1;
	if (last < 0) return { nodes, edges };
	const first = Math.max(0, ring.length - SMOOTH_FRAMES);
	let dt = 0;
	for (let i = first; i <= last; i++) dt += ring.global(i, 1) || 0;
	dt ||= 1;
	const index = new Map(ring.nodeIds.map((id, j) => [id, j]));
	/** Sum over the smoothing window (counts), or the mean (levels) with `mean`. */
	const sum = (j: number, o: number) => {
		let s = 0;
		for (let i = first; i <= last; i++) s += ring.node(i, j, o) || 0;
		return s;
	};
	const mean = (j: number, o: number) => sum(j, o) / (last - first + 1);
	const fig = (id: string, o: number) => {
		const j = index.get(id);
		return j === undefined ? NaN : sum(j, o);
	};
	let hottest: string | null = null,
		hottestU = HOT;
	for (const n of design.nodes) {
		const j = index.get(n.id);
		if (j === undefined || Number.isNaN(ring.node(last, j, N.arrived))) continue;
		let errors = 0;
		for (let r = 0; r < 5; r++) errors += sum(j, N.failed + r);
		const u = mean(j, N.utilization);
		const instances = ring.node(last, j, N.instances);
		nodes.set(n.id, {
			utilization: Number.isFinite(u) ? pct1(u) : 0,
			rps: sig2(sum(j, N.completed) / dt),
			p99: sig2(mean(j, N.latency + 3)),
			errors: sig2(errors / dt),
			down: instances > 0 && ring.node(last, j, N.up) === 0,
			bottleneck: false,
			...upAndRole(ring, last, j),
			...consistencyRates(sum(j, N.staleReads) / dt, sum(j, N.conflicts) / dt)
		});
		if (n.kind !== 'client' && u >= hottestU) {
			hottest = n.id;
			hottestU = u;
		}
	}
	const named = bottleneckId ?? hottest;
	if (named && nodes.has(named)) nodes.set(named, { ...nodes.get(named)!, bottleneck: true });

	const callers = new Map<string, string[]>();
	for (const e of design.edges) {
		const from = callers.get(e.target);
		if (from) from.push(e.source);
		else callers.set(e.target, [e.source]);
	}
	const weight = (id: string) => Math.max(0, fig(id, N.completed) || 0);
	// Once per target, not per edge: a database behind 96 web servers has 96 edges, and
	// summing its callers for each of them made this quadratic (5 ms a paint at 100 nodes).
	const targets = new Map<string, { arrived: number; failed: number; total: number }>();
	for (const [id, from] of callers) {
		let failed = 0;
		for (let r = 0; r < 5; r++) failed += fig(id, N.failed + r) || 0;
		targets.set(id, { arrived: fig(id, N.arrived) / dt, failed: failed / dt, total: from.reduce((s, c) => s + weight(c), 0) });
	}
	for (const e of design.edges) {
		const t = targets.get(e.target)!;
		if (!Number.isFinite(t.arrived)) continue;
		const share = t.total > 0 ? weight(e.source) / t.total : 1 / callers.get(e.target)!.length;
		edges.set(e.id, { rps: sig2(t.arrived * share), errors: sig2(t.failed * share) });
	}
	return { nodes, edges };
}
