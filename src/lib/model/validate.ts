// Field validation, shared by the inspector (as typed) and restoreDesign (on load).
import type { ParamSpec, NumberSpec } from './params';
import { unreachable } from './exhaustive';
import { BAD_KEYS, sanitize, type Meter } from './sanitize';

/** A free map (a client's origin regions) names at most this many keys, each this long. */
export const MAP_LIMITS = { keys: 50, keyChars: 100 } as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function fmt(x: number): string {
	return Math.abs(x) >= 1e6 ? x.toExponential(0) : String(x);
}

/** Parse and check a number field as typed (a string) or as loaded (anything). */
export function checkNumber(spec: NumberSpec, raw: unknown): Checked<number> {
	if (typeof raw === 'string' && raw.trim() === '') return { ok: false, message: `${spec.label} is required.` };
	const v = typeof raw === 'string' ? Number(raw.trim()) : raw;
	if (typeof v !== 'number' || Number.isNaN(v)) return { ok: false, message: `${spec.label} must be a number.` };
	if (!Number.isFinite(v)) return { ok: false, message: `${spec.label} must be finite.` };
	if (spec.integer && !Number.isInteger(v)) return { ok: false, message: `${spec.label} must be a whole number.` };
	const unit = spec.unit ? ` ${spec.unit}` : '';
	if (v < spec.min || (spec.exclusiveMin && v === spec.min))
		return {
			ok: false,
			message: `${spec.label} must be ${spec.exclusiveMin ? 'above' : 'at least'} ${fmt(spec.min)}${unit}.`
		};
	if (v > spec.max) return { ok: false, message: `${spec.label} must be at most ${fmt(spec.max)}${unit}.` };
	return { ok: true, value: v };
}

/** Check one value against its spec (sections are checked field by field by the caller). */
export function checkValue(spec: ParamSpec, raw: unknown): Checked<unknown> {
	switch (spec.type) {
		case 'number':
			return checkNumber(spec, raw);
		case 'choice':
			return typeof raw === 'string' && spec.options.includes(raw)
				? { ok: true, value: raw }
				: { ok: false, message: `${spec.label} must be one of ${spec.options.join(', ')}.` };
		case 'boolean':
			return typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false, message: `${spec.label} must be true or false.` };
		case 'types': {
			const ok = Array.isArray(raw) && raw.every((t) => t === 'static' || t === 'read' || t === 'write');
			return ok ? { ok: true, value: [...new Set(raw as string[])] } : { ok: false, message: `${spec.label} must list static, read or write.` };
		}
		case 'map': {
			if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: `${spec.label} must be a map.` };
			const out: Record<string, number> = {};
			const entries = Object.entries(raw).filter(([k]) => !BAD_KEYS.has(k));
			// Each key is a region the simulator resolves per request draw: keep the map small.
			if (entries.length > MAP_LIMITS.keys) return { ok: false, message: `${spec.label} can name at most ${MAP_LIMITS.keys} regions.` };
			for (const [k, v] of entries) {
				if (k.length > MAP_LIMITS.keyChars) return { ok: false, message: `${spec.label}: a region name is longer than ${MAP_LIMITS.keyChars} characters.` };
				if (typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max)
					return { ok: false, message: `${spec.label}: ${k} must be between ${spec.min} and ${spec.max}.` };
				out[k] = v;
			}
			return { ok: true, value: out };
		}
		case 'section':
			return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
				? { ok: true, value: raw }
				: { ok: false, message: `${spec.label} must be a group of fields.` };
		default:
			return unreachable(spec);
	}
}

export interface ParamProblem {
	/** Dotted path inside params, e.g. "autoscale.min". */
	path: string;
	message: string;
}

/**
 * Clean a params object against its specs: invalid values are dropped (the default then
 * applies) and reported; unknown fields are kept for forward compatibility as plain JSON
 * (sanitize.ts), unless their names are prototype-polluting.
 */
export function cleanParams(
	fields: readonly ParamSpec[],
	raw: unknown,
	prefix = '',
	meter?: Meter
): { params: Record<string, unknown>; problems: ParamProblem[] } {
	const problems: ParamProblem[] = [];
	const params: Record<string, unknown> = Object.create(null);
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		if (raw !== undefined) problems.push({ path: prefix || 'params', message: 'params must be an object.' });
		return { params: { ...params }, problems };
	}
	const known = new Map(fields.map((f) => [f.key, f]));
	for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
		if (BAD_KEYS.has(k)) continue;
		if (meter) meter.steps++;
		const spec = known.get(k);
		if (!spec) {
			// Unknown: kept (a newer app may know it), as plain JSON of bounded depth; the simulator ignores it.
			const clean = sanitize(v, meter, 1);
			if (clean !== undefined) params[k] = clean;
			continue;
		}
		if (v === undefined) continue;
		const c = checkValue(spec, v);
		if (!c.ok) {
			problems.push({ path: prefix + k, message: c.message });
			continue;
		}
		if (spec.type === 'section') {
			const inner = cleanParams(spec.fields, v, `${prefix}${k}.`, meter);
			params[k] = inner.params;
			problems.push(...inner.problems);
		} else params[k] = c.value;
	}
	return { params: { ...params }, problems };
}
