// Reads a finished run the way an interviewer would: did it meet the goals, which part
// gave out first and why (in the textbook's words), and the three changes most likely to
// fix it, each a design patch. Pure: design + result in, analysis out.
import { unreachable } from '../model/exhaustive';
import { KINDS, resolveParams } from '../model';
import type { Design, DesignNode, NodeKind } from '../model/types';
import type { MetricsFrame, NodeResult, SimResult } from '../sim/types';
import type { ScenarioEvent } from '../model/types';
import type { DesignPatch } from './patch';
import { freshId } from '../model/edit';
import { faultReport, SATURATED, type FaultReport } from './faults';
import { poolVerdict } from './pool';
import { nameOf, num, ownFailures } from './own';
export { ownFailures } from './own';
import { timedOutVerdict, tiedUpVerdict } from './tiedup';
import { fallingBehind, type Behind } from './backlog';

export interface Goals {
	successRatio: number;
	p99Ms: number;
}
export const DEFAULT_GOALS: Goals = { successRatio: 0.999, p99Ms: 500 };

export interface Check {
	name: string;
	value: number;
	target: number;
	met: boolean;
}
export interface Suggestion {
	label: string;
	why: string;
	patch: DesignPatch;
}
export interface Bottleneck {
	nodeId: string;
	utilization: number;
	/** Whether it actually limits the design (saturated or the main source of failures). */
	limiting: boolean;
	reason: string;
}
export interface Analysis {
	met: boolean;
	checks: Check[];
	costPerMonth: number;
	bottleneck: Bottleneck | null;
	suggestions: Suggestion[];
	/** With the run's frames: each fault's consequence and every failure's cause. */
	report: FaultReport | null;
	/** Parts saturated (the goals are not met while any is). */
	saturated: string[];
	/** Queues whose consumers fell behind (nor while any did). */
	behind: Behind[];
}

const TARGET_UTIL = 0.6;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const failures = (r: NodeResult) => Object.values(r.failed).reduce((s, x) => s + x, 0);

/** The share of traffic that is reads, over every client, weighted by rate. */
export function readShare(design: Design): number {
	let rps = 0,
		reads = 0;
	for (const c of design.nodes.filter((n) => n.kind === 'client')) {
		const p = resolveParams('client', c.params);
		const mix = p.mix as Record<string, number>;
		const total = num(mix.static, 0) + num(mix.read, 0) + num(mix.write, 0) || 1;
		rps += num(p.rps, 0);
		reads += (num(p.rps, 0) * num(mix.read, 0)) / total;
	}
	return rps > 0 ? reads / rps : 0;
}

const SCALABLE: NodeKind[] = ['service', 'worker', 'cache', 'database', 'cdn', 'objectStore'];

function scaleOut(n: DesignNode, util: number): Suggestion | null {
	if (!SCALABLE.includes(n.kind)) return null;
	const p = resolveParams(n.kind, n.params);
	const now = num(p.instances, 1);
	const want = Math.max(now + 1, Math.ceil((now * Math.max(util, 0.01)) / TARGET_UTIL));
	return {
		label: `Scale ${n.label ?? n.id} out to ${want} instances`,
		why: `${now} → ${want} instances brings it to about ${pct((util * now) / want)} utilization.`,
		patch: { op: 'setParams', nodeId: n.id, params: { instances: want } }
	};
}

function upstreamOf(design: Design, id: string): DesignNode[] {
	const ids = new Set(design.edges.filter((e) => e.target === id).map((e) => e.source));
	return design.nodes.filter((n) => ids.has(n.id) && n.kind !== 'database');
}

function addCache(design: Design, db: DesignNode): Suggestion | null {
	const callers = upstreamOf(design, db.id);
	if (!callers.length) return null;
	const id = freshId(design, 'cache', { keepStem: true });
	const node: DesignNode = { id, kind: 'cache', label: 'Cache', position: { x: db.position.x, y: db.position.y - 140 }, params: {} };
	if (db.region) node.region = db.region;
	return {
		label: `Add a cache in front of ${db.label ?? db.id}`,
		why: `Cache-aside: hot keys are served from memory and only misses reach the database.`,
		patch: { op: 'add', nodes: [node], edges: callers.map((c) => ({ id: freshId(design, `${c.id}-${id}`, { keepStem: true }), source: c.id, target: id, params: {} })) }
	};
}

function addReplica(design: Design, db: DesignNode): Suggestion | null {
	const callers = upstreamOf(design, db.id);
	if (!callers.length) return null;
	const id = freshId(design, `${db.id}-replica`, { keepStem: true });
	const node: DesignNode = { id, kind: 'database', label: 'Read replica', position: { x: db.position.x, y: db.position.y + 140 }, params: { role: 'follower' } };
	if (db.region) node.region = db.region;
	return {
		label: `Add a read replica of ${db.label ?? db.id}`,
		why: 'A follower takes reads off the leader; writes replicate to it asynchronously (reads may be slightly stale).',
		patch: {
			op: 'add',
			nodes: [node],
			edges: [
				{ id: freshId(design, `${db.id}-repl`, { keepStem: true }), source: db.id, target: id, params: {} },
				...callers.map((c) => ({ id: freshId(design, `${c.id}-${id}`, { keepStem: true }), source: c.id, target: id, params: {} }))
			]
		}
	};
}

function autoscale(n: DesignNode): Suggestion | null {
	if (n.kind !== 'service' && n.kind !== 'worker') return null;
	const p = resolveParams(n.kind, n.params);
	if ((p.autoscale as { enabled?: boolean })?.enabled) return null;
	const now = num(p.instances, 1);
	return {
		label: `Turn on autoscaling for ${n.label ?? n.id}`,
		why: `Adds instances when utilization passes ${pct(TARGET_UTIL)} (between ${now} and ${now * 4}).`,
		patch: { op: 'setParams', nodeId: n.id, params: { autoscale: { enabled: true, min: now, max: now * 4, targetUtilization: TARGET_UTIL } } }
	};
}

function reasonFor(design: Design, n: DesignNode, r: NodeResult): { reason: string; fixes: (Suggestion | null)[] } {
	const u = pct(r.utilization);
	const p = resolveParams(n.kind, n.params);
	const reads = readShare(design);
	switch (n.kind) {
		case 'database':
			if (reads >= 0.5)
				return {
					reason: `${nameOf(n)} is at ${u} utilization: add read replicas or a cache for the ${pct(reads)} reads`,
					fixes: [addCache(design, n), addReplica(design, n), scaleOut(n, r.utilization)]
				};
			return {
				reason: `${nameOf(n)} is at ${u} utilization with ${pct(1 - reads)} writes: shard it, or queue the writes`,
				fixes: [{ label: `Shard ${n.label ?? n.id} in ${num(p.shards, 1) * 2}`, why: 'Each shard takes its share of the keys and of the writes.', patch: { op: 'setParams', nodeId: n.id, params: { shards: num(p.shards, 1) * 2 } } }, scaleOut(n, r.utilization)]
			};
		case 'rateLimiter':
			return {
				reason: `${nameOf(n)} turned away ${r.failed['rate-limited']} requests (429): raise its limit if this traffic is legitimate`,
				fixes: [{ label: `Raise the limit of ${n.label ?? n.id} to ${num(p.limitRps, 1000) * 2} rps`, why: 'Twice the current limit.', patch: { op: 'setParams', nodeId: n.id, params: { limitRps: num(p.limitRps, 1000) * 2 } } }]
			};
		case 'loadBalancer':
		case 'apiGateway':
			return {
				reason: `${nameOf(n)} is at its limit of ${num(p.maxRps, 0)} rps and rejects the rest: raise maxRps or add another behind DNS`,
				fixes: [{ label: `Raise maxRps of ${n.label ?? n.id} to ${num(p.maxRps, 1000) * 2}`, why: 'Twice the current cap.', patch: { op: 'setParams', nodeId: n.id, params: { maxRps: num(p.maxRps, 1000) * 2 } } }]
			};
		case 'queue':
			if (p.ordering === 'per-partition' && num(r.maxPartitionLag, 0) > 0.5 * num(r.lag, 0) && num(r.lag, 0) > 100)
				return { reason: `one partition of ${nameOf(n)} lags (${num(r.maxPartitionLag, 0)} messages of ${num(r.lag, 0)}): a hot key, or fewer partitions than consumers; a partition is processed one message at a time per group`, fixes: [] };
			if (num(r.redeliveredRatio, 0) > 0.05)
				return { reason: `${nameOf(n)} delivers ${Math.round(num(r.redeliveredRatio, 0) * 100)}% of its messages again (visibility timeout shorter than processing, or messages that always fail): raise the visibility timeout or set max receives`, fixes: [] };
			return { reason: `messages pile up in ${nameOf(n)} (depth ${num(r.depth, 0)}): the workers cannot keep up; add workers or autoscale on backlog`, fixes: [] };
		case 'worker':
			return { reason: `${nameOf(n)} is at ${u} utilization: the queue backs up; add workers or autoscale on backlog`, fixes: [scaleOut(n, r.utilization), autoscale(n)] };
		case 'cache':
			return { reason: `${nameOf(n)} is at ${u} utilization: add cache instances (more shards of the key space)`, fixes: [scaleOut(n, r.utilization)] };
		case 'service':
			return {
				reason: `${nameOf(n)} is at ${u} utilization: scale it out horizontally (it is stateless) or turn on autoscaling`,
				fixes: [scaleOut(n, r.utilization), autoscale(n), { label: `Double the workers per instance of ${n.label ?? n.id}`, why: 'More concurrent requests per machine (if it waits on I/O, not CPU).', patch: { op: 'setParams', nodeId: n.id, params: { concurrency: num(p.concurrency, 8) * 2 } } }]
			};
		case 'client':
		case 'dns':
		case 'geoDns':
		case 'cdn':
		case 'kvStore':
		case 'objectStore':
			return { reason: `${nameOf(n)} is at ${u} utilization`, fixes: [scaleOut(n, r.utilization)] };
		default:
			return unreachable(n.kind);
	}
}

/**
 * Failures that started at a node. A failure is counted at every node on the way back to
 * the client, so a node's own share is what its callees do not already account for.
 */
/**
 * The part that limits the design: the most saturated, else the one failing the most
 * requests; or `forced`, the part the fault report found the costliest.
 */
export function findBottleneck(design: Design, result: SimResult, forced?: string, report?: FaultReport | null): Bottleneck & { fixes: Suggestion[] } | null {
	const cands = design.nodes.filter((n) => n.kind !== 'client' && result.nodes[n.id]);
	if (!cands.length) return null;
	const byUtil = [...cands].sort((a, b) => result.nodes[b.id].utilization - result.nodes[a.id].utilization)[0];
	const own = new Map(cands.map((n) => [n.id, ownFailures(design, result, n.id)]));
	const byFail = [...cands].sort((a, b) => own.get(b.id)! - own.get(a.id)!)[0];
	const uTop = result.nodes[byUtil.id].utilization;
	const failTop = own.get(byFail.id)!;
	const arrived = Math.max(1, result.global.arrived);
	// Failures a design absorbs (a dead cache's misses served by the database) are not a limit.
	const failing = failures({ failed: result.global.failed } as NodeResult) / arrived > 0.001;
	let node = byUtil;
	if (uTop < SATURATED && failing && failTop / arrived > 0.001) node = byFail;
	const chosen = forced ? cands.find((n) => n.id === forced) : undefined;
	if (chosen) node = chosen;
	const r = result.nodes[node.id];
	const mine = own.get(node.id)!;
	const limiting = r.utilization >= SATURATED || (failing && mine / arrived > 0.001) || !!chosen;
	if (!limiting)
		return { nodeId: node.id, utilization: r.utilization, limiting, reason: `nothing is saturated: the busiest part is ${nameOf(node)} at ${pct(r.utilization)} utilization`, fixes: [] };
	const down = r.failed.unavailable > Math.max(mine, 1) / 2 && r.utilization < SATURATED && (mine > 0 || !!chosen);
	const standby = node.kind === 'database' && design.edges.some((e) => e.source === node.id && design.nodes.find((n) => n.id === e.target)?.kind === 'database');
	if (down && standby) {
		const failoverS = num(resolveParams('database', node.params).failoverS, 30);
		return {
			nodeId: node.id,
			utilization: r.utilization,
			limiting,
			reason: `${nameOf(node)} was down and refused ${r.failed.unavailable} writes until a follower was promoted (failover after ${failoverS} s): a faster failover shortens the outage`,
			fixes: [{ label: `Fail over ${node.label ?? node.id} in ${Math.max(1, Math.round(failoverS / 3))} s`, why: `Promote a follower after ${Math.max(1, Math.round(failoverS / 3))} s instead of ${failoverS} s (a tighter health check).`, patch: { op: 'setParams', nodeId: node.id, params: { failoverS: Math.max(1, Math.round(failoverS / 3)) } } }]
		};
	}
	if (down)
		return {
			nodeId: node.id,
			utilization: r.utilization,
			limiting,
			reason: `${nameOf(node)} was unavailable for ${r.failed.unavailable} requests: give it a standby (a replica with failover) so one failure is not an outage`,
			fixes: [node.kind === 'database' ? addReplica(design, node) : scaleOut(node, r.utilization)].filter((s): s is Suggestion => !!s)
		};
	// Refusals by a connection pool: the pool's advice, or the dependency's when it is the limit.
	const pool = poolVerdict(design, result, node, mine, SATURATED, report);
	if (pool?.pool) return { nodeId: node.id, utilization: r.utilization, limiting, reason: pool.reason, fixes: pool.fixes };
	// A blocking tier whose workers waited on a slow dependency: its busy time is not work.
	const tied = pool ? null : tiedUpVerdict(design, result, node, mine, report);
	const timedOut = tied || pool ? null : timedOutVerdict(design, result, node, mine, report);
	if (tied || timedOut) return { nodeId: node.id, utilization: r.utilization, limiting, reason: tied?.reason ?? timedOut!, fixes: tied?.fixes ?? [] };
	const at = pool ? design.nodes.find((n) => n.id === pool.nodeId)! : node;
	const { reason, fixes } = reasonFor(design, at, result.nodes[at.id]);
	return { nodeId: at.id, utilization: result.nodes[at.id].utilization, limiting, reason, fixes: fixes.filter((s): s is Suggestion => !!s) };
}

export function analyse(
	design: Design,
	result: SimResult,
	goals: Goals = DEFAULT_GOALS,
	run?: { frames: MetricsFrame[]; events: ScenarioEvent[] }
): Analysis {
	const g = result.global;
	const checks: Check[] = [
		{ name: 'Success ratio', value: g.successRatio, target: goals.successRatio, met: g.successRatio >= goals.successRatio },
		{ name: 'p99 latency', value: g.latency.p99, target: goals.p99Ms, met: Number.isFinite(g.latency.p99) && g.latency.p99 <= goals.p99Ms }
	];
	const report = run && run.frames.length ? faultReport(design, result, run.frames, run.events, goals.p99Ms) : null;
	const saturated =
		report?.saturated ??
		design.nodes.filter((n) => n.kind !== 'client' && n.kind !== 'loadBalancer' && (result.nodes[n.id]?.utilization ?? 0) >= SATURATED).map((n) => n.id);
	// Lead with what cost the most: the part where the largest share of failures started.
	const top = report?.causes.find((c) => c.reason !== 'slow');
	const costly = top && top.count / Math.max(1, g.arrived) > 0.001 && design.nodes.some((n) => n.id === top.nodeId && n.kind !== 'client') ? top.nodeId : undefined;
	const behind = fallingBehind(design, result);
	const found = findBottleneck(design, result, costly, report);
	// A queue falling behind limits the design even where nothing is saturated.
	const lag = found?.limiting ? undefined : behind[0];
	const b = lag ? { nodeId: lag.nodeId, utilization: result.nodes[lag.nodeId].utilization, limiting: true, reason: lag.reason, fixes: lag.fix ? [lag.fix] : [] } : found;
	const suggestions = [...(b?.fixes ?? [])];
	// Then the next most loaded parts, so the list has somewhere to go once the first is fixed.
	const others = design.nodes
		.filter((n) => n.id !== b?.nodeId && result.nodes[n.id] && result.nodes[n.id].utilization >= 0.7)
		.sort((a, c) => result.nodes[c.id].utilization - result.nodes[a.id].utilization);
	for (const n of others) {
		const s = scaleOut(n, result.nodes[n.id].utilization);
		if (s) suggestions.push(s);
	}
	const bottleneck = b ? { nodeId: b.nodeId, utilization: b.utilization, limiting: b.limiting, reason: b.reason } : null;
	return {
		met: checks.every((c) => c.met) && saturated.length === 0 && behind.length === 0,
		checks,
		costPerMonth: g.costPerMonth,
		bottleneck,
		suggestions: suggestions.slice(0, 3),
		report,
		saturated,
		behind
	};
}
