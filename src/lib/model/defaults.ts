// Defaults from the param table, and the fully-resolved params the simulator reads.
import { EDGE_PARAMS, KINDS, REGION_LATENCY_MS, DEFAULT_INTER_REGION_MS } from './kinds';
import type { ParamSpec } from './params';
import type { Design, NodeKind, Params } from './types';

function defaultsOf(fields: readonly ParamSpec[]): Params {
	const out: Params = {};
	for (const f of fields) {
		if (f.type === 'section') out[f.key] = defaultsOf(f.fields);
		else if (f.type === 'map') out[f.key] = { ...f.default };
		else if (f.type === 'types') out[f.key] = [...f.default];
		else out[f.key] = f.default;
	}
	return out;
}

/** Every param of a kind at its default (a fresh object each call). */
export function defaultParams(kind: NodeKind): Params {
	return defaultsOf(KINDS[kind].params);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Defaults overlaid with the given values, section by section; values are not validated here. */
function merge(fields: readonly ParamSpec[], given: unknown): Params {
	const src = isPlainObject(given) ? given : {};
	const out: Params = { ...src };
	for (const f of fields) {
		const v = src[f.key];
		if (f.type === 'section') out[f.key] = merge(f.fields, v);
		else if (f.type === 'map') out[f.key] = isPlainObject(v) ? { ...v } : { ...f.default };
		else if (f.type === 'types') out[f.key] = Array.isArray(v) ? [...v] : [...f.default];
		else if (v === undefined || v === null) out[f.key] = f.default;
	}
	return out;
}

/** A node's params with every missing field (at any depth) filled from its default. */
export function resolveParams(kind: NodeKind, params: unknown): Params {
	return merge(KINDS[kind].params, params);
}

export function resolveEdgeParams(params: unknown): Params {
	return merge(EDGE_PARAMS, params);
}

/** One-way latency between two regions (ms): the design's own matrix, then the built-in one. */
export function regionLatencyMs(design: Pick<Design, 'regionLatencyMs'>, a: string, b: string): number {
	if (a === b) return 0;
	const own = design.regionLatencyMs;
	const k1 = `${a}|${b}`,
		k2 = `${b}|${a}`;
	if (own && typeof own[k1] === 'number') return own[k1];
	if (own && typeof own[k2] === 'number') return own[k2];
	return REGION_LATENCY_MS[k1] ?? REGION_LATENCY_MS[k2] ?? DEFAULT_INTER_REGION_MS;
}
