// The only translation between the design and Svelte Flow: a region becomes a frame node
// (id prefixed, so it never collides with a component id) and its members become its
// children, whose Flow positions are relative to the frame. Design positions stay absolute.
import type { Edge, Node } from '@xyflow/svelte';
import { edgeKindOf, type EdgeKind } from '$lib/model/connections';
import { REGION_DEFAULT } from '$lib/model/edit';
import type { Design, DesignEdge, DesignNode, Region, XY } from '$lib/model/types';

export const REGION_PREFIX = 'region:';
export const flowRegionId = (id: string) => REGION_PREFIX + id;
export const isRegionFlowId = (id: string) => id.startsWith(REGION_PREFIX);
export const designIdOf = (flowId: string) => (isRegionFlowId(flowId) ? flowId.slice(REGION_PREFIX.length) : flowId);

export type ComponentFlowNode = Node<{ node: DesignNode }, 'component'>;
export type RegionFlowNode = Node<{ region: Region }, 'region'>;
export type FlowNode = ComponentFlowNode | RegionFlowNode;
export type FlowEdge = Edge<{ edge: DesignEdge; kind: EdgeKind }, 'design'>;

/**
 * Flow nodes for a design. Unchanged design nodes keep their previous Flow object (so
 * Svelte Flow does not re-measure 300 nodes after a one-field edit); `selected` decides
 * which ids are selected.
 */
export function toFlowNodes(design: Design, prev: readonly FlowNode[], selected: ReadonlySet<string>): FlowNode[] {
	const before = new Map(prev.map((n) => [n.id, n]));
	const frames = new Map<string, Region>();
	const out: FlowNode[] = [];
	for (const r of design.regions ?? []) {
		if (!r.position) continue;
		frames.set(r.id, r);
		const id = flowRegionId(r.id);
		const old = before.get(id) as RegionFlowNode | undefined;
		const isSel = selected.has(id);
		if (old && old.data.region === r && !!old.selected === isSel) {
			out.push(old);
			continue;
		}
		out.push({
			...(old ?? {}),
			id,
			type: 'region',
			position: { ...r.position },
			width: r.width ?? REGION_DEFAULT.width,
			height: r.height ?? REGION_DEFAULT.height,
			zIndex: -1,
			selected: isSel,
			data: { region: r }
		});
	}
	for (const n of design.nodes) {
		const old = before.get(n.id) as ComponentFlowNode | undefined;
		const frame = n.region ? frames.get(n.region) : undefined;
		const parentId = frame ? flowRegionId(frame.id) : undefined;
		const isSel = selected.has(n.id);
		if (old && old.data.node === n && old.parentId === parentId && !!old.selected === isSel) {
			// Same node, same parent: but the parent may have moved, so recompute the relative position.
			const pos = relative(n.position, frame);
			if (old.position.x === pos.x && old.position.y === pos.y) {
				out.push(old);
				continue;
			}
		}
		const node: ComponentFlowNode = {
			...(old ?? {}),
			id: n.id,
			type: 'component',
			position: relative(n.position, frame),
			selected: isSel,
			data: { node: n }
		};
		if (parentId) node.parentId = parentId;
		else delete node.parentId;
		out.push(node);
	}
	return out;
}

function relative(p: XY, frame: Region | undefined): XY {
	return frame?.position ? { x: p.x - frame.position.x, y: p.y - frame.position.y } : { x: p.x, y: p.y };
}

export function toFlowEdges(design: Design, prev: readonly FlowEdge[], selected: ReadonlySet<string>): FlowEdge[] {
	const before = new Map(prev.map((e) => [e.id, e]));
	const byId = new Map(design.nodes.map((n) => [n.id, n]));
	return design.edges.map((e) => {
		const kind = edgeKindOf(byId.get(e.source), byId.get(e.target));
		const old = before.get(e.id);
		const isSel = selected.has(e.id);
		if (old && old.data?.edge === e && old.data.kind === kind && !!old.selected === isSel) return old;
		return {
			id: e.id,
			source: e.source,
			target: e.target,
			type: 'design',
			selected: isSel,
			data: { edge: e, kind },
			domAttributes: { 'data-testid': 'edge', 'data-edge-id': e.id, 'data-edge-kind': kind } as Record<string, string>
		};
	});
}

/** Absolute positions of components and frames as Svelte Flow currently shows them. */
export function flowPositions(nodes: readonly FlowNode[]): Map<string, XY> {
	const frames = new Map<string, XY>();
	for (const n of nodes) if (n.type === 'region') frames.set(n.id, n.position);
	const out = new Map<string, XY>();
	for (const n of nodes) {
		const parent = n.parentId ? frames.get(n.parentId) : undefined;
		out.set(n.id, parent ? { x: n.position.x + parent.x, y: n.position.y + parent.y } : { x: n.position.x, y: n.position.y });
	}
	return out;
}
