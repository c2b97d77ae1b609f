import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyInSlices, type SliceTarget } from './slices';

type Fig = { v: number };

function target(nodes: Map<string, Fig>, edges: Map<string, Fig>) {
	const calls: { nodes: ReadonlyMap<string, Fig>; edges: ReadonlyMap<string, Fig> }[] = [];
	const t = {
		nodes: nodes as ReadonlyMap<string, Fig>,
		edges: edges as ReadonlyMap<string, Fig>,
		calls,
		setFigures(n: ReadonlyMap<string, Fig>, e: ReadonlyMap<string, Fig>) {
			t.nodes = n;
			t.edges = e;
			calls.push({ nodes: n, edges: e });
		}
	};
	return t satisfies SliceTarget<Fig, Fig> & { calls: typeof calls };
}

describe('applyInSlices', () => {
	it('moves to the new figures, at most `slice` changed nodes a frame, edges with the last', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1000 }), (n, m, slice, seed) => {
				const prev = new Map(Array.from({ length: n }, (_, i) => [`n${i}`, { v: i }] as [string, Fig]));
				// Keep some entries (same object), change the others, add new ones.
				const next = new Map(Array.from({ length: m }, (_, i) => [`n${i}`, i < n && (i * 7 + seed) % 3 === 0 ? prev.get(`n${i}`)! : { v: -i }] as [string, Fig]));
				const changed = [...next].filter(([id, v]) => prev.get(id) !== v).length;
				const oldEdges = new Map([['e', { v: 0 }]]);
				const newEdges = new Map([['e', { v: 1 }]]);
				const t = target(prev, oldEdges);
				const frames: (() => void)[] = [];
				applyInSlices(t, next, newEdges, { slice, nextFrame: (f) => frames.push(f), current: () => true });
				while (frames.length) frames.shift()!();
				// The end state is the new figures themselves.
				expect(t.nodes).toBe(next);
				expect(t.edges).toBe(newEdges);
				expect(t.calls.length).toBe(Math.max(1, Math.ceil(changed / slice)));
				// Each step changes at most `slice` nodes; edges change only in the last.
				let before: ReadonlyMap<string, Fig> = prev;
				t.calls.forEach((c, k) => {
					const moved = [...c.nodes].filter(([id, v]) => before.get(id) !== v).length;
					expect(moved).toBeLessThanOrEqual(slice);
					expect(c.edges).toBe(k === t.calls.length - 1 ? newEdges : oldEdges);
					before = c.nodes;
				});
			})
		);
	});

	it('stops when a newer paint takes over', () => {
		const prev = new Map<string, Fig>();
		const next = new Map(Array.from({ length: 50 }, (_, i) => [`n${i}`, { v: i }] as [string, Fig]));
		const t = target(prev, new Map());
		const frames: (() => void)[] = [];
		let live = true;
		applyInSlices(t, next, new Map(), { slice: 10, nextFrame: (f) => frames.push(f), current: () => live });
		// Nothing changes in the frame that asked: the first slice waits for the next.
		expect(t.nodes.size).toBe(0);
		frames.shift()!();
		expect(t.nodes.size).toBe(10);
		live = false;
		while (frames.length) frames.shift()!();
		expect(t.calls.length).toBe(1);
	});
});
