// Helpers for the leaderless kvStore (Dynamo/Cassandra): where a key's n replicas live,
// how many of them answer, and the closed-form availability of a w-of-n (or r-of-n)
// quorum that the simulator's measured figures are checked against.
import { HashRing } from './hashring';

/** The preference lists of a kvStore: each key on `n` distinct machines of `nodes`. */
export class QuorumPlacement {
	readonly nodes: number;
	readonly n: number;
	private readonly ring: HashRing;

	constructor(nodes: number, n: number, vnodes = 64) {
		if (!(nodes >= 1) || !(n >= 1)) throw new RangeError('a kvStore needs nodes >= 1 and n >= 1');
		this.nodes = Math.floor(nodes);
		this.n = Math.min(Math.floor(n), this.nodes); // n > nodes cannot place distinct copies
		this.ring = HashRing.of(this.nodes, vnodes);
	}

	/** Writes the key's replicas (machine indices, owner first) into `out`; returns n. */
	replicasOf(key: number, out: Int32Array): number {
		return this.ring.replicas(key, this.n, out);
	}
}

/** How many of the first `count` replicas in `replicas` are up (`up[machine]` ≠ 0). */
export function countUp(replicas: Int32Array, count: number, up: Uint8Array): number {
	let live = 0;
	for (let i = 0; i < count; i++) if (up[replicas[i]] !== 0) live++;
	return live;
}

/**
 * The k-th smallest (1-based) of the first `count` values: the latency of a request that
 * completes with the k-th reply. Reorders `values` in place (insertion sort: n is tiny).
 */
export function kthFastest(values: Float64Array, count: number, k: number): number {
	for (let i = 1; i < count; i++) {
		const v = values[i];
		let j = i - 1;
		while (j >= 0 && values[j] > v) {
			values[j + 1] = values[j];
			j--;
		}
		values[j + 1] = v;
	}
	return k >= 1 && k <= count ? values[k - 1] : Infinity;
}

/**
 * P(at least k of n independent replicas are up), each up with probability pUp: the
 * binomial upper tail. With failures {mtbfS, mttrS}, pUp = mtbf / (mtbf + mttr).
 */
export function quorumAvailability(n: number, k: number, pUp: number): number {
	if (k <= 0) return 1;
	if (k > n) return 0;
	let total = 0;
	let choose = 1; // C(n, i), built up from i = 0
	for (let i = 0; i <= n; i++) {
		if (i > 0) choose = (choose * (n - i + 1)) / i;
		if (i >= k) total += choose * Math.pow(pUp, i) * Math.pow(1 - pUp, n - i);
	}
	return Math.min(1, total);
}
