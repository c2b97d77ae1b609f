import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkConnection, edgeKind } from './connections';
import { addNode, blankDesign, connect, exampleDesign, setNodeParam } from './edit';
import { NODE_KINDS, type Design, type NodeKind } from './types';

function withNodes(...kinds: NodeKind[]): Design {
	let d = blankDesign();
	kinds.forEach((k, i) => (d = addNode(d, k, { x: i * 200, y: 0 }, `n${i}`)));
	return d;
}

describe('checkConnection', () => {
	it('accepts the usual chain of a web architecture', () => {
		const d = withNodes('client', 'dns', 'cdn', 'loadBalancer', 'service', 'cache', 'database', 'queue', 'worker', 'objectStore');
		const ok = (a: number, b: number) => expect(checkConnection(d, `n${a}`, `n${b}`)).toMatchObject({ ok: true });
		ok(0, 1); // client → dns
		ok(1, 2); // dns → cdn
		ok(2, 9); // cdn → object store (origin)
		ok(3, 4); // lb → service
		ok(4, 5); // service → cache
		ok(5, 6); // cache → db (read-through)
		ok(4, 7); // service → queue
		ok(7, 8); // queue → worker
		ok(8, 6); // worker → db
	});

	it.each([
		['service', 'client', 'client'],
		['database', 'loadBalancer', 'database'],
		['queue', 'loadBalancer', 'worker'],
		['loadBalancer', 'worker', 'queue'],
		['objectStore', 'service', 'calls nothing'],
		['cache', 'service', 'database'],
		['service', 'dns', 'DNS']
	] as [NodeKind, NodeKind, string][])('refuses %s → %s with a reason', (a, b, word) => {
		const r = checkConnection(withNodes(a, b), 'n0', 'n1');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toContain(word);
	});

	it('knows replication runs leader → follower only', () => {
		let d = withNodes('database', 'database');
		d = setNodeParam(d, 'n1', 'role', 'follower');
		expect(checkConnection(d, 'n0', 'n1')).toEqual({ ok: true, kind: 'replication' });
		const back = checkConnection(d, 'n1', 'n0');
		expect(back.ok).toBe(false);
		if (!back.ok) expect(back.reason).toMatch(/leader to a follower/);
		const twoLeaders = checkConnection(withNodes('database', 'database'), 'n0', 'n1');
		expect(twoLeaders.ok).toBe(false);
	});

	it('refuses self-loops, duplicates and cycles', () => {
		const d = exampleDesign();
		expect(checkConnection(d, 'web', 'web').ok).toBe(false);
		expect(checkConnection(d, 'lb', 'web').ok).toBe(false);
		let e = withNodes('service', 'service', 'service');
		e = connect(connect(e, 'n0', 'n1'), 'n1', 'n2');
		const r = checkConnection(e, 'n2', 'n0');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/loop/);
	});

	it('classifies edges: queue targets are async, database pairs are replication', () => {
		const d = connect(connect(withNodes('service', 'queue', 'database'), 'n0', 'n1'), 'n0', 'n2');
		expect(edgeKind(d, d.edges[0])).toBe('async');
		expect(edgeKind(d, d.edges[1])).toBe('call');
	});

	it('never accepts an edge into a client, whatever the source (property)', () => {
		fc.assert(
			fc.property(fc.constantFrom(...NODE_KINDS), (k) => {
				expect(checkConnection(withNodes(k, 'client'), 'n0', 'n1').ok).toBe(false);
			})
		);
	});

	it('an accepted edge never closes a cycle (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 30 }), (pairs) => {
				let d = withNodes('service', 'service', 'service', 'service', 'service', 'service');
				for (const [a, b] of pairs) if (checkConnection(d, `n${a}`, `n${b}`).ok) d = connect(d, `n${a}`, `n${b}`);
				// Topological order exists: repeatedly strip nodes without incoming edges.
				let edges = d.edges;
				let nodes = new Set(d.nodes.map((n) => n.id));
				while (nodes.size) {
					const free = [...nodes].filter((id) => !edges.some((e) => e.target === id && nodes.has(e.source)));
					expect(free.length).toBeGreaterThan(0);
					free.forEach((id) => nodes.delete(id));
					edges = edges.filter((e) => nodes.has(e.source));
				}
			})
		);
	});
});
