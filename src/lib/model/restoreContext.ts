// What every part of a restore shares (restore.ts restores the parts): the size limits, the
// context that carries warnings, the work meter and the ids kept, and the readers of one
// untrusted field (a string cut to its limit, a finite number, a position, an id).
import { isObj, type Meter } from './sanitize';
import type { XY } from './types';

export const LIMITS = {
	nodes: 2000,
	edges: 8000,
	regions: 50,
	events: 500,
	idChars: 100,
	labelChars: 200,
	coordinate: 1e7,
	durationS: 86_400 * 30,
	hourlyUsd: 1e6
} as const;

/** Past this many, warnings are summed up in one line (a hostile file can earn thousands). */
const MAX_WARNINGS = 100;

/** What one restore carries along: its warnings, its work counter and the node ids it kept. */
export class Ctx {
	warnings: string[] = [];
	dropped = 0;
	/** Node id as written (full length) → id kept (cut to LIMITS.idChars), so edges and events follow a cut id. */
	nodeIds = new Map<string, string>();
	edgeIds = new Set<string>();
	/** One counter for every renamed edge id: each taken id is stepped over at most once, so renaming is linear. */
	nextSuffix = 2;
	constructor(readonly meter: Meter) {}
	warn(w: string): void {
		if (this.warnings.length < MAX_WARNINGS) this.warnings.push(w);
		else this.dropped++;
	}
	done(): string[] {
		return this.dropped > 0 ? [...this.warnings, `…and ${this.dropped} more problems of the same sort.`] : this.warnings;
	}
}

export function text(v: unknown, max: number, what: string, cx: Ctx): string | undefined {
	if (typeof v !== 'string') return undefined;
	if (v.length > max) {
		cx.warn(`${what} was ${v.length} characters long; cut to ${max}.`);
		return v.slice(0, max);
	}
	return v;
}

/** An id as written, cut to the id limit the same way everywhere (node, region, edge end, event target). */
export const cutId = (v: string) => v.slice(0, LIMITS.idChars);
export const short = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

export function finite(v: unknown, fallback: number, lim: number): number {
	return typeof v === 'number' && Number.isFinite(v) ? Math.max(-lim, Math.min(lim, v)) : fallback;
}

export function xy(v: unknown): XY {
	const p = isObj(v) ? v : {};
	return { x: finite(p.x, 0, LIMITS.coordinate), y: finite(p.y, 0, LIMITS.coordinate) };
}
