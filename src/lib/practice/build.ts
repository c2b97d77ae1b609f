// Terse constructors for the designs that ship with the app (templates, challenges).
// They produce plain model.md JSON; every one is checked by restoreDesign in a test.
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type DesignEdge, type DesignNode, type NodeKind, type Params, type Scenario } from '../model/types';

/**
 * Layouts below are written on a compact grid (150–200 px between columns); canvas nodes
 * are 184 px wide, so x is spread by this factor to leave room for the edges.
 */
export const X_SPREAD = 1.35;

export function node(
	id: string,
	kind: NodeKind,
	x: number,
	y: number,
	params: Params = {},
	extra: { label?: string; region?: string } = {}
): DesignNode {
	const n: DesignNode = { id, kind, position: { x: Math.round(x * X_SPREAD), y }, params };
	if (extra.label) n.label = extra.label;
	if (extra.region) n.region = extra.region;
	return n;
}

/** A node at an exact canvas position (no spreading), for transforms of user designs. */
export function placeNode(id: string, kind: NodeKind, x: number, y: number, params: Params = {}, extra: { label?: string; region?: string } = {}): DesignNode {
	const n = node(id, kind, 0, y, params, extra);
	n.position.x = x;
	return n;
}

export function edge(source: string, target: string, params: Params = {}): DesignEdge {
	return { id: `${source}->${target}`, source, target, params };
}

export function scenario(durationS: number, events: Scenario['events'] = [], warmupS = 5, seed = 1): Scenario {
	return { durationS, warmupS, seed, events };
}

export function design(
	id: string,
	name: string,
	nodes: DesignNode[],
	edges: DesignEdge[],
	extra: Partial<Pick<Design, 'regions' | 'scenario' | 'prices'>> = {}
): Design {
	const regions = extra.regions?.map((r) =>
		r.position ? { ...r, position: { x: Math.round(r.position.x * X_SPREAD), y: r.position.y }, width: r.width && Math.round(r.width * X_SPREAD) } : r
	);
	return { format: DESIGN_FORMAT, version: DESIGN_VERSION, id, name, nodes, edges, ...extra, ...(regions ? { regions } : {}) };
}

/** A deep copy, so shipped designs are never mutated by whoever opens them. */
export function cloneDesign(d: Design): Design {
	return structuredClone(d);
}

