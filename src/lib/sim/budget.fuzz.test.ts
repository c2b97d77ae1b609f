// @vitest-environment node
// The simulator against random valid designs with every parameter at an extreme of its range
// (the kinds table's min, max or default): each run finishes within its budget or stops with
// a BudgetError that says what to lower; no NaN, Infinity or negative figure; conservation
// (arrived = completed + failed + in flight) at every frame.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from './index';
import { checkDesign } from './check';
import { BudgetError, CHECK_EVERY } from './budget';
import { DesignError, type MetricsFrame, type SimResult } from './types';
import { EDGE_PARAMS, KINDS, NODE_KINDS, type Design, type DesignEdge, type DesignNode, type NodeKind, type ParamSpec } from '../model';
import { FUZZ_RUNS } from '$lib/testing/hostile';

/** Small budgets keep each case to a fraction of a second; the refusals are the point. */
const BUDGET = { events: 400_000, bytes: 256 * 2 ** 20 };
const RUNS = Math.max(24, Math.round(FUZZ_RUNS / 250));

function extreme(s: ParamSpec): fc.Arbitrary<unknown> {
	switch (s.type) {
		case 'number': {
			const lo = s.exclusiveMin ? (s.integer ? s.min + 1 : s.min * 1.000001 || 1e-9) : s.min;
			return fc.constantFrom(lo, s.max, s.default);
		}
		case 'choice':
			return fc.constantFrom(...s.options);
		case 'boolean':
			return fc.boolean();
		case 'types':
			return fc.subarray(['static', 'read', 'write'], { minLength: 1 });
		case 'map':
			return fc.constant({});
		case 'section':
			return paramsAtExtremes(s.fields);
	}
}

function paramsAtExtremes(fields: readonly ParamSpec[]): fc.Arbitrary<Record<string, unknown>> {
	// Each field absent (its default) or at an extreme.
	return fc.record(Object.fromEntries(fields.map((f) => [f.key, extreme(f)])), { requiredKeys: [] });
}

const DOWNSTREAM = NODE_KINDS.filter((k) => k !== 'client');
const kindParams = Object.fromEntries(NODE_KINDS.map((k) => [k, paramsAtExtremes(KINDS[k].params)])) as Record<NodeKind, fc.Arbitrary<Record<string, unknown>>>;
const node = (kind: NodeKind) => kindParams[kind].map((params) => ({ kind, params }));

const arbDesign = fc
	.record({
		client: node('client'),
		rest: fc.array(fc.constantFrom(...DOWNSTREAM).chain(node), { minLength: 1, maxLength: 6 }),
		links: fc.array(fc.tuple(fc.nat(), fc.nat(), paramsAtExtremes(EDGE_PARAMS)), { maxLength: 10 }),
		spike: fc.option(fc.constantFrom(2, 1e4), { nil: undefined }),
		seed: fc.nat(1000)
	})
	.map((g): Design => {
		const all = [g.client, ...g.rest];
		const nodes: DesignNode[] = all.map((n, i) => ({ id: `n${i}`, kind: n.kind, position: { x: 0, y: 0 }, params: n.params }));
		const edges: DesignEdge[] = [{ id: 'e0', source: 'n0', target: 'n1', params: {} }];
		const seen = new Set(['n0>n1']);
		for (const [a, b, params] of g.links) {
			// Only forward edges: acyclic by construction, as validation demands.
			const from = a % all.length, to = 1 + (b % (all.length - 1));
			if (to <= from || seen.has(`n${from}>n${to}`)) continue;
			seen.add(`n${from}>n${to}`);
			edges.push({ id: `e${edges.length}`, source: `n${from}`, target: `n${to}`, params });
		}
		const events = g.spike ? [{ atS: 1, action: 'spike' as const, factor: g.spike, durationS: 2 }] : [];
		return { format: 'loadbearing/design', version: 1, id: 'f', name: 'f', nodes, edges, scenario: { durationS: 5, warmupS: 0, seed: g.seed, events } };
	})
	.filter((d) => checkDesign(d).length === 0);

function badNumbers(x: unknown, path = ''): string[] {
	if (typeof x === 'number') return Number.isFinite(x) && x >= 0 ? [] : [`${path} = ${x}`];
	if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => badNumbers(v, `${path}.${k}`));
	return [];
}

describe('simulator at the parameter extremes', () => {
	it(`finishes within its budget or stops with a reason; sound figures; conservation (${RUNS} designs)`, () => {
		const outcome = { finished: 0, refused: 0 };
		fc.assert(
			fc.property(arbDesign, (d) => {
				const frames: MetricsFrame[] = [];
				let r: SimResult;
				try {
					r = simulate(d, { budget: BUDGET, onFrame: (f) => frames.push(f) });
				} catch (e) {
					// The only way out is a refusal in words: one sentence naming what to lower.
					expect(e).toBeInstanceOf(BudgetError);
					expect((e as DesignError).reasons).toHaveLength(1);
					expect((e as DesignError).reasons[0]).toMatch(/(lower|shorten|remove) .+\.$/);
					outcome.refused++;
					return;
				}
				outcome.finished++;
				expect(r.events).toBeLessThanOrEqual(BUDGET.events + CHECK_EVERY);
				expect(badNumbers(r)).toEqual([]);
				let arrived = 0, ended = 0;
				for (const f of frames) {
					expect(badNumbers(f)).toEqual([]);
					arrived += f.global.arrived;
					ended += f.global.completed + Object.values(f.global.failed).reduce((a, b) => a + b, 0);
					expect(arrived).toBeCloseTo(ended + f.global.inFlight, 6);
				}
			}),
			{ numRuns: RUNS }
		);
		// Both ways out must be exercised, or the generator is not reaching the extremes.
		expect(outcome.finished).toBeGreaterThan(0);
		expect(outcome.refused).toBeGreaterThan(0);
	}, 900_000);
});
