// A library thumbnail as numbers only (no markup), so a tampered record cannot inject
// anything: the Library component draws it with its own <svg> elements.
import { KINDS, type Design, type PaletteGroup } from '$lib/model';

export const THUMB_SIZE = 100;
const GROUPS: PaletteGroup[] = ['Traffic', 'Compute', 'Data'];
const MAX_NODES = 200;
const MAX_EDGES = 400;

export interface Thumbnail {
	/** [x, y, group index] in 0..THUMB_SIZE. */
	nodes: [number, number, number][];
	/** [x1, y1, x2, y2] in 0..THUMB_SIZE. */
	edges: [number, number, number, number][];
	/** Width of a node box in thumbnail units (few nodes far apart: small; a close group: larger). */
	size?: number;
}

/** A node's box on the canvas (the editor's NODE_SIZE); positions are its top-left corner. */
const BOX = { width: 168, height: 56 };

export function thumbnailOf(design: Pick<Design, 'nodes' | 'edges'>): Thumbnail {
	const nodes = design.nodes.slice(0, MAX_NODES);
	if (nodes.length === 0) return { nodes: [], edges: [] };
	// Centres, so a row of boxes sits in the middle of the picture.
	const xs = nodes.map((n) => n.position.x + BOX.width / 2);
	const ys = nodes.map((n) => n.position.y + BOX.height / 2);
	const minX = Math.min(...xs),
		minY = Math.min(...ys);
	const span = Math.max(Math.max(...xs) - minX + BOX.width, Math.max(...ys) - minY + BOX.height, 1);
	// Keep the aspect ratio and a margin so dots at the edge stay whole.
	const pad = 4;
	const scale = (THUMB_SIZE - 2 * pad) / span;
	const offX = (THUMB_SIZE - (Math.max(...xs) - minX) * scale) / 2;
	const offY = (THUMB_SIZE - (Math.max(...ys) - minY) * scale) / 2;
	const at = new Map<string, [number, number]>();
	const out: Thumbnail = { nodes: [], edges: [], size: Math.round(Math.max(6, Math.min(40, BOX.width * scale * 0.8))) };
	for (const [i, n] of nodes.entries()) {
		const x = Math.round(offX + (xs[i] - minX) * scale);
		const y = Math.round(offY + (ys[i] - minY) * scale);
		at.set(n.id, [x, y]);
		out.nodes.push([x, y, Math.max(0, GROUPS.indexOf(KINDS[n.kind]?.group ?? 'Compute'))]);
	}
	for (const e of design.edges) {
		if (out.edges.length >= MAX_EDGES) break;
		const a = at.get(e.source),
			b = at.get(e.target);
		if (a && b) out.edges.push([a[0], a[1], b[0], b[1]]);
	}
	return out;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(THUMB_SIZE, v)) : 0);
const tuple = (v: unknown, n: number) => Array.isArray(v) && v.length === n;

/** A stored thumbnail checked back into shape (records read from IndexedDB are untrusted). */
export function cleanThumbnail(raw: unknown): Thumbnail {
	const r = (raw && typeof raw === 'object' ? raw : {}) as { nodes?: unknown; edges?: unknown; size?: unknown };
	const nodes = Array.isArray(r.nodes) ? r.nodes.filter((t) => tuple(t, 3)).slice(0, MAX_NODES) : [];
	const edges = Array.isArray(r.edges) ? r.edges.filter((t) => tuple(t, 4)).slice(0, MAX_EDGES) : [];
	return {
		nodes: nodes.map((t) => [num(t[0]), num(t[1]), Math.min(2, Math.trunc(num(t[2])))]),
		edges: edges.map((t) => [num(t[0]), num(t[1]), num(t[2]), num(t[3])]),
		size: Math.max(4, Math.min(40, num(r.size) || 14))
	};
}
