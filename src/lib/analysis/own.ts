// Readers the analyses share: a finite number or a default, and the failures a part started
// itself. A failure is counted at every part on its way back to the client, so what a part
// started is its count less what its callees counted.
import { KINDS } from '../model/kinds';
import type { Design, DesignNode } from '../model/types';
import type { NodeResult, Reason, SimResult } from '../sim/types';

export const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** A part as the summary names it: `the database "Primary DB"` (the kind alone when unlabelled). */
export function nameOf(n: DesignNode): string {
	return `the ${KINDS[n.kind].name.toLowerCase()}${n.label && n.label !== KINDS[n.kind].name ? ` "${n.label}"` : ''}`;
}

const failed = (r: NodeResult, reason?: Reason) => (reason ? (r.failed[reason] ?? 0) : Object.values(r.failed).reduce((s, x) => s + x, 0));

/** Failures (of `reason`, or of any) that started at `id`. */
export function ownFailures(design: Design, result: SimResult, id: string, reason?: Reason): number {
	const r = result.nodes[id];
	if (!r) return 0;
	const callees = new Set(design.edges.filter((e) => e.source === id).map((e) => e.target));
	let below = 0;
	for (const c of callees) if (result.nodes[c]) below += failed(result.nodes[c], reason);
	return Math.max(0, failed(r, reason) - below);
}

/**
 * The share of `edge`'s callee's arrivals that came over `edge`. Results count per part, not
 * per edge, so a callee's arrivals are shared among its callers in proportion to what each
 * received, less what its own connection pools refused (those never reached the callee):
 * exact for a single caller, an estimate for several.
 */
export function edgeShare(design: Design, result: SimResult, edge: { source: string; target: string }): number {
	const callers = design.edges.filter((e) => e.target === edge.target).map((e) => e.source);
	const weight = (id: string) => Math.max(0, (result.nodes[id]?.arrived ?? 0) - ownFailures(design, result, id, 'pool-timeout'));
	const total = callers.reduce((s, id) => s + weight(id), 0);
	return total > 0 ? weight(edge.source) / total : 1 / Math.max(1, callers.length);
}
