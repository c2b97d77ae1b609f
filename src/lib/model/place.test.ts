import { describe, expect, it } from 'vitest';
import { addNode, blankDesign, exampleDesign, NODE_SIZE } from './edit';
import { freeSpot, uniqueLabel } from './place';

describe('uniqueLabel', () => {
	it('keeps the plain name while it is free, then numbers from 2', () => {
		let d = blankDesign();
		expect(uniqueLabel(d, 'Service')).toBe('Service');
		d = { ...d, nodes: [...addNode(d, 'service', { x: 0, y: 0 }).nodes] };
		expect(uniqueLabel(d, 'Service')).toBe('Service 2');
		const withTwo = { ...d, nodes: [...d.nodes, { ...d.nodes[0], id: 'x', label: 'Service 2' }] };
		expect(uniqueLabel(withTwo, 'Service')).toBe('Service 3');
	});
	it('fills the first gap', () => {
		const d = exampleDesign();
		const nodes = d.nodes.map((n, i) => ({ ...n, label: i === 0 ? 'Cache' : i === 1 ? 'Cache 3' : n.label }));
		expect(uniqueLabel({ ...d, nodes }, 'Cache')).toBe('Cache 2');
	});
});

describe('freeSpot', () => {
	const overlapsAny = (d: ReturnType<typeof exampleDesign>, p: { x: number; y: number }) =>
		d.nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_SIZE.width && Math.abs(n.position.y - p.y) < NODE_SIZE.height);

	it('returns the point itself on an empty spot', () => {
		expect(freeSpot(blankDesign(), { x: 10, y: 20 })).toEqual({ x: 10, y: 20 });
	});
	it('never stacks parts added one after another at the same centre', () => {
		let d = exampleDesign();
		const centre = d.nodes[1].position;
		for (let i = 0; i < 12; i++) {
			const p = freeSpot(d, centre);
			expect(overlapsAny(d, p)).toBe(false);
			d = addNode(d, 'service', p);
		}
		// and they stay near the centre: within a few node widths
		for (const n of d.nodes.slice(4)) expect(Math.abs(n.position.x - centre.x)).toBeLessThan(4 * NODE_SIZE.width);
	});
});
