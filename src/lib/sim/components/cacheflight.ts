// A cache's request coalescing (single-flight) and stale-while-revalidate (docs/model.md,
// "Services and caches"). Both off by default: a cache that asks for neither has no flight
// state (`CacheState.flight` is null) and takes the old path.
//
// Coalescing: per instance, the keys whose value is being fetched, each with the misses
// waiting for it (linked through their calls' `cPend`). A read-through cache fetches the key
// itself: the first miss fetches, later ones wait and get its answer (its failure too, as Go's
// singleflight). A cache-aside cache answers the first miss "miss" and holds a lease for it
// (memcached's leases): later misses wait until that caller fills the key, its database read
// fails, or the lease (`leaseMs`) runs out; then they are answered "miss" and read themselves.
//
// Stale-while-revalidate: an entry past its TTL by less than `swrS` is still a hit, served at
// hit time; the first such hit starts one background read from the cache's own database edge
// (a call with no caller, not counted at the cache), whose answer refreshes the entry.
import type { Sim } from '../core';
import type { NodeRt } from '../compile';
import { C, EV, F, OK, T_READ, UNAVAILABLE } from '../consts';
import type { CacheState } from './cache';
import { cacheFill, ownerOf } from './cache';
import { pickDbRead } from './database';

/** cStep of a background refresh call at the cache (read-through uses 1, write-through 2). */
export const REFRESH_STEP = 3;

export interface Flights {
	coalesce: boolean;
	readThrough: boolean;
	/** Cache-aside: how long a waiting miss trusts the first miss's lease (s). */
	lease: number;
	/** Per instance: key → the first waiting call (−1: none yet) of the fetch under way. */
	waiting: Map<number, number>[];
	/** Per instance (cache-aside): key → when its lease was given. */
	since: Map<number, number>[];
	/** Per instance: keys whose background refresh is under way (one per expiry). */
	refreshing: Set<number>[];
}

export function initFlights(n: NodeRt, swr: number): Flights | null {
	const coalesce = n.p.coalesce === true;
	if (!coalesce && swr === 0) return null;
	const per = <T>(make: () => T) => Array.from({ length: n.nInst }, make);
	return {
		coalesce,
		readThrough: n.p.strategy === 'read-through',
		lease: Math.max(0, (n.p.leaseMs as number | undefined) ?? 1000) / 1000,
		waiting: per(() => new Map<number, number>()),
		since: per(() => new Map<number, number>()),
		refreshing: per(() => new Set<number>())
	};
}

/** A read at instance i of a cache with flight state (its lookup has been counted). */
export function lookupFlight(s: Sim, n: NodeRt, st: CacheState, c: number): void {
	const fl = st.flight!;
	const i = s.cInst[c], key = s.cKey[c], store = st.stores[i];
	const found = store.grace > 0 ? store.look(key, s.now) : store.get(key, s.now) ? 1 : 0;
	if (found !== 0) {
		n.cnt[C.HITS]++;
		s.cFlags[c] |= F.HIT;
		if (found === 2) {
			n.cnt[C.STALE]++;
			revalidate(s, n, fl, i, key);
		}
		s.finish(c, OK);
		return;
	}
	if (fl.coalesce) {
		const head = fl.waiting[i].get(key);
		if (head !== undefined) {
			// A fetch of this key is under way: wait for it instead of starting another.
			s.cPend[c] = head;
			fl.waiting[i].set(key, c);
			n.cnt[C.COALESCED]++;
			return;
		}
		fl.waiting[i].set(key, -1);
		if (!fl.readThrough) {
			fl.since[i].set(key, s.now);
			s.q.push(s.now + fl.lease, EV.LEASE, n.idx, key);
		}
	}
	if (fl.readThrough) {
		const target = pickDbRead(s, n, s.cType[c]);
		if (target >= 0) {
			s.cStep[c] = 1;
			s.send(c, s.dbEdge, target, -1);
			return;
		}
		land(s, n, i, key, OK, false);
	}
	s.finish(c, OK);
}

/**
 * The fetch of `key` at instance i is over: its waiters are answered with `res` — as hits
 * (they got the value) when `hit`, else as misses (each reads the database itself).
 */
export function land(s: Sim, n: NodeRt, i: number, key: number, res: number, hit: boolean): void {
	const fl = (n.cache as CacheState).flight;
	if (fl === null || !fl.coalesce) return;
	const head = fl.waiting[i].get(key);
	if (head === undefined) return;
	fl.waiting[i].delete(key);
	fl.since[i].delete(key);
	for (let w = head; w >= 0; ) {
		const next = s.cPend[w];
		if (res === OK && hit) s.cFlags[w] |= F.HIT;
		s.finish(w, res);
		w = next;
	}
}

/** Cache-aside: the lease holder's database read failed; the misses waiting on it read for themselves. */
export function leaseFailed(s: Sim, n: NodeRt, key: number): void {
	const i = ownerOf(s, n, key);
	if (i >= 0) land(s, n, i, key, OK, false);
}

/** EV.LEASE: a cache-aside lease on `key` ran out; misses still waiting on it read for themselves. */
export function leaseOver(s: Sim, n: NodeRt, key: number): void {
	const fl = (n.cache as CacheState).flight!;
	for (let i = 0; i < n.nInst; i++) {
		const t = fl.since[i].get(key);
		if (t !== undefined && s.now - t >= fl.lease - 1e-9) land(s, n, i, key, OK, false);
	}
}

/** Instance i lost its keys (flush or death): every fetch it waited on is over. */
export function landAll(s: Sim, n: NodeRt, i: number): void {
	const fl = (n.cache as CacheState).flight;
	if (fl === null) return;
	fl.refreshing[i].clear();
	if (!fl.coalesce || fl.waiting[i].size === 0) return;
	const res = n.up[i] === 1 ? OK : UNAVAILABLE;
	for (const key of [...fl.waiting[i].keys()]) land(s, n, i, key, res, false);
}

/** A stale hit: start the entry's one background refresh, if none is under way and there is a database to read. */
function revalidate(s: Sim, n: NodeRt, fl: Flights, i: number, key: number): void {
	if (fl.refreshing[i].has(key)) return;
	const target = pickDbRead(s, n, T_READ);
	if (target < 0) return;
	fl.refreshing[i].add(key);
	const r = s.alloc();
	s.cNode[r] = n.idx;
	s.cType[r] = T_READ;
	s.cKey[r] = key;
	s.cOrigin[r] = n.region;
	s.cInst[r] = i;
	s.cStart[r] = s.now;
	s.cT0[r] = s.now;
	s.cStep[r] = REFRESH_STEP;
	s.cFlags[r] = F.BACKGROUND;
	s.send(r, s.dbEdge, target, -1);
}

/** The background refresh answered: the entry is written again (its TTL restarts). */
export function refreshDone(s: Sim, c: number, res: number): void {
	const n = s.nodes[s.cNode[c]];
	const fl = (n.cache as CacheState).flight!;
	fl.refreshing[s.cInst[c]].delete(s.cKey[c]);
	if (res === OK) cacheFill(s, n, s.cKey[c]);
	s.free(c);
}
