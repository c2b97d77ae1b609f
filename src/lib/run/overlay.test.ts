import { describe, expect, it } from 'vitest';
import { overlayFigures, reuseUnchanged, sig2 } from './overlay';
import { FrameRing } from './ring';
import { packFrames } from '../protocol/frames';
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
	it('is empty before the first frame', () => {
		expect(overlayFigures(new FrameRing(['a'], 2), chainDesign()).nodes.size).toBe(0);
	});
});
