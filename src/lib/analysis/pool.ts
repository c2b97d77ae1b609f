// When a connection pool, not a tier, limits the design: most of a caller's own failures are
// `pool-timeout` (the dependency never saw those calls) while the dependency has room. Scaling
// either tier out is then the wrong advice (an idle database needs no instances); the pool
// needs connections, or calls a little patience. Pure: design + result in, advice out.
import { erlangB } from '../sim/theory';
import { resolveEdgeParams, resolveParams } from '../model';
import type { Design, DesignEdge, DesignNode } from '../model/types';
import type { SimResult } from '../sim/types';
import type { DesignPatch } from './patch';
import type { FaultReport } from './faults';
import { int, pct } from './faultWords';
import { edgeShare, num, ownFailures } from './own';

/** A share of all requests: small ones keep a digit or two, so 5 in 10,000 is not "0%". */
const share = (x: number) => (x >= 0.01 || x === 0 ? pct(x) : `${(x * 100).toFixed(x < 0.001 ? 2 : 1)}%`);
/** Refusals the suggested pool size leaves, at the run's load with no waiting (Erlang B). */
const REFUSE_AT_MOST = 0.001;

export interface PoolFix {
	label: string;
	why: string;
	patch: DesignPatch;
}
export type PoolVerdict =
	/** The pool binds: this reason and these fixes, at the caller. */
	| { pool: true; reason: string; fixes: PoolFix[] }
	/** The refusals are the dependency's overload showing at the caller: advise on that part. */
	| { pool: false; nodeId: string };

interface Pooled {
	edge: DesignEdge;
	target: DesignNode;
	size: number;
	waitMs: number;
	/** Calls in flight over the edge per caller instance, on average, had none been refused (Little's law). */
	load: number;
	holdS: number;
}

/** The pooled calls out of `caller`, with the load each pool is offered. */
function pooledEdges(design: Design, result: SimResult, caller: DesignNode, refused: number): Pooled[] {
	const span = Math.max(1e-9, result.durationS - result.warmupS);
	const instances = Math.max(1, num(resolveParams(caller.kind, caller.params).instances, 1));
	const out: Pooled[] = [];
	for (const edge of design.edges) {
		if (edge.source !== caller.id) continue;
		const p = resolveEdgeParams(edge.params);
		const pool = (p.pool ?? {}) as Record<string, unknown>;
		const target = design.nodes.find((n) => n.id === edge.target);
		const r = target && result.nodes[target.id];
		if (pool.enabled !== true || !target || !r) continue;
		// A connection is held from the send until the answer is back: the callee's time and
		// the wire both ways. Of the callee's arrivals, this edge's share (other callers' calls
		// held none of this pool's connections); the refused never reached it.
		const holdS = (num(r.latency.mean, 0) + 2 * num(p.latencyMs, 0)) / 1000;
		const rate = (r.arrived * edgeShare(design, result, edge) + refused) / span;
		out.push({ edge, target, size: Math.max(1, num(pool.size, 10)), waitMs: num(pool.waitTimeoutMs, 1000), load: (rate * holdS) / instances, holdS });
	}
	return out;
}

/** The fault behind most of `caller`'s refusals, when it hit the pooled edge or its dependency ("Database slowed ×100 at 10 s"). */
function faultOnDependency(report: FaultReport | null | undefined, caller: string, e: Pooled): string | null {
	const causes = (report?.causes ?? []).filter((c) => c.nodeId === caller && c.reason === 'pool-timeout');
	const all = causes.reduce((a, c) => a + c.count, 0);
	const byFault = new Map<number, number>();
	for (const c of causes) if (c.fault >= 0) byFault.set(c.fault, (byFault.get(c.fault) ?? 0) + c.count);
	const [fault, count] = [...byFault].sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
	const line = report?.faults[fault];
	return line && count > all / 2 && (line.nodeId === e.target.id || line.nodeId === e.edge.id) ? line.name : null;
}

/** The smallest pool that refuses at most REFUSE_AT_MOST of its calls at this load. */
export function poolSizeFor(load: number, from: number): number {
	let k = Math.max(1, from);
	while (erlangB(k, load) > REFUSE_AT_MOST && k < 1_000_000) k++;
	return k;
}

/**
 * Whether `caller`'s failures are its connection pool's doing. Null when they are not mostly
 * `pool-timeout` or no edge out of it has a pool. `saturated`: the utilization from which a
 * part counts as saturated (the dependency's, then, is the real limit).
 */
export function poolVerdict(design: Design, result: SimResult, caller: DesignNode, own: number, saturated: number, report?: FaultReport | null): PoolVerdict | null {
	const r = result.nodes[caller.id];
	// The caller's own refusals: not those its callees' pools made and passed back.
	const refused = ownFailures(design, result, caller.id, 'pool-timeout');
	if (!r || refused < Math.max(1, own / 2)) return null;
	const edges = pooledEdges(design, result, caller, refused);
	if (!edges.length) return null;
	// Several pools: the one asked to hold the most connections for its size.
	const e = edges.sort((a, b) => b.load / b.size - a.load / a.size)[0];
	const busy = result.nodes[e.target.id].utilization;
	if (busy >= saturated) return { pool: false, nodeId: e.target.id };
	const from = caller.label ?? caller.id, to = e.target.label ?? e.target.id;
	const head = `${from} → ${to}: the connection pool (${int(e.size)} per instance${e.waitMs > 0 ? `, ${int(e.waitMs)} ms wait` : ', no wait'}) refused ${int(refused)} requests (${share(refused / Math.max(1, result.global.arrived))} of all)`;
	// Refused mostly while a fault slowed the dependency (or the link to it): its calls held
	// their connections longer, and the pool capped how many workers they could tie up. That
	// is a bulkhead at work; a bigger pool would undo it.
	const hit = faultOnDependency(report, caller.id, e);
	if (hit) return { pool: true, reason: `${head} after ${hit}: it kept the slow calls from tying up every worker (a bulkhead); a bigger pool would let them`, fixes: [] };
	const want = Math.max(e.size + 1, poolSizeFor(e.load, e.size));
	// The callee then works on the calls the pool turned away.
	const then = busy * (1 + refused / Math.max(1, result.nodes[e.target.id].arrived));
	const fixes: PoolFix[] = [
		{
			label: `Raise the pool of ${from} → ${to} to ${want} connections per instance`,
			why: `About ${e.load.toFixed(1)} calls per instance are in flight at this load; ${want} connections turn away under 0.1% of them (Erlang B). ${to} would then be about ${pct(Math.min(1, then))} busy.`,
			patch: { op: 'setEdgeParams', edgeId: e.edge.id, params: { pool: { size: want } } }
		}
	];
	// A longer wait only helps when the pool has room on average and refuses bursts.
	if (e.load < e.size) {
		const waitMs = Math.max(2 * e.waitMs, Math.ceil((5 * e.holdS * 1000) / 10) * 10, 10);
		fixes.push({
			label: `Let ${from} wait up to ${int(waitMs)} ms for a connection to ${to}`,
			why: `The pool is ${pct(e.load / e.size)} taken on average: a burst can wait a few calls' time for a connection instead of failing (the wait adds to latency).`,
			patch: { op: 'setEdgeParams', edgeId: e.edge.id, params: { pool: { waitTimeoutMs: waitMs } } }
		});
	}
	return {
		pool: true,
		reason: `${head} while ${to} was ${pct(busy)} busy: raise the pool size or the wait`,
		fixes
	};
}
