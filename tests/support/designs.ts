// Test helpers: sample designs and a fast-check arbitrary of valid designs.
import fc from 'fast-check';
import { NODE_KINDS, SCENARIO_ACTIONS, restoreDesign, type Design } from '$lib/model';

export function sampleDesign(id = 'd1', name = 'Shop'): Design {
	return {
		format: 'loadbearing/design',
		version: 1,
		id,
		name,
		nodes: [
			{ id: 'c', kind: 'client', position: { x: 0, y: 0 }, params: {} },
			{ id: 's', kind: 'service', label: 'Web', position: { x: 200, y: 50 }, params: {} }
		],
		edges: [{ id: 'e', source: 'c', target: 's', params: {} }],
		scenario: { durationS: 30, warmupS: 2, seed: 7, events: [] }
	};
}

const text = fc.string({ unit: 'binary', maxLength: 30 });

/** Raw designs (possibly with bits restoreDesign fixes); map through `validDesign` for canonical ones. */
export const rawDesign = fc
	.record({
		id: fc.string({ minLength: 1, maxLength: 20 }),
		name: text,
		nodes: fc.uniqueArray(
			fc.record({
				id: fc.string({ minLength: 1, maxLength: 12 }),
				kind: fc.constantFrom(...NODE_KINDS),
				label: fc.option(text, { nil: undefined }),
				position: fc.record({ x: fc.integer({ min: -1e5, max: 1e5 }), y: fc.double({ min: -1e5, max: 1e5, noNaN: true }) }),
				params: fc.constant({})
			}),
			{ selector: (n) => n.id, maxLength: 12 }
		),
		edgePairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 16 }),
		seed: fc.nat({ max: 2 ** 32 - 1 }),
		events: fc.array(fc.record({ atS: fc.integer({ min: 0, max: 60 }), action: fc.constantFrom(...SCENARIO_ACTIONS) }), { maxLength: 5 })
	})
	.map(({ edgePairs, seed, events, nodes, ...rest }) => ({
		format: 'loadbearing/design',
		version: 1,
		...rest,
		nodes,
		edges: nodes.length
			? edgePairs.map(([a, b], i) => ({ id: `e${i}`, source: nodes[a % nodes.length].id, target: nodes[b % nodes.length].id, params: {} }))
			: [],
		scenario: { durationS: 60, warmupS: 5, seed, events }
	}));

/** Valid designs as the app holds them: what restoreDesign returns. */
export const validDesign = rawDesign.map((raw) => {
	const r = restoreDesign(raw);
	if (!r.ok) throw new Error(r.errors[0]);
	return r.design;
});
