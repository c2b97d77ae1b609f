import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	addNode,
	assignRegions,
	blankDesign,
	clipboardJson,
	connect,
	exampleDesign,
	extract,
	groupIntoRegion,
	moveNodes,
	nudge,
	paste,
	removeElements,
	setNodeParam,
	setPathValue,
	freshId,
	mergeParams
} from './edit';
import { restoreDesign } from './restore';
import type { Design } from './types';

describe('design edits', () => {
	it('the example is client → lb → service (2 instances) → database, and valid', () => {
		const d = exampleDesign();
		expect(d.nodes.map((n) => n.kind)).toEqual(['client', 'loadBalancer', 'service', 'database']);
		expect(d.nodes[2].params.instances).toBe(2);
		const r = restoreDesign(JSON.parse(JSON.stringify(d)));
		expect(r.ok && r.warnings).toEqual([]);
	});

	it('adds nodes with fresh ids and empty params, never touching the input', () => {
		const d = blankDesign();
		const a = addNode(d, 'service', { x: 1, y: 2 });
		const b = addNode(a, 'service', { x: 3, y: 4 });
		expect(d.nodes).toHaveLength(0);
		expect(b.nodes.map((n) => n.id)).toEqual(['service-1', 'service-2']);
		expect(b.nodes[0].params).toEqual({});
	});

	it('removing a node removes its edges; removing a region frees its members', () => {
		let d = groupIntoRegion(exampleDesign(), ['web', 'db']);
		const rid = d.regions![0].id;
		d = removeElements(d, ['lb', rid]);
		expect(d.nodes.map((n) => n.id)).toEqual(['client', 'web', 'db']);
		expect(d.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['web>db']);
		expect(d.nodes.every((n) => n.region === undefined)).toBe(true);
		expect(d.regions).toEqual([]);
	});

	it('sets nested params by dotted path and ignores prototype keys', () => {
		const p = setPathValue({ autoscale: { enabled: true } }, 'autoscale.min', 3);
		expect(p).toEqual({ autoscale: { enabled: true, min: 3 } });
		expect(setPathValue({}, '__proto__.x', 1)).toEqual({});
		expect(setPathValue({ a: 1 }, 'a', undefined)).toEqual({});
		const d = setNodeParam(exampleDesign(), 'web', 'instances', 5);
		expect(d.nodes.find((n) => n.id === 'web')!.params.instances).toBe(5);
	});

	it('nudging a region moves its members with it', () => {
		let d = groupIntoRegion(exampleDesign(), ['web', 'db']);
		const rid = d.regions![0].id;
		const before = d.nodes.find((n) => n.id === 'web')!.position;
		d = nudge(d, [rid], 16, -16);
		expect(d.nodes.find((n) => n.id === 'web')!.position).toEqual({ x: before.x + 16, y: before.y - 16 });
		expect(d.nodes.find((n) => n.id === 'client')!.position).toEqual({ x: 0, y: 120 });
	});

	it('assigns a moved node to the frame that holds its centre', () => {
		let d = groupIntoRegion(exampleDesign(), ['web']);
		const rid = d.regions![0].id;
		const r = d.regions![0];
		d = moveNodes(d, new Map([['db', { x: r.position!.x + 10, y: r.position!.y + 30 }]]));
		d = assignRegions(d, ['db', 'web']);
		expect(d.nodes.find((n) => n.id === 'db')!.region).toBe(rid);
		d = moveNodes(d, new Map([['web', { x: 5000, y: 5000 }]]));
		d = assignRegions(d, ['web']);
		expect(d.nodes.find((n) => n.id === 'web')!.region).toBeUndefined();
	});

	it('copy extracts nodes and the edges between them; paste renames and offsets', () => {
		const d = exampleDesign();
		const piece = extract(d, ['lb', 'web']);
		expect(piece.nodes.map((n) => n.id)).toEqual(['lb', 'web']);
		expect(piece.edges).toHaveLength(1);
		const { design: out, ids } = paste(d, piece, { x: 32, y: 32 });
		expect(out.nodes).toHaveLength(6);
		expect(out.edges).toHaveLength(4);
		const newLb = out.nodes.find((n) => n.id === ids.find((i) => i.startsWith('loadBalancer')))!;
		const lb = d.nodes.find((n) => n.id === 'lb')!.position;
		expect(newLb.position).toEqual({ x: lb.x + 32, y: lb.y + 32 });
		expect(out.edges.at(-1)!.source).toBe(newLb.id);
	});

	it('clipboard JSON round-trips through restoreDesign', () => {
		const text = clipboardJson(groupIntoRegion(exampleDesign(), ['web']), ['web']);
		const r = restoreDesign(JSON.parse(text));
		expect(r.ok).toBe(true);
	});

	it('paste keeps every id unique however often it is repeated (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 6 }), fc.subarray(['client', 'lb', 'web', 'db']), (times, ids) => {
				let d = exampleDesign();
				const piece = extract(d, ids);
				for (let i = 0; i < times; i++) d = paste(d, piece, { x: i, y: i }).design;
				const all = [...d.nodes.map((n) => n.id), ...d.edges.map((e) => e.id)];
				expect(new Set(all).size).toBe(all.length);
				for (const e of d.edges) expect(d.nodes.some((n) => n.id === e.source) && d.nodes.some((n) => n.id === e.target)).toBe(true);
			})
		);
	});

	it('connect gives a fresh edge id', () => {
		const d = connect(connect(blankDesign(), 'a', 'b'), 'b', 'c');
		expect(d.edges.map((e) => e.id)).toEqual(['e-1', 'e-2']);
	});
});

describe('the edit API shared by the editor, the fixes and the practice transforms', () => {
	const withRegion = (): Design => ({
		...blankDesign(),
		regions: [{ id: 'cache', name: 'Cache land' }, { id: 'service-1', name: 'One' }]
	});

	it('freshId never reuses a region id, numbered or keeping the stem', () => {
		const d = withRegion();
		expect(freshId(d, 'service')).toBe('service-2');
		expect(freshId(d, 'cache', { keepStem: true })).toBe('cache-2');
		expect(freshId(d, 'db', { keepStem: true })).toBe('db');
		expect(freshId(d, 'db', { keepStem: true, taken: ['db', 'db-2'] })).toBe('db-3');
	});

	it('fixes and practice transforms make the same ids as before on region-free designs', async () => {
		const { applyPatch } = await import('../analysis/patch');
		const { setParams } = await import('../practice/transforms');
		let d = addNode(blankDesign(), 'service', { x: 0, y: 0 }, 'web');
		d = applyPatch(d, { op: 'setParams', nodeId: 'web', params: { autoscale: { enabled: true } } });
		const web = d.nodes.find((n) => n.id === 'web')!;
		expect(web.params).toEqual({ autoscale: { enabled: true } });
		const again = setParams(d, 'web', { autoscale: { max: 9 }, instances: 4 });
		expect(again.nodes[0].params).toEqual({ autoscale: { enabled: true, max: 9 }, instances: 4 });
		expect(d.nodes[0].params).toEqual({ autoscale: { enabled: true } }); // input untouched
	});

	it('mergeParams merges sections one level deep and replaces everything else', () => {
		expect(mergeParams({ a: 1, s: { x: 1, y: 2 }, l: [1] }, { s: { y: 3 }, l: [2], b: 'z' })).toEqual({ a: 1, s: { x: 1, y: 3 }, l: [2], b: 'z' });
	});
});
