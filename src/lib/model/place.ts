// Where a new part goes and what it is called: unambiguous names (the legend, the fault
// target list and the review name parts by label) and a spot that covers nothing.
import type { Design, XY } from './types';
import { NODE_SIZE } from './edit';

/** `base` if no part is called that yet, else "base 2", "base 3"… (the first free number). */
export function uniqueLabel(design: Design, base: string): string {
	const used = new Set(design.nodes.map((n) => n.label ?? ''));
	if (!used.has(base)) return base;
	for (let i = 2; ; i++) if (!used.has(`${base} ${i}`)) return `${base} ${i}`;
}

const GAP = 24;

function overlaps(design: Design, p: XY): boolean {
	return design.nodes.some(
		(n) => Math.abs(n.position.x - p.x) < NODE_SIZE.width + GAP && Math.abs(n.position.y - p.y) < NODE_SIZE.height + GAP
	);
}

/** The top-left nearest `at` (searching outwards ring by ring on a node-sized grid) where
 *  a new part overlaps none: parts added with Enter used to stack on one another. */
export function freeSpot(design: Design, at: XY, maxRings = 12): XY {
	const sx = NODE_SIZE.width + GAP;
	const sy = NODE_SIZE.height + GAP;
	for (let r = 0; r <= maxRings; r++) {
		const ring: XY[] = [];
		for (let dy = -r; dy <= r; dy++)
			for (let dx = -r; dx <= r; dx++) if (Math.max(Math.abs(dx), Math.abs(dy)) === r) ring.push({ x: at.x + dx * sx, y: at.y + dy * sy });
		// Nearest first: below and to the right read as "next to" what is in view.
		ring.sort((a, b) => Math.hypot(a.x - at.x, a.y - at.y) - Math.hypot(b.x - at.x, b.y - at.y));
		const free = ring.find((p) => !overlaps(design, p));
		if (free) return free;
	}
	return at;
}
