import { describe, expect, it } from 'vitest';
import { restoreDesign, defaultParams, resolveParams, KIND_LIST, NODE_KINDS, assertMigrationsInSequence } from './index';

const base = { format: 'loadbearing/design', version: 1, id: 'x', name: 'X', nodes: [], edges: [] };

describe('restoreDesign', () => {
	it('accepts a minimal design', () => {
		const r = restoreDesign(base);
		expect(r.ok).toBe(true);
	});
	it('refuses non-designs and newer versions with a reason', () => {
		expect(restoreDesign(null)).toMatchObject({ ok: false });
		expect(restoreDesign({ ...base, format: 'x' })).toMatchObject({ ok: false });
		const r = restoreDesign({ ...base, version: 99 });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]).toMatch(/newer/);
	});
	it('drops unknown kinds and dangling edges, keeps unknown fields, strips __proto__', () => {
		const raw = JSON.parse(
			'{"format":"loadbearing/design","version":1,"id":"a","name":"n","extra":1,"__proto__":{"polluted":1},' +
				'"nodes":[{"id":"a","kind":"service","position":{"x":1,"y":2},"params":{"instances":-3,"future":true}},{"id":"b","kind":"teleporter","position":{"x":0,"y":0},"params":{}}],' +
				'"edges":[{"id":"e","source":"a","target":"b","params":{}}]}'
		);
		const r = restoreDesign(raw);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.design.nodes.map((n) => n.id)).toEqual(['a']);
		expect(r.design.edges).toEqual([]);
		expect(r.design.extra).toBe(1);
		expect(r.design.nodes[0].params.future).toBe(true);
		expect(r.design.nodes[0].params.instances).toBeUndefined();
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(r.warnings.length).toBeGreaterThanOrEqual(3);
	});
	it('keeps unknown params as plain JSON: no prototype-style key at any depth, nesting cut', () => {
		const raw = JSON.parse(
			'{"format":"loadbearing/design","version":1,"id":"a","name":"n","nodes":[{"id":"a","kind":"service","params":{"note":{"__proto__":{"x":1},"ok":[[[[[[[[[[1]]]]]]]]]]}}}],"edges":[]}'
		);
		const r = restoreDesign(raw);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const note = r.design.nodes[0].params.note as Record<string, unknown>;
		expect(Object.keys(note)).toEqual(['ok']);
		expect(JSON.stringify(note.ok)).toBe('[[[[null]]]]');
	});
	it('follows a node id cut to 100 characters from edges and events, and checks region positions and event fields', () => {
		const long = 'n'.repeat(150);
		const r = restoreDesign({
			...base,
			nodes: [
				{ id: long, kind: 'client', position: { x: 0, y: 0 }, params: {} },
				{ id: 's', kind: 'service', position: { x: 0, y: 0 }, params: {} }
			],
			edges: [{ id: 'e', source: long, target: 's', params: {} }],
			regions: [{ id: 'r', name: 'R', position: 'left' }],
			scenario: { events: [{ atS: 1, action: 'fail', target: long }, { atS: 2, action: 'partition', regions: 'r', target: 7, instance: -1 }] }
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.design.edges.map((e) => e.source)).toEqual(['n'.repeat(100)]);
		expect(r.design.regions![0].position).toEqual({ x: 0, y: 0 });
		const [fail, part] = r.design.scenario!.events;
		expect(fail.target).toBe('n'.repeat(100));
		expect([part.regions, part.target, part.instance]).toEqual([undefined, undefined, undefined]);
	});
	it('caps huge labels', () => {
		const r = restoreDesign({ ...base, nodes: [{ id: 'a', kind: 'client', position: { x: 0, y: 0 }, label: 'x'.repeat(1e6), params: {} }] });
		expect(r.ok && r.design.nodes[0].label!.length).toBe(200);
	});
});

describe('kind table', () => {
	it('has every kind, and defaults that resolve to themselves', () => {
		expect(KIND_LIST.map((k) => k.kind).sort()).toEqual([...NODE_KINDS].sort());
		for (const k of NODE_KINDS) expect(resolveParams(k, {})).toEqual(defaultParams(k));
	});
	it('migrations are in sequence', () => {
		expect(() => assertMigrationsInSequence()).not.toThrow();
	});
});
