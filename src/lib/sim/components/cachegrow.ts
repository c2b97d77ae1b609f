// A cache node added at run time (the `addCacheNode` fault): the group gets one more
// instance, with the same capacity as each of the others, and it joins the consistent-hash
// ring. Only the keys on the arcs it takes move (about 1/(n + 1) of them); they miss once at
// their new owner, so the hit ratio dips by about their share of the popularity and
// recovers as they are read again. Rare: the per-instance arrays are reallocated here.
import type { Sim } from '../core';
import type { NodeRt } from '../compile';
import { KeyCache, type Eviction } from '../parts/keycache';
import type { CacheState } from './cache';

function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, fill: number): T {
	const b = new (a.constructor as new (n: number) => T)(a.length + 1);
	b.set(a);
	b[a.length] = fill;
	return b;
}

export function addCacheInstance(s: Sim, n: NodeRt): void {
	s.touch(n);
	const i = n.nInst;
	n.busy = grown(n.busy, 0);
	n.qLen = grown(n.qLen, 0);
	n.qHead = grown(n.qHead, 0);
	n.queues.push(new Int32Array(8));
	n.up = grown(n.up, 1);
	n.ready = grown(n.ready, 1);
	n.epoch = grown(n.epoch, 0);
	n.instDownSince = grown(n.instDownSince, -Infinity);
	n.ewma = grown(n.ewma, 0);
	if (n.instErr !== null) n.instErr = grown(n.instErr, 0);
	if (n.instSlow !== null) n.instSlow = grown(n.instSlow, 1);
	if (n.pausedUntil !== null) n.pausedUntil = grown(n.pausedUntil, 0);
	if (n.emptyAt !== null) n.emptyAt = grown(n.emptyAt, s.now);
	n.nInst = n.active = i + 1;
	const st = n.cache as CacheState;
	const first = st.stores[0];
	st.stores.push(new KeyCache(first.capacity, first.policy as Eviction, first.ttl, first.grace));
	st.dirty.push(new Set<number>());
	if (st.flight !== null) {
		st.flight.waiting.push(new Map());
		st.flight.since.push(new Map());
		st.flight.refreshing.push(new Set());
	}
	st.ring.add(i);
	s.recap(n);
}
