// Live figures drawn on the canvas while (or after) a simulation runs, and the design
// review's marks. Empty by default: then nodes and edges look as drawn. The run helper
// fills `nodes`/`edges` (replace the Map to notify: they are $state.raw), the review
// helper fills `findings`.
import { getContext, setContext } from 'svelte';

export interface NodeFigures {
	/** Busy workers / all workers, 0..1 (colours the node green → amber → red). */
	utilization: number;
	/** Completed requests per second at this node. */
	rps: number;
	/** 99th percentile latency at this node, ms. */
	p99: number;
	/** Failed requests per second (any reason). */
	errors: number;
	/** The node (or all its instances) is down. */
	down: boolean;
	/** The run's named bottleneck. */
	bottleneck: boolean;
	/** Instances alive / all of them, now (a group shows "3/4 up" when some are down). */
	up?: number;
	instances?: number;
	/** A replicated database's role now: failover promotes a follower and demotes the old leader. */
	role?: 'leader' | 'follower';
	/** Reads per second that missed the latest write, and multi-leader write conflicts per second (when the node reports them and they happen). */
	stale?: number;
	conflicts?: number;
}

export interface EdgeFigures {
	/** Requests per second travelling the edge (sets its thickness). */
	rps: number;
	/** Failed calls per second on it. */
	errors?: number;
}

export class OverlayStore {
	nodes = $state.raw<ReadonlyMap<string, NodeFigures>>(new Map());
	edges = $state.raw<ReadonlyMap<string, EdgeFigures>>(new Map());
	/** node id → short review messages ("Single point of failure"). */
	findings = $state.raw<ReadonlyMap<string, readonly string[]>>(new Map());
	/** The largest edge rps, to scale thickness. */
	maxEdgeRps = $derived(Math.max(0, ...[...this.edges.values()].map((e) => e.rps)));

	setFigures(nodes: ReadonlyMap<string, NodeFigures>, edges: ReadonlyMap<string, EdgeFigures> = new Map()): void {
		this.nodes = nodes;
		this.edges = edges;
	}

	clearFigures(): void {
		this.nodes = new Map();
		this.edges = new Map();
	}

	setFindings(findings: ReadonlyMap<string, readonly string[]>): void {
		this.findings = findings;
	}
}

/** Colour for a utilization, green (idle) → amber → red (saturated), as an HSL hue. */
export function utilizationHue(u: number): number {
	const x = Math.max(0, Math.min(1, u));
	return 130 * (1 - x) ** 1.2;
}

/** WCAG relative luminance of hsl(h s% l%). */
function luminance(h: number, s: number, l: number): number {
	const a = s * Math.min(l, 1 - l);
	const f = (n: number) => {
		const k = (n + h / 30) % 12;
		const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * f(0) + 0.7152 * f(8) + 0.0722 * f(4);
}

/**
 * The lightest background of hue `h` (60 % saturation) on which white text reads at 4.6:1 or
 * better, capped at 42 %: amber and green at one fixed lightness read at under 3:1, a live
 * badge's figures are small text.
 */
export function badgeLightness(h: number): number {
	// Hues come in 5° steps: each is searched once, not on every repaint of a badge.
	const known = lightness.get(h);
	if (known !== undefined) return known;
	const l = searchLightness(h);
	lightness.set(h, l);
	return l;
}
const lightness = new Map<number, number>();

function searchLightness(h: number): number {
	let lo = 0,
		hi = 0.42;
	if (1.05 / (luminance(h, 0.6, hi) + 0.05) >= 4.6) return 42;
	for (let i = 0; i < 20; i++) {
		const mid = (lo + hi) / 2;
		if (1.05 / (luminance(h, 0.6, mid) + 0.05) >= 4.6) lo = mid;
		else hi = mid;
	}
	return Math.floor(lo * 1000) / 10;
}

/**
 * Stroke width for an edge carrying `rps` when the busiest carries `max`, in half pixels: the
 * busiest edge's noise moves `max` every second, and an unrounded width restyled and
 * repainted every edge of the canvas for a change nobody can see.
 */
export function trafficWidth(rps: number, max: number): number {
	if (!(max > 0) || !(rps > 0)) return 1.5;
	return Math.round(2 * (1.5 + 6 * Math.sqrt(Math.min(1, rps / max)))) / 2;
}

const KEY = Symbol('loadbearing:overlay');

export function setOverlay(overlay: OverlayStore): OverlayStore {
	return setContext(KEY, overlay);
}

export function getOverlay(): OverlayStore {
	const o = getContext<OverlayStore | undefined>(KEY);
	if (!o) throw new Error('getOverlay() was called outside the editor: render this component inside <AppShell> (which calls setOverlay).');
	return o;
}
