// Which connections mean something. The canvas asks before it draws an edge, and shows
// the reason where the user is looking when the answer is no. Pure: no DOM, no Svelte.
import { KINDS } from './kinds';
import { resolveParams } from './defaults';
import type { Design, DesignEdge, DesignNode } from './types';

/** How a request travels an edge (model.md, "Edges"). */
export type EdgeKind = 'call' | 'async' | 'replication';

export type ConnectionCheck = { ok: true; kind: EdgeKind } | { ok: false; reason: string };

function role(n: DesignNode): string {
	return String(resolveParams('database', n.params).role);
}

const name = (n: DesignNode) => n.label || KINDS[n.kind].name;

/** The kind of an edge between two nodes, from their kinds alone. */
export function edgeKindOf(source: DesignNode | undefined, target: DesignNode | undefined): EdgeKind {
	if (source?.kind === 'database' && target?.kind === 'database') return 'replication';
	if (target?.kind === 'queue') return 'async';
	return 'call';
}

export function edgeKind(design: Design, edge: Pick<DesignEdge, 'source' | 'target'>): EdgeKind {
	const byId = (id: string) => design.nodes.find((n) => n.id === id);
	return edgeKindOf(byId(edge.source), byId(edge.target));
}

/** Whether `to` can already reach `from` by following edges (a new edge from→to would close a loop). */
function reaches(design: Design, from: string, to: string): boolean {
	const out = new Map<string, string[]>();
	for (const e of design.edges) {
		const list = out.get(e.source);
		if (list) list.push(e.target);
		else out.set(e.source, [e.target]);
	}
	const seen = new Set<string>([from]);
	const stack = [from];
	while (stack.length) {
		const id = stack.pop()!;
		if (id === to) return true;
		for (const next of out.get(id) ?? []) if (!seen.has(next)) (seen.add(next), stack.push(next));
	}
	return false;
}

/** Rules for one pair of kinds, before the graph is considered. */
function pairRule(s: DesignNode, t: DesignNode): string | null {
	if (!KINDS[t.kind].receives) return `A ${KINDS[t.kind].name.toLowerCase()} only sends traffic: nothing calls it.`;
	if (s.kind === 'database' && t.kind === 'database') {
		if (role(s) === 'follower' && role(t) === 'leader') return 'Replication runs from the leader to a follower, not back.';
		if (role(s) === 'follower') return 'A follower does not replicate on: connect the leader to each follower.';
		if (role(t) === 'leader') return 'Two leaders cannot replicate to each other: make the target a follower.';
		return null;
	}
	if (s.kind === 'database') return 'A database answers queries; its only outgoing edges are replication to a follower.';
	if (!KINDS[s.kind].sends) return `A ${KINDS[s.kind].name.toLowerCase()} stores data; it calls nothing downstream.`;
	if (s.kind === 'queue' && t.kind !== 'worker')
		return `A queue is drained by workers: connect it to a worker, not to a ${KINDS[t.kind].name.toLowerCase()}.`;
	if (t.kind === 'worker' && s.kind !== 'queue') return 'Workers pull messages from a queue: put a queue in front of them.';
	if (s.kind === 'cache' && t.kind !== 'database' && t.kind !== 'kvStore')
		return 'A cache only reads through to a database behind it.';
	if (t.kind === 'dns' || t.kind === 'geoDns') {
		if (s.kind !== 'client' && s.kind !== 'dns' && s.kind !== 'geoDns') return 'DNS sits in front: clients call it, not servers.';
	}
	return null;
}

/** May an edge go from `sourceId` to `targetId` in this design? */
export function checkConnection(design: Design, sourceId: string, targetId: string): ConnectionCheck {
	const s = design.nodes.find((n) => n.id === sourceId);
	const t = design.nodes.find((n) => n.id === targetId);
	if (!s || !t) return { ok: false, reason: 'Both ends must be components on the canvas.' };
	if (s.id === t.id) return { ok: false, reason: 'A component cannot call itself.' };
	if (design.edges.some((e) => e.source === s.id && e.target === t.id)) return { ok: false, reason: `${name(s)} already calls ${name(t)}.` };
	const rule = pairRule(s, t);
	if (rule) return { ok: false, reason: rule };
	if (reaches(design, t.id, s.id)) return { ok: false, reason: `That would make a loop: ${name(t)} already leads back to ${name(s)}.` };
	return { ok: true, kind: edgeKindOf(s, t) };
}
