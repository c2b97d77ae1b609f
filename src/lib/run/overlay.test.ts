import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { overlayFigures, reuseUnchanged, sig2 } from './overlay';
import { FrameRing } from './ring';
import { frameStride, G, GLOBAL_STRIDE, N, NODE_STRIDE, packFrames } from '../protocol/frames';
import { createFakeSimulation } from '$testing/fakeSim';
import { chainDesign } from '$testing/testDesign';

describe('overlay figures', () => {
	it('reads the newest frame into node and edge figures, flagging a down node', () => {
		const d = chainDesign();
		const sim = createFakeSimulation(d);
		const ids = d.nodes.map((n) => n.id);
		const ring = new FrameRing(ids, 10);
		ring.push(packFrames(sim.advance(2), ids));
		let o = overlayFigures(ring, d);
		expect(o.nodes.get('web')).toMatchObject({ rps: 100, down: false, errors: 0 });
		expect(o.edges.get('e2')?.rps).toBe(100);
		sim.inject({ action: 'fail', target: 'db' });
		ring.push(packFrames(sim.advance(3), ids));
		o = overlayFigures(ring, d, 'db');
		// Figures are means over the last frames: one failed second of three.
		expect(o.nodes.get('db')).toMatchObject({ down: true, errors: 33, bottleneck: true });
	});
	it('rounds to two significant figures and keeps unchanged entries as the same objects', () => {
		expect([sig2(1234), sig2(0.04567), sig2(99.6), sig2(0)]).toEqual([1200, 0.046, 100, 0]);
		const a = { x: { rps: 1 }, y: { rps: 2 } };
		const prev = new Map(Object.entries(a));
		const next = reuseUnchanged(prev, new Map([['x', { rps: 1 }], ['y', { rps: 3 }]]));
		expect(next.get('x')).toBe(a.x);
		expect(next.get('y')).not.toBe(a.y);
		const tolerant = reuseUnchanged(prev, new Map([['x', { rps: 1.05 }], ['y', { rps: 2.5 }]]), 0.1);
		expect(tolerant.get('x')).toBe(a.x);
		expect(tolerant.get('y')).not.toBe(a.y);
	});
	it('shows stale reads and write conflicts per second only where they happen', () => {
		const d = chainDesign();
		const ids = d.nodes.map((n) => n.id);
		const frames = createFakeSimulation(d).advance(2);
		for (const f of frames) {
			f.nodes.db.staleReads = 12;
			f.nodes.db.conflicts = 3;
			f.nodes.web.staleReads = 0;
		}
		const ring = new FrameRing(ids, 10);
		ring.push(packFrames(frames, ids));
		const o = overlayFigures(ring, d);
		expect(o.nodes.get('db')).toMatchObject({ stale: 12, conflicts: 3 });
		expect(o.nodes.get('web')!.stale).toBeUndefined();
		expect(o.nodes.get('web')!.conflicts).toBeUndefined();
	});
	it("shares a target's arrivals among its callers by what each completed", () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5000 }), (completed, arrived) => {
				// Callers c0..ck → one database; one frame of one second.
				const ids = [...completed.map((_, i) => `c${i}`), 'db'];
				const design = {
					id: 'd', name: 'd',
					nodes: ids.map((id) => ({ id, kind: id === 'db' ? 'database' : 'service', position: { x: 0, y: 0 }, params: {} })),
					edges: completed.map((_, i) => ({ id: `e${i}`, source: `c${i}`, target: 'db', params: {} }))
				} as unknown as Parameters<typeof overlayFigures>[1];
				const frame = new Float64Array(frameStride(ids.length));
				frame[G.t] = 1;
				frame[G.dt] = 1;
				completed.forEach((c, i) => (frame[GLOBAL_STRIDE + i * NODE_STRIDE + N.completed] = c));
				frame[GLOBAL_STRIDE + completed.length * NODE_STRIDE + N.arrived] = arrived;
				const ring = new FrameRing(ids, 4);
				ring.push(frame);
				const { edges } = overlayFigures(ring, design);
				const total = completed.reduce((a, b) => a + b, 0);
				completed.forEach((c, i) => {
					const want = total > 0 ? (arrived * c) / total : arrived / completed.length;
					// Two significant figures: within 5 % (or an absolute 0.05 near zero).
					expect(Math.abs(edges.get(`e${i}`)!.rps - want)).toBeLessThanOrEqual(Math.max(0.05 * want, 0.05));
				});
			})
		);
	});
	it('is empty before the first frame', () => {
		expect(overlayFigures(new FrameRing(['a'], 2), chainDesign()).nodes.size).toBe(0);
	});
});
