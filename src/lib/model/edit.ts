// Pure edits of a design: each takes a design and returns a new one (structural sharing,
// the input untouched). The editor's commands and its undo history are built on these.
import { KINDS } from './kinds';
import { newId } from './restore';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type DesignEdge, type DesignNode, type NodeKind, type Params, type Region, type XY } from './types';

/** Frame size of a new region, and the margin around grouped nodes. */
export const REGION_DEFAULT = { width: 480, height: 320, margin: 40 } as const;
/** Rough size of a node on the canvas, for hit tests when the real one is unknown. */
export const NODE_SIZE = { width: 184, height: 56 } as const;

export function blankDesign(name = 'Untitled design'): Design {
	return { format: DESIGN_FORMAT, version: DESIGN_VERSION, id: newId(), name, nodes: [], edges: [] };
}

/** The starting point: client → load balancer → service (2 instances) → database. */
export function exampleDesign(): Design {
	const node = (id: string, kind: NodeKind, x: number, y: number, params: Params = {}): DesignNode => ({
		id,
		kind,
		label: KINDS[kind].name,
		position: { x, y },
		params
	});
	const edge = (source: string, target: string): DesignEdge => ({ id: `e-${source}-${target}`, source, target, params: {} });
	return {
		...blankDesign('My first design'),
		// 256 apart (72 between nodes, room for an edge's traffic label): 952 wide, the row fits
		// at readable size (11 px labels) on a 1366 px laptop's canvas; at 288 it needed 1440.
		nodes: [
			node('client', 'client', 0, 120),
			node('lb', 'loadBalancer', 256, 120),
			node('web', 'service', 512, 120, { instances: 2 }),
			node('db', 'database', 768, 120)
		],
		edges: [edge('client', 'lb'), edge('lb', 'web'), edge('web', 'db')]
	};
}

/**
 * The one way to make an id: one that no node, edge or region of the design uses (nor any
 * in `taken`). Numbered from the stem ("service-1", "service-2"…); with `keepStem` the stem
 * itself while it is free ("cache", then "cache-2"…), for the readable ids of fixes and
 * practice transforms.
 */
export function freshId(design: Design, stem: string, opts: { taken?: Iterable<string>; keepStem?: boolean } = {}): string {
	const used = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id), ...(design.regions ?? []).map((r) => r.id), ...(opts.taken ?? [])]);
	if (opts.keepStem && !used.has(stem)) return stem;
	for (let i = opts.keepStem ? 2 : 1; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The one param merge: one level deep, so `{ autoscale: { enabled: true } }` keeps the section's other fields. */
export function mergeParams(old: Params, add: Params): Params {
	const out: Params = { ...old };
	for (const [k, v] of Object.entries(add)) out[k] = isPlainObject(v) && isPlainObject(old[k]) ? { ...old[k], ...v } : v;
	return out;
}

/** Some params of one node changed (merged, see mergeParams). */
export function mergeNodeParams(design: Design, id: string, params: Params): Design {
	return { ...design, nodes: design.nodes.map((n) => (n.id === id ? { ...n, params: mergeParams(n.params, params) } : n)) };
}

/** Some params of one edge changed (merged, see mergeParams). */
export function mergeEdgeParams(design: Design, id: string, params: Params): Design {
	return { ...design, edges: design.edges.map((e) => (e.id === id ? { ...e, params: mergeParams(e.params, params) } : e)) };
}

/** Nodes and edges added as given (their ids made with freshId). */
export function addElements(design: Design, nodes: DesignNode[], edges: DesignEdge[] = []): Design {
	return { ...design, nodes: [...design.nodes, ...nodes], edges: [...design.edges, ...edges] };
}

export function addNode(design: Design, kind: NodeKind, position: XY, id = freshId(design, kind)): Design {
	const node: DesignNode = { id, kind, label: KINDS[kind].name, position: { ...position }, params: {} };
	return { ...design, nodes: [...design.nodes, node] };
}

export function connect(design: Design, source: string, target: string, params: Params = {}): Design {
	const edge: DesignEdge = { id: freshId(design, 'e'), source, target, params };
	return { ...design, edges: [...design.edges, edge] };
}

/** Remove nodes, edges and regions by id; edges of removed nodes and memberships of removed regions go too. */
export function removeElements(design: Design, ids: Iterable<string>): Design {
	const gone = new Set(ids);
	const regionsGone = new Set((design.regions ?? []).filter((r) => gone.has(r.id)).map((r) => r.id));
	const nodes = design.nodes
		.filter((n) => !gone.has(n.id))
		.map((n) => (n.region && regionsGone.has(n.region) ? withoutRegion(n) : n));
	const kept = new Set(nodes.map((n) => n.id));
	const edges = design.edges.filter((e) => !gone.has(e.id) && kept.has(e.source) && kept.has(e.target));
	const out: Design = { ...design, nodes, edges };
	if (design.regions) out.regions = design.regions.filter((r) => !regionsGone.has(r.id));
	return out;
}

function withoutRegion(n: DesignNode): DesignNode {
	const { region: _gone, ...rest } = n;
	return rest as DesignNode;
}

export function moveNodes(design: Design, to: ReadonlyMap<string, XY>): Design {
	if (to.size === 0) return design;
	return { ...design, nodes: design.nodes.map((n) => (to.has(n.id) ? { ...n, position: { ...to.get(n.id)! } } : n)) };
}

/** Move nodes and region frames by the same offset; a region's members move with it. */
export function nudge(design: Design, ids: Iterable<string>, dx: number, dy: number): Design {
	const set = new Set(ids);
	const regions = design.regions?.map((r) =>
		set.has(r.id) && r.position ? { ...r, position: { x: r.position.x + dx, y: r.position.y + dy } } : r
	);
	const nodes = design.nodes.map((n) =>
		set.has(n.id) || (n.region && set.has(n.region)) ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n
	);
	return { ...design, nodes, ...(regions ? { regions } : {}) };
}

/** Set one param by its dotted path (e.g. "autoscale.min"); undefined removes it (the default applies). */
export function setPathValue(params: Params, path: string, value: unknown): Params {
	const [head, ...rest] = path.split('.');
	if (head === '__proto__' || head === 'constructor' || head === 'prototype') return params;
	const out: Params = { ...params };
	if (rest.length === 0) {
		if (value === undefined) delete out[head];
		else out[head] = value;
		return out;
	}
	const inner = out[head];
	out[head] = setPathValue(typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Params) : {}, rest.join('.'), value);
	return out;
}

export function setNodeParam(design: Design, id: string, path: string, value: unknown): Design {
	return { ...design, nodes: design.nodes.map((n) => (n.id === id ? { ...n, params: setPathValue(n.params, path, value) } : n)) };
}

export function setEdgeParam(design: Design, id: string, path: string, value: unknown): Design {
	return { ...design, edges: design.edges.map((e) => (e.id === id ? { ...e, params: setPathValue(e.params, path, value) } : e)) };
}

export function setNodeLabel(design: Design, id: string, label: string): Design {
	return { ...design, nodes: design.nodes.map((n) => (n.id === id ? { ...n, label } : n)) };
}

export function updateRegion(design: Design, id: string, patch: Partial<Region>): Design {
	return { ...design, regions: (design.regions ?? []).map((r) => (r.id === id ? { ...r, ...patch, id } : r)) };
}

/** Put each node into the region whose frame holds its centre (or none). */
export function assignRegions(design: Design, ids: Iterable<string>, size: (id: string) => { width: number; height: number } = () => NODE_SIZE): Design {
	const set = new Set(ids);
	const frames = (design.regions ?? []).filter((r) => r.position);
	let changed = false;
	const nodes = design.nodes.map((n) => {
		if (!set.has(n.id)) return n;
		const s = size(n.id);
		const cx = n.position.x + s.width / 2,
			cy = n.position.y + s.height / 2;
		const hit = frames.find(
			(r) => cx >= r.position!.x && cy >= r.position!.y && cx <= r.position!.x + (r.width ?? REGION_DEFAULT.width) && cy <= r.position!.y + (r.height ?? REGION_DEFAULT.height)
		);
		if ((hit?.id ?? undefined) === n.region) return n;
		changed = true;
		return hit ? { ...n, region: hit.id } : withoutRegion(n);
	});
	return changed ? { ...design, nodes } : design;
}

/** A new region frame around the given nodes (or at `at` when there are none). */
export function groupIntoRegion(design: Design, ids: Iterable<string>, name?: string, at: XY = { x: 0, y: 0 }): Design {
	const set = new Set(ids);
	const members = design.nodes.filter((n) => set.has(n.id));
	const id = freshId(design, 'region');
	const m = REGION_DEFAULT.margin;
	let position = { ...at };
	let width: number = REGION_DEFAULT.width,
		height: number = REGION_DEFAULT.height;
	if (members.length) {
		const xs = members.map((n) => n.position.x),
			ys = members.map((n) => n.position.y);
		position = { x: Math.min(...xs) - m, y: Math.min(...ys) - m - 16 };
		width = Math.max(...xs) + NODE_SIZE.width + m - position.x;
		height = Math.max(...ys) + NODE_SIZE.height + m - position.y;
	}
	const regionCount = (design.regions ?? []).length;
	const region: Region = { id, name: name ?? `Region ${regionCount + 1}`, position, width, height };
	return {
		...design,
		regions: [...(design.regions ?? []), region],
		nodes: design.nodes.map((n) => (set.has(n.id) ? { ...n, region: id } : n))
	};
}

/** The part of a design made of the given nodes and regions, and the edges between them (for copy). */
export function extract(design: Design, ids: Iterable<string>): Design {
	const set = new Set(ids);
	const regions = (design.regions ?? []).filter((r) => set.has(r.id));
	const regionIds = new Set(regions.map((r) => r.id));
	const nodes = design.nodes.filter((n) => set.has(n.id) || (n.region !== undefined && regionIds.has(n.region)));
	const kept = new Set(nodes.map((n) => n.id));
	const edges = design.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
	return { ...blankDesign(design.name), nodes, edges, ...(regions.length ? { regions } : {}) };
}

/**
 * Merge a (restored) design into this one, offset by `offset`, with fresh ids so nothing
 * collides. Returns the new design and the ids of the pasted elements (to select them).
 */
export function paste(design: Design, piece: Design, offset: XY): { design: Design; ids: string[] } {
	const taken = new Set<string>();
	const rename = new Map<string, string>();
	const fresh = (old: string, prefix: string) => {
		const id = freshId(design, prefix, { taken });
		taken.add(id);
		rename.set(old, id);
		return id;
	};
	const regions = (piece.regions ?? []).map((r) => ({
		...r,
		id: fresh(r.id, 'region'),
		...(r.position ? { position: { x: r.position.x + offset.x, y: r.position.y + offset.y } } : {})
	}));
	const nodes = piece.nodes.map((n) => {
		const out: DesignNode = { ...n, id: fresh(n.id, n.kind), position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
		if (n.region && rename.has(n.region)) out.region = rename.get(n.region);
		else delete out.region;
		return out;
	});
	const edges = piece.edges
		.filter((e) => rename.has(e.source) && rename.has(e.target))
		.map((e) => ({ ...e, id: fresh(e.id, 'e'), source: rename.get(e.source)!, target: rename.get(e.target)! }));
	const merged: Design = {
		...design,
		nodes: [...design.nodes, ...nodes],
		edges: [...design.edges, ...edges],
		...(regions.length || design.regions ? { regions: [...(design.regions ?? []), ...regions] } : {})
	};
	return { design: merged, ids: [...regions.map((r) => r.id), ...nodes.map((n) => n.id), ...edges.map((e) => e.id)] };
}

/** The selection as a design for the clipboard: plain JSON that restoreDesign accepts. */
export function clipboardJson(design: Design, ids: Iterable<string>): string {
	return JSON.stringify(extract(design, ids));
}
