// Design patches: plain data describing a change, so a suggestion can be shown, tested,
// and applied as one undoable editor update.
import type { Design, DesignEdge, DesignNode, Params } from '../model/types';

export type DesignPatch =
	| { op: 'setParams'; nodeId: string; params: Params }
	| { op: 'add'; nodes: DesignNode[]; edges: DesignEdge[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Params merged one level deep, so `{ autoscale: { enabled: true } }` keeps the section's other fields. */
function mergeParams(old: Params, add: Params): Params {
	const out: Params = { ...old };
	for (const [k, v] of Object.entries(add)) out[k] = isObj(v) && isObj(old[k]) ? { ...(old[k] as object), ...v } : v;
	return out;
}

/** A new design with the patch applied; the input is left untouched. */
export function applyPatch(design: Design, patch: DesignPatch): Design {
	if (patch.op === 'setParams')
		return { ...design, nodes: design.nodes.map((n) => (n.id === patch.nodeId ? { ...n, params: mergeParams(n.params, patch.params) } : n)) };
	return { ...design, nodes: [...design.nodes, ...patch.nodes], edges: [...design.edges, ...patch.edges] };
}

/** An id not yet used in the design, from a readable stem. */
export function freshId(design: Design, stem: string): string {
	const used = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id)]);
	if (!used.has(stem)) return stem;
	for (let i = 2; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}
