// The load balancer's choice of (edge, instance) for each request: round robin, random,
// weighted, ip-hash, power of two choices, least connections and least response time, over
// the candidates it believes up (health checks lag real failures). Split from forward.ts,
// which admits and passes requests on, because this is the part a new algorithm or a sticky
// session touches; it runs per request, so it allocates nothing and writes its answer into
// s.pickE / s.pickI.
import type { Sim } from '../core';
import type { NodeRt } from '../compile';
import { K, traitByCode, unreachable } from '../consts';
import { fmix32 } from '../parts/hash';
import type { LbAlgorithm } from '../../model/kinds';
import type { ForwardState } from './forward';

/** The balancer's algorithm as a small code for the per-request switch; names from the kinds table. */
export const ALGO = {
	'round-robin': 0,
	random: 1,
	'least-connections': 2,
	weighted: 3,
	'ip-hash': 4,
	'least-response-time': 5,
	'power-of-two': 6
} as const satisfies Record<LbAlgorithm, number>;
export type AlgoCode = (typeof ALGO)[LbAlgorithm];

/** Kinds whose instances a balancer picks one by one (KINDS[k].byInstance; the others take a request as a whole). */
const byInstanceCode = traitByCode('byInstance');

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
/** Pick for call c at balancer n (state st): false when no candidate is believed up. */
export function lbPick(s: Sim, st: ForwardState, n: NodeRt, c: number): boolean {
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
