// When a blocking (thread-per-request) tier fails because its workers are stuck waiting on a
// slow dependency, not because it lacks capacity: its utilization counts the waiting workers
// as busy, so "scale it out" would only add workers for the slow calls to tie up. The lesson
// is a bulkhead (a pool per dependency, so one slow call path holds only its own share of the
// workers) or a shorter timeout on the slow call. Pure: design + result in, advice out.
import { resolveEdgeParams, resolveParams } from '../model';
import type { Design, DesignEdge, DesignNode } from '../model/types';
import type { SimResult } from '../sim/types';
import type { FaultReport } from './faults';
import type { PoolFix } from './pool';
import { pct } from './faultWords';
import { edgeShare, num, ownFailures } from './own';

/** Most of the busy time waiting: below this the tier is working, and may need more of it. */
export const HELD_MOST = 0.5;
/** A dependency this many times slower than its own service time is slow (no fault needed). */
const SLOW = 3;
/** A timeout this many nominal calls long rarely cuts a healthy call short. */
const TIMEOUT_CALLS = 10;

export interface TiedUp {
	/** The slow dependency and the edge to it. */
	edge: DesignEdge;
	target: DesignNode;
	reason: string;
	fixes: PoolFix[];
}

/** A callee's service time by its own parameters (what a healthy call over `e` costs), ms; 0 when it has none. */
function nominalMs(n: DesignNode, e: DesignEdge): number {
	const p = resolveParams(n.kind, n.params);
	if (n.kind === 'database') {
		// The types the edge carries: a reads-only edge costs a read.
		const carries = resolveEdgeParams(e.params).carries;
		const types = Array.isArray(carries) && carries.length ? carries : ['read', 'write'];
		return Math.max(types.includes('read') ? num(p.readMs, 0) : 0, types.includes('write') ? num(p.writeMs, 0) : 0);
	}
	if (n.kind === 'cdn') return num(p.hitMs, 0);
	return num(p.serviceTimeMs, 0);
}

/** The fault that hit the dependency or the edge to it ("Database slowed ×100 at 10 s"), the costliest if several. */
function faultOn(report: FaultReport | null | undefined, e: DesignEdge): string | null {
	const hits = (report?.faults ?? []).filter((f) => f.nodeId === e.target || f.nodeId === e.id);
	return hits.sort((a, b) => b.failed - a.failed)[0]?.name ?? null;
}

/**
 * Whether `caller`'s workers were tied up waiting on one slow dependency: it is blocking,
 * most of its busy time was waiting on downstream calls (`heldShare`), and the call that held
 * them longest went to a part a fault hit or that answered far slower than its service time.
 * `own`: the failures that started at `caller` (most must be its full queue's refusals).
 */
export function tiedUpVerdict(design: Design, result: SimResult, caller: DesignNode, own: number, report?: FaultReport | null): TiedUp | null {
	const r = result.nodes[caller.id];
	if (!r || caller.kind !== 'service') return null;
	// Its own failures were mostly refusals at a full queue: every worker was taken. (Timeouts
	// alone, with workers free, are the dependency's slowness, not a tier tied up.)
	if (ownFailures(design, result, caller.id, 'rejected') < Math.max(1, own / 2)) return null;
	const p = resolveParams(caller.kind, caller.params);
	const held = num(r.heldShare, 0);
	if (p.blocking !== true || held < HELD_MOST) return null;
	// Worker time each call path held: its calls × (the callee's time + the wire both ways).
	// Of the callee's arrivals, this caller's share (edgeShare): another caller's calls held none of its workers.
	const paths = design.edges
		.filter((e) => e.source === caller.id && result.nodes[e.target])
		.map((edge) => {
			const c = result.nodes[edge.target];
			const wire = num(resolveEdgeParams(edge.params).latencyMs, 0);
			return { edge, c, wire, time: c.arrived * edgeShare(design, result, edge) * (num(c.latency.mean, 0) + 2 * wire) };
		})
		.sort((a, b) => b.time - a.time);
	const all = paths.reduce((a, x) => a + x.time, 0);
	const top = paths[0];
	const target = top && design.nodes.find((n) => n.id === top.edge.target);
	if (!top || !target || all <= 0) return null;
	const nominal = nominalMs(target, top.edge);
	const fault = faultOn(report, top.edge);
	const slow = nominal > 0 && num(top.c.latency.mean, 0) >= SLOW * nominal;
	if (!fault && !slow) return null;
	const share = (held * top.time) / all;
	const from = caller.label ?? caller.id, to = target.label ?? target.id;
	const mean = Math.round(num(top.c.latency.mean, 0));
	// The fault's name starts with the part's own ("Database slowed ×100 at 10 s"): once is enough.
	const what = fault?.startsWith(`${to} `) ? fault.slice(to.length + 1) : fault ?? `${mean} ms a call, ${Math.round(mean / nominal)}× its ${nominal} ms`;
	const reason =
		`${from}'s workers were tied up waiting on ${to} (${what}): ${pct(share)} of ${from}'s busy time was waiting on it, ` +
		`so its ${pct(r.utilization)} utilization is mostly waiting, not work: more instances would be tied up too. ` +
		`Give each dependency its own connection pool (a bulkhead) or a shorter timeout on ${from} → ${to}`;
	return { edge: top.edge, target, reason, fixes: fixesFor(top.edge, from, to, num(p.concurrency, 8), nominal, top.wire) };
}

function fixesFor(edge: DesignEdge, from: string, to: string, concurrency: number, nominal: number, wire: number): PoolFix[] {
	const ep = resolveEdgeParams(edge.params);
	const pool = (ep.pool ?? {}) as Record<string, unknown>;
	// Half of each instance's workers at most for this dependency, the rest for everything else;
	// no waiting for a connection, so a refused call frees its worker at once.
	const half = Math.max(1, Math.ceil(concurrency / 2));
	const size = pool.enabled === true ? Math.min(num(pool.size, half), half) : half;
	const fixes: PoolFix[] = [
		{
			label: `Give ${from} → ${to} its own pool of ${size} connections per instance, no wait`,
			why: `A bulkhead: at most ${size} of ${concurrency} workers per instance can wait on ${to}; calls beyond that fail at once ("pool-timeout") and the others keep serving the rest.`,
			patch: { op: 'setEdgeParams', edgeId: edge.id, params: { pool: { enabled: true, size, waitTimeoutMs: 0 } } }
		}
	];
	const timeoutMs = Math.ceil((TIMEOUT_CALLS * nominal + 2 * wire) / 10) * 10;
	const now = num(ep.timeoutMs, 0) > 0 ? num(ep.timeoutMs, 0) : Infinity;
	if (nominal > 0 && timeoutMs < now)
		fixes.push({
			label: `Time out ${from} → ${to} after ${timeoutMs} ms`,
			why: `${TIMEOUT_CALLS}× a healthy call to ${to} (${nominal} ms) plus the wire: a slow call gives its worker back after ${timeoutMs} ms instead of holding it until ${to} answers (that call fails).`,
			patch: { op: 'setEdgeParams', edgeId: edge.id, params: { timeoutMs } }
		});
	return fixes;
}

/**
 * After the timeout fix: a blocking caller's own failures are mostly its timeouts on a call to
 * a dependency a fault hit. The timeout did its job (the workers came back); those calls fail
 * until the dependency recovers, and no tier of the caller's is short of anything.
 */
export function timedOutVerdict(design: Design, result: SimResult, caller: DesignNode, own: number, report?: FaultReport | null): string | null {
	const r = result.nodes[caller.id];
	if (!r || caller.kind !== 'service' || resolveParams(caller.kind, caller.params).blocking !== true) return null;
	const out = design.edges.filter((e) => e.source === caller.id);
	const mine = ownFailures(design, result, caller.id, 'timeout');
	if (mine < Math.max(1, own / 2)) return null;
	const e = out.find((x) => num(resolveEdgeParams(x.params).timeoutMs, 0) > 0 && faultOn(report, x));
	const target = e && design.nodes.find((n) => n.id === e.target);
	if (!e || !target) return null;
	const from = caller.label ?? caller.id, to = target.label ?? target.id;
	const ms = num(resolveEdgeParams(e.params).timeoutMs, 0);
	const all = Math.max(1, result.global.arrived);
	return (
		`${from} → ${to} timed out ${Math.round(mine).toLocaleString('en-US')} calls (${pct(mine / all)} of all) after ${faultOn(report, e)}: ` +
		`the ${ms} ms timeout gave ${from}'s workers back instead of letting ${to} hold them; those calls fail until ${to} recovers (a cache or a fallback could answer them)`
	);
}
