// Nodes that pass a request on without queueing it: load balancer, DNS, GeoDNS, API
// gateway, rate limiter. Their own latency is their fixed overhead (or lookup).
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { EV, K, OK, RATE_LIMITED, REJECTED, UNAVAILABLE, unreachable } from '../consts';
import { fmix32 } from '../parts/hash';
import { RateLimiter, type RateAlgorithm } from '../parts/ratelimit';
import { RATE_ALGORITHMS, type LbAlgorithm, type RateLimitAlgorithm } from '../../model/kinds';
import type { NodeKind } from '../../model/types';
import { routeTo } from './database';

/** The balancer's algorithm as a small code for the per-request switch; names from the kinds table. */
const ALGO = {
	'round-robin': 0,
	random: 1,
	'least-connections': 2,
	weighted: 3,
	'ip-hash': 4,
	'least-response-time': 5,
	'power-of-two': 6
} as const satisfies Record<LbAlgorithm, number>;
type AlgoCode = (typeof ALGO)[LbAlgorithm];

// Every algorithm the kinds table offers is one the rate-limiter part implements (compile-time check).
const _rateAlgorithms: readonly RateAlgorithm[] = RATE_ALGORITHMS satisfies readonly RateLimitAlgorithm[];
void _rateAlgorithms;

/** Kinds whose instances a balancer picks one by one (the others take a request as a whole). */
const BY_INSTANCE = {
	client: false,
	dns: false,
	geoDns: false,
	cdn: false,
	loadBalancer: false,
	apiGateway: false,
	rateLimiter: false,
	service: true,
	worker: true,
	cache: true,
	database: true,
	kvStore: false,
	objectStore: true,
	queue: false
} as const satisfies Record<NodeKind, boolean>;
const byInstanceCode: boolean[] = [];
for (const kind of Object.keys(BY_INSTANCE) as NodeKind[]) byInstanceCode[K[kind]] = BY_INSTANCE[kind];

export interface ForwardState {
	overhead: number;
	/**
	 * The node's admission limit, a meter that refuses (never delays): for a load balancer or
	 * gateway its `maxRps` as a token bucket of one second (LB → 503, gateway → 429); for a
	 * rateLimiter its algorithm (429). null = no limit.
	 */
	limiter: RateLimiter | null;
	/** A limit of 0: everything is refused. */
	closed: boolean;
	algo: AlgoCode;
	rr: number;
	healthCheck: number;
	lookup: number;
	cacheRatio: number;
	/** DNS outage (a fault): when it began (−1: none), and the record TTL clients cache for. */
	outageAt: number;
	ttl: number;
	policy: 'nearest' | 'weighted' | 'failover';
}

export function initForward(s: Sim, n: NodeRt): void {
	// Params are resolved from the kinds table and checked (compile.ts, check.ts): a field of
	// the node's kind is present with its table type, so it is read as is (no second default).
	// Fields the kind does not have (a balancer's lookup time) are 0 and never read.
	const p = n.p;
	const st: ForwardState = {
		overhead: Math.max(0, (p.overheadMs as number | undefined) ?? 0) / 1000,
		algo: n.k === K.loadBalancer ? ALGO[p.algorithm as LbAlgorithm] : ALGO['round-robin'],
		rr: 0,
		healthCheck: Math.max(0, (p.healthCheckS as number | undefined) ?? 0),
		lookup: Math.max(0, (p.lookupMs as number | undefined) ?? 0) / 1000,
		cacheRatio: (p.clientCacheRatio as number | undefined) ?? 0,
		outageAt: -1,
		ttl: Math.max(0, (p.ttlS as number | undefined) ?? 0),
		policy: ((p.policy as string | undefined) ?? 'nearest') as ForwardState['policy'],
		limiter: null,
		closed: false
	};
	let rate = Infinity;
	if (n.k === K.loadBalancer || n.k === K.apiGateway) {
		rate = Math.max(0, p.maxRps as number);
		if (rate > 0) st.limiter = new RateLimiter({ algorithm: 'token-bucket', limitRps: rate, burst: rate });
	} else if (n.k === K.rateLimiter) {
		rate = Math.max(0, p.limitRps as number);
		const perKey = p.scope === 'per-key';
		if (rate > 0)
			st.limiter = new RateLimiter({
				algorithm: p.algorithm as RateAlgorithm,
				limitRps: rate,
				burst: Math.floor(Math.max(0, p.burst as number)),
				scope: perKey ? 'per-key' : 'global',
				// State for at most as many users as there are keys (no allocation per request).
				maxKeys: perKey ? Math.min(65536, keySpace(s)) : 1
			});
	}
	st.closed = rate <= 0;
	n.fwd = st;
}

/** The largest key space of the design's clients (keys are 0..keys-1). */
function keySpace(s: Sim): number {
	let m = 1;
	for (const t of s.nodes) if (t.k === K.client) m = Math.max(m, Math.floor(t.p.keys as number));
	return m;
}

export function fs(n: NodeRt): ForwardState {
	return n.fwd as ForwardState;
}

function overLimit(s: Sim, st: ForwardState, c: number): boolean {
	if (st.closed) return true;
	return st.limiter !== null && !st.limiter.allow(s.now, s.cKey[c]);
}

/** Whether the balancer still sends to instance i of t: alive, or dead for less than the health-check delay. */
function believedUp(s: Sim, t: NodeRt, i: number, hc: number): boolean {
	if (t.k === K.client) return true;
	if (s.nodeDown(t)) return s.now - t.downSince < hc;
	if (i < 0 || t.up[i] === 1) return i < 0 || t.ready[i] === 1;
	return s.now - t.instDownSince[i] < hc;
}

const groupLike = (t: NodeRt) => byInstanceCode[t.k];

function load(t: NodeRt, i: number): number {
	return i < 0 ? 0 : t.busy[i] + t.qLen[i];
}

/** Candidate index → (edge, instance) in s.pickE / s.pickI. */
function at(s: Sim, out: number[], idx: number): void {
	for (let j = 0; j < out.length; j++) {
		const t = s.nodes[s.edges[out[j]].dst];
		const m = groupLike(t) ? t.active : 1;
		if (idx < m) {
			s.pickE = out[j];
			s.pickI = groupLike(t) ? idx : -1;
			return;
		}
		idx -= m;
	}
}

/** Whether candidate idx is believed up; leaves it in s.pickE / s.pickI. */
function ok(s: Sim, out: number[], idx: number, hc: number): boolean {
	at(s, out, idx);
	return believedUp(s, s.nodes[s.edges[s.pickE].dst], s.pickI, hc);
}

/** The idx-th candidate believed up (0-based), left in s.pickE / s.pickI; false if fewer. */
function nthUp(s: Sim, out: number[], nth: number, total: number, hc: number): boolean {
	for (let j = 0; j < total; j++) if (ok(s, out, j, hc) && nth-- === 0) return true;
	return false;
}

function countUp(s: Sim, out: number[], total: number, hc: number): number {
	let m = 0;
	for (let j = 0; j < total; j++) if (ok(s, out, j, hc)) m++;
	return m;
}

/** Rejection sampling draws this many times before counting the live candidates exactly. */
const TRIES = 8;

/**
 * Uniform over the candidates believed up. A dead one's share spreads evenly over all the
 * others (picking "the next live one" would hand it whole to one neighbour). Redrawing on a
 * dead pick is exactly uniform over the live ones and costs one draw while all are up.
 */
function uniformUp(s: Sim, out: number[], total: number, hc: number): boolean {
	for (let t = 0; t < TRIES; t++) if (ok(s, out, s.rng.int(total), hc)) return true;
	const m = countUp(s, out, total, hc);
	return m > 0 && nthUp(s, out, s.rng.int(m), total, hc);
}

/** Weighted random: candidate j weighs its edge's weight / the target's instances; dead ones weigh 0 (renormalised). */
function weightedUp(s: Sim, out: number[], hc: number): boolean {
	let wsum = 0;
	for (let j = 0; j < out.length; j++) wsum += s.edges[out[j]].weight;
	// Draw an edge by weight, then one of its instances; a dead pick is redrawn (rejection
	// sampling: exactly the live weights renormalised), and after TRIES the live ones are summed.
	for (let t = 0; t < TRIES && wsum > 0; t++) {
		let u = s.rng.uniform() * wsum;
		for (let j = 0; j < out.length; j++) {
			u -= s.edges[out[j]].weight;
			if (u < 0 || j === out.length - 1) {
				const tn = s.nodes[s.edges[out[j]].dst];
				const g = groupLike(tn);
				const i = g && tn.active > 1 ? s.rng.int(tn.active) : g ? 0 : -1;
				if (believedUp(s, tn, i, hc)) {
					s.pickE = out[j];
					s.pickI = i;
					return true;
				}
				break;
			}
		}
	}
	let sum = 0;
	for (let j = 0; j < out.length; j++) {
		const t = s.nodes[s.edges[out[j]].dst];
		const m = groupLike(t) ? t.active : 1;
		for (let i = 0; i < m; i++) if (believedUp(s, t, groupLike(t) ? i : -1, hc)) sum += s.edges[out[j]].weight / m;
	}
	if (!(sum > 0)) return false;
	let u = s.rng.uniform() * sum;
	let lastE = -1, lastI = -1;
	for (let j = 0; j < out.length; j++) {
		const t = s.nodes[s.edges[out[j]].dst];
		const m = groupLike(t) ? t.active : 1;
		const w = s.edges[out[j]].weight / m;
		for (let i = 0; i < m; i++) {
			const inst = groupLike(t) ? i : -1;
			if (w <= 0 || !believedUp(s, t, inst, hc)) continue;
			lastE = out[j];
			lastI = inst;
			u -= w;
			if (u < 0) {
				s.pickE = lastE;
				s.pickI = lastI;
				return true;
			}
		}
	}
	s.pickE = lastE;
	s.pickI = lastI;
	return lastE >= 0;
}

function lbPick(s: Sim, n: NodeRt, c: number): boolean {
	const st = fs(n);
	const out = n.out[s.cType[c]];
	const hc = st.healthCheck;
	let total = 0;
	for (let j = 0; j < out.length; j++) {
		const t = s.nodes[s.edges[out[j]].dst];
		total += groupLike(t) ? t.active : 1;
	}
	if (total === 0) return false;
	switch (st.algo) {
		case ALGO['round-robin']: // the pointer steps past dead candidates, so the rotation is over the live ones
			for (let j = 0; j < total; j++) if (ok(s, out, st.rr++ % total, hc)) return true;
			return false;
		case ALGO.random:
			return uniformUp(s, out, total, hc);
		case ALGO['ip-hash']: {
			// ip-hash: the key's slot; if it is dead, rehash the key with the attempt number (as
			// nginx's ip_hash does), so its keys scatter over every live instance and the keys of
			// live instances stay where they were (sticky).
			const key = s.cKey[c];
			for (let t = 0; t < TRIES; t++) if (ok(s, out, fmix32(key + t * 0x9e3779b1) % total, hc)) return true;
			const m = countUp(s, out, total, hc);
			return m > 0 && nthUp(s, out, fmix32(key ^ 0x5bd1e995) % m, total, hc);
		}
		case ALGO.weighted:
			return weightedUp(s, out, hc);
		case ALGO['power-of-two']: {
			// power of two choices: two distinct live candidates at random, the less loaded
			if (!uniformUp(s, out, total, hc)) return false;
			const ea = s.pickE, ia = s.pickI;
			let other = false;
			for (let t = 0; t < TRIES && !other; t++) other = ok(s, out, s.rng.int(total), hc) && (s.pickE !== ea || s.pickI !== ia);
			if (!other || load(s.nodes[s.edges[ea].dst], ia) < load(s.nodes[s.edges[s.pickE].dst], s.pickI)) {
				s.pickE = ea;
				s.pickI = ia;
			}
			return true;
		}
		case ALGO['least-connections']:
		case ALGO['least-response-time']: {
			// scan all, ties to the first after a rotating start
			const start = st.rr++ % total;
			let best = -1, bestScore = Infinity;
			for (let j = 0; j < total; j++) {
				const idx = (start + j) % total;
				if (!ok(s, out, idx, hc)) continue;
				const t = s.nodes[s.edges[s.pickE].dst];
				const conns = load(t, s.pickI);
				const score = st.algo === ALGO['least-connections'] ? conns : (s.pickI >= 0 ? t.ewma[s.pickI] + 1e-3 : 1) * (conns + 1);
				if (score < bestScore) {
					bestScore = score;
					best = idx;
				}
			}
			if (best < 0) return false;
			at(s, out, best);
			return true;
		}
		default:
			return unreachable(st.algo);
	}
}

/** GeoDNS: the edge whose target is nearest the request's origin (or by weight, or the first), skipping targets known down. */
function geoPick(s: Sim, n: NodeRt, c: number): number {
	const st = fs(n);
	const out = n.out[s.cType[c]];
	if (st.policy === 'weighted') {
		let sum = 0;
		for (const e of out) if (known(s, e, st.healthCheck)) sum += s.edges[e].weight;
		let u = s.rng.uniform() * sum;
		for (const e of out) if (known(s, e, st.healthCheck) && (u -= s.edges[e].weight) < 0) return e;
	} else if (st.policy === 'nearest') {
		const o = s.cOrigin[c];
		let best = -1, bestLat = Infinity;
		for (const e of out) {
			if (!known(s, e, st.healthCheck)) continue;
			const r = s.nodes[s.edges[e].dst].region;
			const lat = o >= 0 && r >= 0 ? s.cx.regionLat[o * s.R + r] : 0;
			if (lat < bestLat) {
				bestLat = lat;
				best = e;
			}
		}
		if (best >= 0) return best;
	} else for (const e of out) if (known(s, e, st.healthCheck)) return e;
	return out.length > 0 ? out[0] : -1;
}

/** GeoDNS still sends to a target until its health check (healthCheckS) has seen it down. */
function known(s: Sim, e: number, hc: number): boolean {
	const t = s.nodes[s.edges[e].dst];
	return !(s.allDown(t) && s.now - Math.max(t.downSince, lastInstDown(t)) >= hc);
}

function lastInstDown(t: NodeRt): number {
	let m = -Infinity;
	for (let i = 0; i < t.active; i++) if (t.instDownSince[i] > m) m = t.instDownSince[i];
	return m;
}

function forward(s: Sim, c: number): void {
	const n = s.nodes[s.cNode[c]];
	if (n.k === K.loadBalancer) {
		if (!lbPick(s, n, c)) {
			s.finish(c, UNAVAILABLE);
			return;
		}
		s.send(c, s.pickE, s.edges[s.pickE].dst, s.pickI);
		return;
	}
	const e = n.k === K.geoDns ? geoPick(s, n, c) : (n.out[s.cType[c]][0] ?? -1);
	if (e < 0) {
		s.finish(c, UNAVAILABLE);
		return;
	}
	s.send(c, e, routeTo(s, s.edges[e].dst, s.cType[c]), -1);
}

export const forwarder: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		const st = fs(n);
		if (overLimit(s, st, c)) {
			s.finish(c, n.k === K.loadBalancer ? REJECTED : RATE_LIMITED);
			return;
		}
		let delay = st.overhead;
		if (n.k === K.dns || n.k === K.geoDns) {
			const u = s.rng.uniform();
			if (st.outageAt >= 0) {
				// The resolver is out: only clients still holding an unexpired answer get through.
				// Their records were fetched at uniformly spread times, so the share left falls
				// linearly to 0 over one TTL.
				const left = st.ttl > 0 ? Math.max(0, 1 - (s.now - st.outageAt) / st.ttl) : 0;
				if (u >= st.cacheRatio * left) {
					s.finish(c, UNAVAILABLE);
					return;
				}
			}
			delay = u < st.cacheRatio ? 0 : st.lookup;
		}
		s.cOwn[c] = delay;
		if (delay > 0) s.q.push(s.now + delay, EV.DELAY, c, 0);
		else forward(s, c);
	},
	served() {},
	result(s, c, res) {
		s.finish(c, res === OK ? OK : res);
	},
	resume(s, c) {
		forward(s, c);
	}
};
