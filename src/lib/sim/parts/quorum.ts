// Helpers for the leaderless kvStore (Dynamo/Cassandra): where a key's n replicas live and
// how many of them are up. The closed-form w-of-n availability is theory.ts's
// quorumUnavailability.
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
