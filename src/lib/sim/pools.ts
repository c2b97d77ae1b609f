// Connection pools on calls out of a node (docs/model.md, "Services and caches"): each pooled
// edge has one pool per caller instance (parts/pool.ts). A call takes a connection when it is
// sent and gives it back when its answer reaches the caller, or when the caller stops waiting
// (the edge's timeout, the client's deadline: the connection is closed). A call that finds
// every connection taken waits in line, FIFO, for at most the pool-wait timeout, then fails
// `pool-timeout` at the caller. Each edge's pool is its own bulkhead: a slow dependency can
// tie up only its own connections (and, in a blocking caller, the workers waiting on them).
import type { Sim } from './core';
import type { EdgeRt } from './compile';
import { num, obj } from './compile';
import { EV, POOL_TIMEOUT } from './consts';
import { PoolTable } from './parts/pool';

/** The edge's pool params, resolved once (compile.ts): no pool is `pool = -1`. */
export function initEdgePool(e: EdgeRt, p: Record<string, unknown>): void {
	const o = obj(p.pool);
	e.pool = o.enabled === true ? 0 : -1;
	e.poolSize = Math.max(1, Math.floor(num(o.size, 10)));
	e.poolWait = Math.max(0, num(o.waitTimeoutMs, 1000)) / 1000;
}

/** Lay out the slots: each pooled edge gets one per instance of its source node. */
export function buildPools(s: Sim): PoolTable | null {
	let slots = 0;
	for (const e of s.edges) if (e.pool >= 0) slots += s.nodes[e.src].nInst;
	if (slots === 0) return null;
	const t = new PoolTable(slots);
	let at = 0;
	for (const e of s.edges) {
		if (e.pool < 0) continue;
		e.pool = at;
		e.poolSlots = s.nodes[e.src].nInst;
		for (let i = 0; i < e.poolSlots; i++, at++) {
			t.size[at] = e.poolSize;
			t.edgeOf[at] = e.idx;
		}
	}
	return t;
}

/**
 * A connection for `parent`'s call over pooled edge e: its slot + 1, or 0 when there is none
 * now (the call waits in line, or has already failed `pool-timeout` with no wait allowed).
 */
export function acquire(s: Sim, parent: number, e: number, target: number, inst: number): number {
	const edge = s.edges[e];
	const t = s.pools!;
	const i = s.cInst[parent];
	// One pool per caller instance; a caller without instances (a forwarder) has one, and an
	// instance added at run time (a cache node) shares the first.
	const slot = edge.pool + (i > 0 && i < edge.poolSlots ? i : 0);
	if (t.tryTake(slot)) return slot + 1;
	if (edge.poolWait <= 0) {
		s.childDone(parent, e, POOL_TIMEOUT, 0, false);
		return 0;
	}
	let ticket = (s.poolTicket + 1) | 0;
	if (ticket === 0) ticket = 1;
	s.poolTicket = ticket;
	s.cWait[parent] = slot + 1;
	s.cTicket[parent] = ticket;
	t.enqueue(slot, parent, ticket, target, inst);
	s.q.push(s.now + edge.poolWait, EV.POOL_WAIT, parent, ticket);
	return 0;
}

const popped = new Int32Array(4);

/** Call c gives its connection back: the first live waiter takes it at once, else it is free. */
export function releaseConn(s: Sim, c: number): void {
	const slot = s.cConn[c] - 1;
	s.cConn[c] = 0;
	const t = s.pools!;
	while (t.pop(slot, popped)) {
		const w = popped[0], ticket = popped[1], target = popped[2], inst = popped[3];
		if (s.cWait[w] !== slot + 1 || s.cTicket[w] !== ticket) continue; // it gave up already
		s.cWait[w] = 0;
		t.leave(slot);
		s.transmit(w, t.edgeOf[slot], target, inst, slot + 1);
		return;
	}
	t.inUse[slot]--;
}

/** EV.POOL_WAIT: the wait of call c (its ticket) is over; if it still waits, it fails `pool-timeout`. */
export function poolWaitOver(s: Sim, c: number, ticket: number): void {
	if (s.cWait[c] === 0 || s.cTicket[c] !== ticket) return;
	const slot = s.cWait[c] - 1;
	s.cWait[c] = 0;
	s.pools!.leave(slot);
	s.childDone(c, s.pools!.edgeOf[slot], POOL_TIMEOUT, 0, false);
}

/** Call c stops waiting without an outcome (its request ended elsewhere: the client's deadline). */
export function leavePool(s: Sim, c: number): void {
	const slot = s.cWait[c] - 1;
	s.cWait[c] = 0;
	s.pools!.leave(slot);
}
