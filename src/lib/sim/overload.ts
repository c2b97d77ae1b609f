// Behaviour under overload, per server group and per edge (model/overload.ts has the
// fields): queue order (FIFO, LIFO, adaptive), shedding abandoned work, contention, GC
// pauses whose rate grows with the queue, and the retry policy of a caller. Resolved once
// at compile time into plain fields; a group or edge that asks for none of it takes the
// same path as before.
import type { Sim } from './core';
import type { ServerGroups } from './servers';
import type { EdgeRt, NodeRt } from './compile';
import { num, obj, str } from './compile';
import { EV, F, K, POOL_TIMEOUT, RATE_LIMITED, REJECTED, TIMEOUT, UNAVAILABLE } from './consts';
import { RetryBudget } from './parts/retryBudget';

export const FIFO = 0, LIFO = 1, ADAPTIVE = 2;
/** A queue that has not emptied for this long is "standing" (CoDel's interval). */
const STANDING_S = 0.1;
/** How often the GC pressure is looked at (the pause rate is piecewise constant over it). */
export const GC_TICK_S = 0.1;

export function initOverload(n: NodeRt): void {
	const o = obj(n.p.overload);
	const d = str(o.discipline, 'fifo');
	n.discipline = d === 'lifo' ? LIFO : d === 'adaptive' ? ADAPTIVE : FIFO;
	n.standingTimeout = Math.max(0, num(o.standingTimeoutMs, 10)) / 1000;
	n.dropAbandoned = o.dropAbandoned === true;
	n.contention = Math.max(0, num(o.contention, 0));
	if (n.discipline === ADAPTIVE) n.emptyAt = new Float64Array(n.nInst);
	const g = obj(n.p.gc);
	if (g.enabled === true && (n.k === K.service || n.k === K.worker || n.k === K.database || n.k === K.cache)) {
		n.gc = { pause: Math.max(0, num(g.pauseMs, 100)) / 1000, base: 1 / Math.max(1e-3, num(g.everyS, 30)), per: Math.max(0, num(g.perQueued, 0.01)) };
		n.pausedUntil ??= new Float64Array(n.nInst);
	}
}

/** Retry policy of an edge: which results are retried (bit per result code), jitter, cap, budget. */
export function initRetry(e: EdgeRt, p: Record<string, unknown>): void {
	const on = str(p.retryOn, 'any-failure');
	const bit = (r: number) => 1 << r;
	e.retryMask =
		on === 'timeouts'
			? bit(TIMEOUT)
			: on === 'not-overload'
				? bit(TIMEOUT) | bit(UNAVAILABLE)
				: bit(TIMEOUT) | bit(UNAVAILABLE) | bit(REJECTED) | bit(RATE_LIMITED) | bit(POOL_TIMEOUT);
	const j = str(p.jitter, 'equal');
	e.jitter = j === 'full' ? 1 : j === 'none' ? 2 : 0;
	e.backoffCap = Math.max(0, num(p.backoffCapMs, 60_000)) / 1000;
	const b = obj(p.retryBudget);
	e.budget = b.enabled === true ? new RetryBudget(Math.max(0, num(b.burst, 10)), Math.max(0, num(b.ratePerS, 1)), Math.max(0, num(b.perSuccess, 0.1))) : null;
}

/** Capped exponential backoff before retry number a (0-based): equal, full or no jitter. */
export function backoff(s: Sim, e: EdgeRt, a: number): number {
	const exp = Math.min(e.backoffCap, e.backoff * Math.pow(2, a));
	return e.jitter === 0 ? exp * (0.5 + 0.5 * s.rng.uniform()) : e.jitter === 1 ? exp * s.rng.uniform() : exp;
}

/**
 * Whether the request call c serves has been given up on upstream: its deadline (the client's
 * send + timeout, tightened by each edge's timeout, carried with the request) has passed, or
 * some caller on its chain timed out (its link was cut) or finished (its slot was recycled).
 * Messages, replica requests and background refreshes have no waiting caller.
 */
export function abandoned(s: ServerGroups, c: number): boolean {
	if (s.now >= s.cDeadline[c]) return true;
	let x = c;
	for (;;) {
		if ((s.cFlags[x] & (F.MESSAGE | F.REPLICA | F.BACKGROUND)) !== 0) return false;
		const p = s.cParent[x];
		if (p < 0) return s.nodes[s.cNode[x]].k !== K.client;
		if (s.cGen[p] !== s.cPGen[x] || s.cChild[p] !== x) return true;
		x = p;
	}
}

/**
 * The next waiting call for a freed worker of instance i under LIFO or adaptive order, or −1
 * when it shed one instead (the caller loops). The queue is a ring: head is the oldest.
 */
export function popOrdered(s: ServerGroups, n: NodeRt, i: number): number {
	const qb = n.queues[i], L = qb.length, h = n.qHead[i], len = n.qLen[i];
	if (n.discipline === ADAPTIVE) {
		const standing = s.now - n.emptyAt![i] > STANDING_S;
		if (!standing) return popHead(n, i);
		const oldest = qb[h];
		if (s.now - s.cT0[oldest] > n.standingTimeout) {
			// CoDel-like shedding: while the queue stands, what waited too long is dropped (503).
			popHead(n, i);
			s.finish(oldest, REJECTED);
			return -1;
		}
	}
	const c = qb[(h + len - 1) % L];
	n.qLen[i] = len - 1;
	n.waitTotal--;
	if (n.discipline === ADAPTIVE && len === 1) n.emptyAt![i] = s.now;
	return c;
}

export function popHead(n: NodeRt, i: number): number {
	const qb = n.queues[i];
	const c = qb[n.qHead[i]];
	n.qHead[i] = (n.qHead[i] + 1) % qb.length;
	n.qLen[i]--;
	n.waitTotal--;
	return c;
}

/** Every GC_TICK_S: each instance starts a pause with probability 1 − e^(−λ·dt), λ = base + per × its queue. */
export function gcTick(s: Sim, n: NodeRt): void {
	const g = n.gc!;
	const pu = n.pausedUntil!;
	for (let i = 0; i < n.nInst; i++) {
		if (pu[i] > s.now || n.up[i] === 0) continue;
		const rate = g.base + g.per * n.qLen[i];
		if (s.rng.uniform() < 1 - Math.exp(-rate * GC_TICK_S)) pu[i] = s.now + g.pause;
	}
	if (s.now + GC_TICK_S <= s.durationS) s.q.push(s.now + GC_TICK_S, EV.GC_TICK, n.idx, 0);
}
