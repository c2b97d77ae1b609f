// Caches (Redis/Memcached): a server group whose keys are spread over its instances by
// consistent hashing (100 virtual points per instance); each instance holds capacity /
// instances keys. A lost instance loses its keys, and its share of the ring falls to the
// next live instance, where those keys start cold: the misses land on the database.
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { C, EV, F, K, OK, T_WRITE, UNAVAILABLE } from '../consts';
import { HashRing } from '../parts/hashring';
import { KeyCache, type Eviction } from '../parts/keycache';
import { pickDbRead, pickDbWrite, loseWrites } from './database';
import type { ClientState } from './client';
import { Rng } from '../engine/rng';
import { REFRESH_STEP, initFlights, land, landAll, lookupFlight, refreshDone, type Flights } from './cacheflight';

const VNODES = 100;

export interface CacheState {
	stores: KeyCache[];
	ring: HashRing;
	strategy: string;
	dirty: Set<number>[];
	flushing: boolean;
	/** Coalescing and stale-while-revalidate (cacheflight.ts); null when both are off. */
	flight: Flights | null;
}

/** Whether the cache coalesces misses or serves stale entries (cacheflight.ts). */
export function cacheFlight(n: NodeRt): boolean {
	return (n.cache as CacheState).flight !== null;
}

export function cacheStrategy(n: NodeRt): string {
	return n.p.strategy as string;
}

export function initCache(s: Sim, n: NodeRt): void {
	const per = Math.max(1, Math.ceil(Math.max(1, n.p.capacity as number) / n.active));
	const ttl = Math.max(0, n.p.ttlS as number);
	const ev = n.p.eviction as Eviction;
	const swr = ttl > 0 ? Math.max(0, (n.p.swrS as number | undefined) ?? 0) : 0;
	const st: CacheState = {
		stores: Array.from({ length: n.nInst }, () => new KeyCache(per, ev, ttl, swr)),
		ring: HashRing.of(n.nInst, VNODES),
		strategy: cacheStrategy(n),
		dirty: Array.from({ length: n.nInst }, () => new Set<number>()),
		flushing: false,
		flight: initFlights(n, swr)
	};
	n.cache = st;
	if (st.strategy === 'write-back') s.q.push(1, EV.FLUSH, n.idx, 0);
	if (n.p.warm === true) {
		// Warmed (a cache-warming job ran): the most popular keys, ranks 1..capacity (keys
		// 0..capacity − 1), loaded least popular first so the hottest are the most recent.
		const cap = Math.min(Math.max(1, n.p.capacity as number), 1 << 22);
		for (let k = cap - 1; k >= 0; k--) cacheFill(s, n, k);
	}
}

/**
 * Start warm: a cache is warm until a flush or a restart empties it (its lifecycle starts
 * "warm"), so each instance is filled with keys drawn as the clients draw them, until full
 * or after 10 draws per slot (the steady content of an LRU under independent draws is close
 * to that). Entries get random ages so TTLs do not all expire at once. A separate random
 * stream keeps the run's own draws as they were.
 */
export function prefillCache(s: Sim, n: NodeRt, clients: ClientState[], seed: number): void {
	const st = cs(n);
	const total = clients.reduce((a, c) => a + c.rps, 0);
	if (clients.length === 0 || !(total > 0)) return;
	const rng = new Rng(seed * 2654435761 + n.idx);
	const ttl = Math.max(0, n.p.ttlS as number);
	let room = 0;
	for (let i = 0; i < n.active; i++) room += st.stores[i].capacity - st.stores[i].size;
	for (let draws = 10 * room; room > 0 && draws > 0; draws--) {
		let u = rng.uniform() * total, k = 0;
		while (k < clients.length - 1 && (u -= clients[k].rps) >= 0) k++;
		const key = clients[k].zipf.sample(rng) - 1;
		const i = ownerOf(s, n, key);
		if (i < 0) return;
		const store = st.stores[i];
		if (store.has(key, 0)) continue;
		if (store.size < store.capacity) room--;
		store.put(key, ttl > 0 ? -rng.uniform() * ttl : 0);
	}
}

function cs(n: NodeRt): CacheState {
	return n.cache as CacheState;
}

/** The live instance owning a key on the ring, or -1. */
export function ownerOf(s: Sim, n: NodeRt, key: number): number {
	if (s.nodeDown(n)) return -1;
	return cs(n).ring.ownerUp(key, n.up, n.active);
}

export function cacheFill(s: Sim, n: NodeRt, key: number): void {
	const i = ownerOf(s, n, key);
	if (i < 0) return;
	const st = cs(n);
	st.stores[i].put(key, s.now);
	// Misses waiting for this key (coalescing) have their value now.
	if (st.flight !== null) land(s, n, i, key, OK, true);
}

export function cacheInvalidate(s: Sim, n: NodeRt, key: number): void {
	const i = ownerOf(s, n, key);
	if (i >= 0) cs(n).stores[i].delete(key);
}

/** An instance died or was flushed: its keys are gone, and write-back data not yet flushed is lost. */
export function cacheLose(s: Sim, n: NodeRt, i: number): void {
	const st = cs(n);
	if (!st) return;
	const d = st.dirty[i].size;
	if (d > 0) loseWrites(s, n, d);
	st.dirty[i].clear();
	st.stores[i].clear();
	if (st.flight !== null) landAll(s, n, i);
}

/** Write-back: every second, each instance writes its dirty keys to the database. */
export function cacheFlush(s: Sim, n: NodeRt): void {
	const st = cs(n);
	for (let i = 0; i < n.nInst; i++) {
		const dirty = st.dirty[i];
		if (dirty.size === 0) continue;
		for (const key of dirty) {
			const target = pickDbWrite(s, n);
			if (target < 0) break;
			const c = s.alloc();
			s.cType[c] = T_WRITE;
			s.cKey[c] = key;
			s.cOrigin[c] = n.region;
			s.cStart[c] = s.now;
			s.cNode[c] = target;
			s.cEdge[c] = s.dbEdge;
			const lat = s.latency(s.edges[s.dbEdge], target);
			s.cLat[c] = lat;
			if (lat > 0) s.q.push(s.now + lat, EV.ARRIVE, c, 0);
			else s.arrive(c);
		}
		dirty.clear();
	}
	if (s.now + 1 <= s.durationS) s.q.push(s.now + 1, EV.FLUSH, n.idx, 0);
}

export const cache: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		const i = ownerOf(s, n, s.cKey[c]);
		if (i < 0) {
			s.finish(c, UNAVAILABLE);
			return;
		}
		s.admit(n, i, c);
	},
	served(s, c) {
		const n = s.nodes[s.cNode[c]];
		const st = cs(n);
		const i = s.cInst[c], key = s.cKey[c];
		const store = st.stores[i];
		if (s.cType[c] !== T_WRITE) {
			n.cnt[C.LOOKUPS]++;
			if (st.flight !== null) return lookupFlight(s, n, st, c);
			if (store.get(key, s.now)) {
				n.cnt[C.HITS]++;
				s.cFlags[c] |= F.HIT;
				s.finish(c, OK);
				return;
			}
			if (st.strategy === 'read-through') {
				const target = pickDbRead(s, n, s.cType[c]);
				if (target >= 0) {
					s.cStep[c] = 1;
					s.send(c, s.dbEdge, target, -1);
					return;
				}
			}
			s.finish(c, OK);
			return;
		}
		if (st.strategy === 'write-through') {
			store.put(key, s.now);
			const target = pickDbWrite(s, n);
			if (target >= 0) {
				s.cStep[c] = 2;
				s.send(c, s.dbEdge, target, -1);
				return;
			}
		} else if (st.strategy === 'write-back') {
			store.put(key, s.now);
			st.dirty[i].add(key);
		} else store.delete(key);
		s.finish(c, OK);
	},
	result(s, c, res) {
		if (s.cStep[c] === REFRESH_STEP) return refreshDone(s, c, res);
		const n = s.nodes[s.cNode[c]];
		if (s.stale(c)) res = UNAVAILABLE;
		else if (res === OK && s.cStep[c] === 1) {
			cacheFill(s, n, s.cKey[c]);
			s.cFlags[c] |= F.HIT; // read-through answered the value: the caller skips the database
		}
		// A coalesced fetch that failed: its waiters share the failure (a success landed them in cacheFill).
		if (res !== OK && s.cStep[c] === 1 && cs(n).flight !== null) land(s, n, s.cInst[c], s.cKey[c], res, false);
		s.finish(c, res);
	},
	resume(s, c) {
		const n = s.nodes[s.cNode[c]];
		const step = s.cStep[c];
		const target = step === 2 ? pickDbWrite(s, n) : pickDbRead(s, n, s.cType[c]);
		if (target >= 0) s.send(c, s.dbEdge, target, -1);
		else if (step === REFRESH_STEP) refreshDone(s, c, UNAVAILABLE);
		else {
			if (step === 1 && cs(n).flight !== null) land(s, n, s.cInst[c], s.cKey[c], UNAVAILABLE, false);
			s.finish(c, UNAVAILABLE);
		}
	}
};

