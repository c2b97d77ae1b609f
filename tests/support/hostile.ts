// Test helpers for the fuzz suites: hostile design documents (what a malicious link, a
// corrupted IndexedDB record or a hand-edited file may hold) and the checks every restored
// design must pass.
import fc from 'fast-check';
import { KINDS, EDGE_PARAMS, NODE_KINDS, SCENARIO_ACTIONS, LIMITS, depthOf, hasBadKey, type Design, type NodeKind, type ParamSpec } from '$lib/model';
import { checkDesign } from '$lib/sim/check';

/** Cases per fuzz property: 10,000 by default, more with FUZZ_RUNS=n. */
export const FUZZ_RUNS = Math.max(1, Number(globalThis.process?.env?.FUZZ_RUNS ?? 10_000) || 10_000);

const BAD = ['__proto__', 'constructor', 'prototype'];
const LONG = 'n'.repeat(LIMITS.idChars); // ids that differ only past the cut

/** An own property, whatever its name (a literal `__proto__:` would set the prototype instead). */
function own(o: Record<string, unknown>, k: string, v: unknown): Record<string, unknown> {
	Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
	return o;
}

/** A value nested `depth` deep, alternating arrays and objects with prototype-style keys. */
export function deep(depth: number, bad = true): unknown {
	let v: unknown = 1;
	for (let i = 0; i < depth; i++) v = i % 2 ? [v] : own({}, bad ? BAD[i % 3] : 'k', v);
	return v;
}

const key = fc.oneof(fc.constantFrom(...BAD, 'a', 'note', 'x', 'instances', 'rps'), fc.string({ maxLength: 8 }));
const scalar = fc.oneof(
	fc.double(),
	fc.integer(),
	fc.constantFrom(0, -1, 1e9, 1e300, -1e300, Number.MAX_VALUE, 2 ** 31, 2 ** 53),
	fc.string({ maxLength: 12 }),
	fc.boolean(),
	fc.constant(null),
	fc.constant(undefined)
);
/** Any JSON-ish value, with prototype-style keys and deep nesting mixed in. */
const junk: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
	v: fc.oneof(
		{ depthSize: 'xsmall', withCrossShrink: true },
		scalar,
		fc.array(tie('v'), { maxLength: 2 }),
		fc.array(fc.tuple(key, tie('v')), { maxLength: 2 }).map((kv) => kv.reduce((o, [k, v]) => own(o, k, v), {} as Record<string, unknown>)),
		fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean()).map(([d, b]) => deep(d, b))
	)
})).v;

/** A value that fits a param spec, or its edges, or nothing like it. */
function paramValue(s: ParamSpec): fc.Arbitrary<unknown> {
	switch (s.type) {
		case 'number':
			return fc.oneof(fc.constantFrom(s.min, s.max, s.default, s.min - 1, s.max * 10), fc.double({ min: s.min, max: s.max, noNaN: true }), junk);
		case 'choice':
			return fc.oneof(fc.constantFrom(...s.options), junk);
		case 'boolean':
			return fc.oneof(fc.boolean(), junk);
		case 'types':
			return fc.oneof(fc.subarray(['static', 'read', 'write']), junk);
		case 'map':
			return fc.oneof(
				fc.dictionary(fc.string({ maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), { maxKeys: 4 }),
				fc.nat(60).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`r${i}`, 0.5]))),
				junk
			);
		case 'section':
			return fc.oneof(params(s.fields), junk);
	}
}

function params(fields: readonly ParamSpec[]): fc.Arbitrary<unknown> {
	const entry = fc.oneof(...fields.map((f) => paramValue(f).map((v) => [f.key, v] as const)));
	const known = fc.array(entry, { maxLength: 4 });
	return fc
		.tuple(known, fc.array(fc.tuple(key, junk), { maxLength: 2 }))
		.map(([a, b]) => [...a, ...b].reduce((o, [k, v]) => own(o, k, v), {} as Record<string, unknown>));
}

const idPool = (n: number) => fc.oneof(fc.constantFrom('a', 'b', 'c', 'e', `${LONG}x`, `${LONG}y`, LONG, ''), fc.nat(n).map((i) => `n${i}`), junk);
const position = fc.oneof(fc.record({ x: scalar, y: scalar }), junk);

// Built once per kind: building arbitraries inside chain() per case costs more than the case.
const nodeOf = (kind: string) =>
	fc.record(
		{
			id: idPool(8),
			kind: fc.oneof(fc.constant(kind), junk),
			label: fc.oneof(fc.string({ maxLength: 10 }), junk),
			position,
			region: fc.oneof(fc.constantFrom('r1', 'r2', `${LONG}r`), junk),
			params: kind === 'teleporter' ? junk : params(KINDS[kind as NodeKind].params),
			extra: junk
		},
		{ requiredKeys: ['id', 'kind'] }
	);
const node = fc.oneof(...[...NODE_KINDS, 'teleporter'].map(nodeOf));

const edge = fc.record(
	{ id: fc.oneof(fc.constantFrom('e', "e'", 'e-2', `${LONG}e`), junk), source: idPool(8), target: idPool(8), params: params(EDGE_PARAMS), extra: junk },
	{ requiredKeys: ['source', 'target'] }
);

/** Many edges sharing one id (the case that used to take cubic time). */
const sameIdEdges = fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(60) }), fc.constantFrom('e', `${LONG}z`)).map(([n, id]) =>
	Array.from({ length: n }, () => ({ id, source: 'a', target: 'b', params: {} }))
);

const event = fc.record(
	{
		atS: fc.oneof(fc.nat(100), scalar),
		action: fc.oneof(fc.constantFrom(...SCENARIO_ACTIONS), junk),
		target: fc.oneof(idPool(8), junk),
		regions: fc.oneof(fc.tuple(fc.string(), fc.string()), junk),
		instance: fc.oneof(fc.nat(5), scalar),
		factor: scalar,
		durationS: scalar,
		extra: junk
	},
	{ requiredKeys: ['atS', 'action'] }
);

/** Documents that look enough like designs to get past the format check, and then anything. */
export const hostileDocument: fc.Arbitrary<unknown> = fc
	.record({
		id: fc.oneof(fc.string({ maxLength: 5 }), junk, fc.constant('i'.repeat(300))),
		name: fc.oneof(fc.string({ maxLength: 5 }), junk),
		nodes: fc.oneof(
			{ weight: 8, arbitrary: fc.tuple(fc.constant([{ id: 'a', kind: 'client', params: {} }, { id: 'b', kind: 'service', params: {} }]), fc.array(node, { maxLength: 5 })).map(([a, b]) => [...a, ...b]) },
			{ weight: 1, arbitrary: junk }
		),
		edges: fc.oneof({ weight: 8, arbitrary: fc.tuple(fc.array(edge, { maxLength: 6 }), sameIdEdges).map(([a, b]) => [...a, ...b]) }, { weight: 1, arbitrary: junk }),
		regions: fc.oneof(fc.array(fc.record({ id: idPool(3), name: junk, position, width: scalar, height: scalar }, { requiredKeys: ['id'] }), { maxLength: 4 }), junk),
		scenario: fc.oneof(fc.record({ durationS: scalar, warmupS: scalar, seed: scalar, events: fc.oneof(fc.array(event, { maxLength: 6 }), junk), extra: junk }, { requiredKeys: ['events'] }), junk),
		regionLatencyMs: fc.oneof(fc.dictionary(key, scalar, { maxKeys: 4 }), junk),
		prices: fc.oneof(fc.dictionary(fc.constantFrom(...NODE_KINDS, '__proto__'), scalar, { maxKeys: 4 }), junk),
		extra: junk,
		bad: fc.constantFrom(...BAD)
	}, { requiredKeys: ['nodes', 'bad'] })
	.map(({ bad, ...rest }) => own({ format: 'loadbearing/design', version: 1, ...rest }, bad, { polluted: true }));

const isStr = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const finiteNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Every way a restored design could still be wrong; [] when it is sound. */
export function restoredProblems(d: Design): string[] {
	const out: string[] = [];
	// The validator: only whole-design findings (no client, a call cycle) may remain.
	for (const r of checkDesign(d)) if (!/no client|in a cycle/.test(r)) out.push(`validator: ${r}`);
	if (hasBadKey(d)) out.push('a prototype-style key survived');
	if (depthOf(d) > 12) out.push(`nesting ${depthOf(d)} deep`);
	try {
		JSON.stringify(d);
	} catch (e) {
		out.push(`JSON.stringify threw ${String(e)}`);
	}
	const nodeIds = new Set<string>();
	for (const n of d.nodes) {
		if (!isStr(n.id, LIMITS.idChars) || n.id === '' || nodeIds.has(n.id)) out.push(`node id ${String(n.id).slice(0, 20)}`);
		nodeIds.add(n.id);
		if (!finiteNum(n.position?.x) || !finiteNum(n.position?.y)) out.push(`node ${n.id} position`);
	}
	const edgeIds = new Set<string>();
	for (const e of d.edges) {
		if (!isStr(e.id, LIMITS.idChars) || e.id === '' || edgeIds.has(e.id)) out.push(`edge id ${String(e.id).slice(0, 20)}`);
		edgeIds.add(e.id);
		if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) out.push(`edge ${e.id} dangles`);
	}
	for (const r of d.regions ?? []) {
		if (!isStr(r.id, LIMITS.idChars)) out.push('region id');
		if (r.position !== undefined && (!finiteNum(r.position.x) || !finiteNum(r.position.y))) out.push(`region ${r.id} position`);
	}
	for (const ev of d.scenario?.events ?? []) {
		if (!finiteNum(ev.atS) || ev.atS < 0 || !(SCENARIO_ACTIONS as readonly string[]).includes(ev.action)) out.push('event time or action');
		if (ev.target !== undefined && !isStr(ev.target, LIMITS.idChars)) out.push('event target');
		if (ev.regions !== undefined && !(Array.isArray(ev.regions) && ev.regions.length === 2 && ev.regions.every((r) => isStr(r, LIMITS.idChars))))
			out.push('event regions');
		if (ev.instance !== undefined && !(Number.isInteger(ev.instance) && ev.instance >= 0)) out.push('event instance');
		for (const k of ['factor', 'durationS'] as const) if (ev[k] !== undefined && !(finiteNum(ev[k]) && (ev[k] as number) >= 0)) out.push(`event ${k}`);
	}
	return out;
}
