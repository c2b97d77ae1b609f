// The kinds table is the one place kind facts live; these tests hold the places that read it
// to the table (a fact restated elsewhere would drift).
import { describe, expect, it } from 'vitest';
import { KINDS, KIND_LIST, LB_ALGORITHMS, PALETTE_GROUPS, RATE_ALGORITHMS } from './kinds';
import { checkConnection } from './connections';
import { addNode, blankDesign } from './edit';
import { defaultParams } from './defaults';
import { NODE_KINDS, type Design, type NodeKind } from './types';
import { K, traitByCode } from '../sim/consts';

/** Two nodes a → b; a database target is a follower (the one edge a database may take from another). */
function pair(a: NodeKind, b: NodeKind): Design {
	const d = addNode(addNode(blankDesign(), a, { x: 0, y: 0 }, 'a'), b, { x: 300, y: 0 }, 'b');
	return { ...d, nodes: d.nodes.map((n) => (n.id === 'b' && b === 'database' ? { ...n, params: { ...n.params, role: 'follower' } } : n)) };
}

describe('the kinds table', () => {
	it('has one entry per kind, each in a palette group', () => {
		expect(Object.keys(KINDS).sort()).toEqual([...NODE_KINDS].sort());
		for (const info of KIND_LIST) {
			expect(KINDS[info.kind]).toBe(info);
			expect(PALETTE_GROUPS).toContain(info.group);
		}
	});

	it('keeps its traits consistent, and the simulator reads them by code', () => {
		for (const k of NODE_KINDS) {
			const t = KINDS[k];
			// A balancer picks instances one by one only of groups whose instances fail one by one;
			// both need something to receive the request; picking a target needs something to send to.
			if (t.byInstance) expect(t.failsByInstance && t.receives, k).toBe(true);
			if (t.failsByInstance) expect(t.receives, k).toBe(true);
			if (t.picksOne) expect(t.sends, k).toBe(true);
			// A balancer spreads over targets, so it receives, sends, and picks one target per request.
			if (t.balances) expect(t.receives && t.sends && t.picksOne, k).toBe(true);
			expect(traitByCode('byInstance')[K[k]], k).toBe(t.byInstance);
			expect(traitByCode('failsByInstance')[K[k]], k).toBe(t.failsByInstance);
		}
	});

	it('gives every kind its own simulator code', () => {
		const codes = NODE_KINDS.map((k) => K[k]);
		expect(new Set(codes).size).toBe(NODE_KINDS.length);
		expect(Object.keys(K).sort()).toEqual([...NODE_KINDS].sort());
	});

	it('a kind that receives nothing refuses every incoming edge, one that sends nothing every outgoing one', () => {
		for (const t of NODE_KINDS) {
			if (KINDS[t].receives) continue;
			for (const s of NODE_KINDS) {
				const r = checkConnection(pair(s, t), 'a', 'b');
				expect(r.ok, `${s} → ${t}`).toBe(false);
			}
		}
		for (const s of NODE_KINDS) {
			if (KINDS[s].sends) continue;
			for (const t of NODE_KINDS) expect(checkConnection(pair(s, t), 'a', 'b').ok, `${s} → ${t}`).toBe(false);
		}
		// and every kind that sends has some target it may call, every kind that receives some caller
		for (const s of NODE_KINDS.filter((k) => KINDS[k].sends))
			expect(NODE_KINDS.some((t) => checkConnection(pair(s, t), 'a', 'b').ok), s).toBe(true);
		for (const t of NODE_KINDS.filter((k) => KINDS[k].receives))
			expect(NODE_KINDS.some((s) => checkConnection(pair(s, t), 'a', 'b').ok), t).toBe(true);
	});

	it('a kind that scales out has an instances param; a flushable one a capacity', () => {
		for (const k of NODE_KINDS) {
			const p = defaultParams(k);
			if (KINDS[k].scalesOut) expect(typeof p.instances, k).toBe('number');
			if (KINDS[k].flushable) expect(typeof p.capacity, k).toBe('number');
		}
	});

	it('offers the algorithm lists the simulator switches over', () => {
		expect(defaultParams('loadBalancer').algorithm).toBe(LB_ALGORITHMS[0]);
		expect(defaultParams('rateLimiter').algorithm).toBe(RATE_ALGORITHMS[0]);
		const lb = KINDS.loadBalancer.params.find((f) => f.key === 'algorithm');
		expect(lb && lb.type === 'choice' ? lb.options : []).toEqual(LB_ALGORITHMS);
	});
});
