// Untrusted values that the model does not know (unknown fields kept for forward
// compatibility) are copied as plain JSON: prototype-style keys dropped at every depth,
// nesting cut at a fixed depth, non-JSON values (functions, NaN, Infinity, symbols) left out.
// Without the depth cap a 5,000-deep array in a 164-character link decodes fine and then
// makes JSON.stringify, the link encoder and autosave throw RangeError.

/** Keys that would reach or replace an object's prototype when assigned. */
export const BAD_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep an unknown value may nest below the field that holds it. */
export const EXTRA_DEPTH = 6;

/** Counts the work restore does, so tests can check it stays linear in the input's size. */
export interface Meter {
	steps: number;
	/** Size of the input the steps are measured against, where the caller knows it (a link's unpacked bytes). */
	bytes?: number;
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A plain-JSON copy of `v`, or undefined if nothing of it can be kept. */
export function sanitize(v: unknown, meter?: Meter, depth = 0): unknown {
	if (meter) meter.steps++;
	switch (typeof v) {
		case 'string':
		case 'boolean':
			return v;
		case 'number':
			return Number.isFinite(v) ? v : undefined;
		case 'object':
			break;
		default:
			return undefined;
	}
	if (v === null) return null;
	if (depth >= EXTRA_DEPTH) return undefined;
	if (Array.isArray(v)) {
		const out: unknown[] = [];
		for (const x of v) {
			const c = sanitize(x, meter, depth + 1);
			out.push(c === undefined ? null : c);
		}
		return out;
	}
	// Only plain records: a Date, Map or class instance from IndexedDB is not design data.
	const proto = Object.getPrototypeOf(v);
	if (proto !== Object.prototype && proto !== null) return undefined;
	return sanitizeEntries(v as Record<string, unknown>, undefined, meter, depth);
}

/** The entries of `rec` whose keys are not in `skip`, each sanitized (a fresh plain object). */
export function sanitizeEntries(rec: Record<string, unknown>, skip?: ReadonlySet<string>, meter?: Meter, depth = 0): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(rec)) {
		if (BAD_KEYS.has(k) || skip?.has(k)) continue;
		const c = sanitize(rec[k], meter, depth + 1);
		if (c !== undefined) out[k] = c;
	}
	return out;
}

/** Deepest nesting of a JSON-like value (a scalar is 0). Iterative: safe on hostile input. */
export function depthOf(v: unknown): number {
	let max = 0;
	const stack: [unknown, number][] = [[v, 0]];
	while (stack.length > 0) {
		const [x, d] = stack.pop()!;
		if (typeof x !== 'object' || x === null) continue;
		max = Math.max(max, d + 1);
		for (const y of Object.values(x)) stack.push([y, d + 1]);
	}
	return max;
}

/** Whether a prototype-style key is an own key anywhere in `v`. Iterative. */
export function hasBadKey(v: unknown): boolean {
	const stack: unknown[] = [v];
	while (stack.length > 0) {
		const x = stack.pop();
		if (typeof x !== 'object' || x === null) continue;
		for (const k of Object.keys(x)) {
			if (BAD_KEYS.has(k)) return true;
			stack.push((x as Record<string, unknown>)[k]);
		}
	}
	return false;
}

/**
 * `fixed` (the checked fields) merged into a sanitized copy of `raw`'s other entries, keeping
 * `raw`'s key order so a restored design serializes exactly as it was written. Keys in
 * `known` come only from `fixed` (an undefined value there leaves the key out).
 */
export function rebuild(raw: Record<string, unknown>, fixed: Record<string, unknown>, known: ReadonlySet<string>, meter?: Meter): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(raw)) {
		if (BAD_KEYS.has(k)) continue;
		const c = known.has(k) ? fixed[k] : sanitize(raw[k], meter, 1);
		if (c !== undefined) out[k] = c;
	}
	for (const k of Object.keys(fixed)) if (!Object.hasOwn(out, k) && fixed[k] !== undefined) out[k] = fixed[k];
	return out;
}
