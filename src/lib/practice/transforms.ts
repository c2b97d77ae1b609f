// Design transforms used by the review's one-click fixes. Each takes a design and returns
// a new one (the input is never mutated), so a fix is one undoable replaceDesign.
import { cloneDesign, placeNode as makeNode } from './build';
import { freshId, mergeEdgeParams, mergeNodeParams } from '../model/edit';
import { resolveParams } from '../model/defaults';
import type { Design, DesignEdge, DesignNode, NodeKind, Params } from '../model/types';

export const byId = (d: Design, id: string): DesignNode | undefined => d.nodes.find((n) => n.id === id);
export const incoming = (d: Design, id: string): DesignEdge[] => d.edges.filter((e) => e.target === id);
export const outgoing = (d: Design, id: string): DesignEdge[] => d.edges.filter((e) => e.source === id);
/** How a review or a fix names a part: its label, else its id. */
export const nameOf = (n: DesignNode): string => n.label || n.id;
export const kindOf = (d: Design, id: string): NodeKind | undefined => byId(d, id)?.kind;
export const isReplication = (d: Design, e: DesignEdge) => kindOf(d, e.source) === 'database' && kindOf(d, e.target) === 'database';

/** Resolved params of a node (defaults filled in). */
export const paramsOf = (n: DesignNode): Params => resolveParams(n.kind, n.params);

export function addEdge(d: Design, source: string, target: string, params: Params = {}) {
	if (d.edges.some((e) => e.source === source && e.target === target)) return;
	d.edges.push({ id: freshId(d, `${source}->${target}`, { keepStem: true }), source, target, params });
}

/** Set some params of one node (the editor's merge, model/edit.ts). */
export const setParams = mergeNodeParams;

/** Set some params of one edge (the editor's merge, model/edit.ts). */
export const setEdgeParams = mergeEdgeParams;

/**
 * Put a new node on the given edges: each `a → b` becomes `a → new` (keeping its params)
 * and `new → b`. The new node sits between the first edge's ends, nudged off the line.
 */
export function insertOnEdges(d: Design, edgeIds: string[], kind: NodeKind, base: string, params: Params = {}, label?: string): Design {
	const out = cloneDesign(d);
	const cut = out.edges.filter((e) => edgeIds.includes(e.id));
	if (cut.length === 0) return out;
	const a = byId(out, cut[0].source)!;
	const b = byId(out, cut[0].target)!;
	const id = freshId(out, base, { keepStem: true });
	const region = a.region && a.region === b.region ? a.region : b.region;
	out.nodes.push(
		makeNode(id, kind, Math.round((a.position.x + b.position.x) / 2), Math.round((a.position.y + b.position.y) / 2) + 60, params, {
			label,
			region
		})
	);
	out.edges = out.edges.filter((e) => !edgeIds.includes(e.id));
	for (const e of cut) {
		addEdge(out, e.source, id, e.params);
		addEdge(out, id, e.target);
	}
	return out;
}

/** A second copy of a node with the same callers and callees (an active/standby pair). */
export function addStandby(d: Design, nodeId: string): Design {
	const out = cloneDesign(d);
	const n = byId(out, nodeId);
	if (!n) return out;
	const id = freshId(out, `${nodeId}-standby`, { keepStem: true });
	out.nodes.push({ ...structuredClone(n), id, label: `${n.label ?? nodeId} (standby)`, position: { x: n.position.x, y: n.position.y + 110 } });
	for (const e of incoming(d, nodeId)) addEdge(out, e.source, id, structuredClone(e.params));
	for (const e of outgoing(d, nodeId)) addEdge(out, id, e.target, structuredClone(e.params));
	return out;
}

/** A follower of a leader: same sizing, semi-sync replication, and every caller reads from it. */
export function addFollower(d: Design, leaderId: string): Design {
	const out = cloneDesign(d);
	const leader = byId(out, leaderId);
	if (!leader) return out;
	const id = freshId(out, `${leaderId}-follower`, { keepStem: true });
	out.nodes.push({
		...structuredClone(leader),
		id,
		label: `${leader.label ?? leaderId} follower`,
		position: { x: leader.position.x + 200, y: leader.position.y + 40 },
		params: { ...structuredClone(leader.params), role: 'follower' }
	});
	addEdge(out, leaderId, id, { mode: 'semi-sync' });
	for (const e of incoming(d, leaderId)) if (!isReplication(d, e)) addEdge(out, e.source, id, { carries: ['read'] });
	return out;
}

/** A cache beside a database: every caller of the database looks reads up in it first. */
export function addCacheFor(d: Design, dbId: string): Design {
	const out = cloneDesign(d);
	const dbNode = byId(out, dbId);
	if (!dbNode) return out;
	const id = freshId(out, 'cache', { keepStem: true });
	out.nodes.push(makeNode(id, 'cache', dbNode.position.x, dbNode.position.y - 130, { instances: 2, capacity: 20000, ttlS: 300 }, { region: dbNode.region }));
	for (const e of incoming(d, dbId)) if (!isReplication(d, e)) addEdge(out, e.source, id, { carries: ['read'] });
	return out;
}

/** Turn a synchronously called service into queue-fed workers: caller → queue → workers. */
export function decoupleWithQueue(d: Design, edgeId: string): Design {
	const e = d.edges.find((x) => x.id === edgeId);
	const target = e && byId(d, e.target);
	if (!e || !target) return cloneDesign(d);
	const out = insertOnEdges(d, [edgeId], 'queue', `${target.id}-queue`, {}, `${target.label ?? target.id} jobs`);
	const t = byId(out, target.id)!;
	const p = t.params;
	const keep: Params = {};
	for (const k of ['instances', 'concurrency', 'serviceTimeMs', 'serviceDist', 'serviceCv', 'failures']) if (p[k] !== undefined) keep[k] = p[k];
	t.kind = 'worker';
	t.params = keep;
	return out;
}
