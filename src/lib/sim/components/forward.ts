// Nodes that pass a request on without queueing it: load balancer, DNS, GeoDNS, API
// gateway, rate limiter. Their own latency is their fixed overhead (or lookup). How a
// balancer picks among its targets is balance.ts; GeoDNS's choice of region is here.
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { EV, K, OK, RATE_LIMITED, REJECTED, UNAVAILABLE } from '../consts';
import { RateLimiter, type RateAlgorithm } from '../parts/ratelimit';
import { RATE_ALGORITHMS, type LbAlgorithm, type RateLimitAlgorithm } from '../../model/kinds';
import { routeTo } from './database';
import { ALGO, lbPick, type AlgoCode } from './balance';

// Every algorithm the kinds table offers is one the rate-limiter part implements (compile-time check).
const _rateAlgorithms: readonly RateAlgorithm[] = RATE_ALGORITHMS satisfies readonly RateLimitAlgorithm[];
void _rateAlgorithms;

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
		if (!lbPick(s, fs(n), n, c)) {
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
