// Multi-leader replication (docs/model.md, "Consistency"): several databases of one replica
// set accept writes, each replicating to the others after the lag of its replication edge.
// Two writes of a key conflict when neither had seen the other: the later one was made less
// than one lag (from the earlier one's leader to its own) after the earlier. Last write wins:
// the write a conflicting one supersedes is a lost update (acknowledged, then silently
// overwritten by a write that never saw it). Counted where each write was accepted; the
// clients were answered and are not told. Off (ReplicaSet.ml = null) unless asked for.
import type { Sim } from '../core';
import type { NodeRt } from '../compile';
import { C } from '../consts';
import type { ReplicaSet } from './replicaset';

/** Recent writes kept per key and leader: conflicts are exact while no leader writes a key more often within one lag. */
const DEPTH = 4;
const MAX_KEYS = 1 << 20;

export class MultiLeader {
	/** Node indices of the leaders that accept writes (the set's leader first). */
	readonly leaders: number[];
	/** lag[y·L + x]: seconds for a write at leader y to reach leader x. */
	readonly lag: Float64Array;
	private readonly mask: number;
	private readonly times: Float64Array;
	private readonly marked: Uint8Array;
	private readonly head: Uint8Array;

	constructor(leaders: number[], lag: Float64Array, keys: number) {
		let size = 1;
		while (size < keys && size < MAX_KEYS) size <<= 1;
		this.leaders = leaders;
		this.lag = lag;
		this.mask = size - 1;
		this.times = new Float64Array(size * leaders.length * DEPTH).fill(-Infinity);
		this.marked = new Uint8Array(size * leaders.length * DEPTH);
		this.head = new Uint8Array(size * leaders.length);
	}

	static bytes(keys: number, leaders: number): number {
		return Math.min(MAX_KEYS, 2 ** Math.ceil(Math.log2(Math.max(1, keys)))) * leaders * (DEPTH * 9 + 1);
	}

	accepts(idx: number): boolean {
		return this.leaders.indexOf(idx) >= 0;
	}

	/** Leader node n accepted a write of `key` now: count the conflicts and the update it supersedes. */
	write(s: Sim, n: NodeRt, key: number): void {
		const x = this.leaders.indexOf(n.idx);
		if (x < 0) return;
		const L = this.leaders.length, now = s.now, slot = key & this.mask;
		let conflict = false, prevT = -Infinity, prevLeader = -1;
		for (let y = 0; y < L; y++) {
			const base = (slot * L + y) * DEPTH;
			const latest = this.times[base + this.head[slot * L + y]];
			if (latest > prevT) {
				prevT = latest;
				prevLeader = y;
			}
			if (y === x) continue;
			// Y's writes younger than the lag from Y to here have not arrived: each is concurrent with this one.
			const cut = now - this.lag[y * L + x];
			for (let j = 0; j < DEPTH; j++) {
				if (!(this.times[base + j] > cut)) continue;
				conflict = true;
				if (this.marked[base + j] === 0) {
					this.marked[base + j] = 1;
					s.nodes[this.leaders[y]].cnt[C.CONFLICTS]++;
				}
			}
		}
		// The write this one supersedes (the key's newest so far) is lost if it came from another
		// leader and had not reached this one: last write wins, and this write never saw it.
		if (prevLeader >= 0 && prevLeader !== x && prevT > now - this.lag[prevLeader * L + x]) s.nodes[this.leaders[prevLeader]].cnt[C.LOST_UPDATES]++;
		if (conflict) n.cnt[C.CONFLICTS]++;
		const h = (this.head[slot * L + x] + 1) % DEPTH;
		this.head[slot * L + x] = h;
		this.times[(slot * L + x) * DEPTH + h] = now;
		this.marked[(slot * L + x) * DEPTH + h] = conflict ? 1 : 0;
	}
}

/**
 * A replica set is multi-leader when two or more members have role leader and multiLeader on;
 * those take writes, and the set's leader (for failover and followers) is the first of them.
 * Any other member, a role-leader without the flag too, sends writes to the set's leader.
 */
export function initMultiLeader(s: Sim, set: ReplicaSet, keys: number): void {
	const leaders = set.members.filter((m) => s.nodes[m].p.role === 'leader' && s.nodes[m].p.multiLeader === true);
	if (leaders.length < 2) return;
	if (!leaders.includes(set.leader)) set.leader = leaders[0];
	leaders.sort((a, b) => (a === set.leader ? -1 : b === set.leader ? 1 : 0));
	const L = leaders.length;
	const edgeLag = (a: number, b: number) => {
		const e = s.edges.find((e) => e.replication && e.src === a && e.dst === b);
		return e ? e.lag : -1;
	};
	const lag = new Float64Array(L * L);
	for (let y = 0; y < L; y++)
		for (let x = 0; x < L; x++) {
			if (x === y) continue;
			// The edge from y to x; else the one back (a link lags alike both ways); else none (0).
			const direct = edgeLag(leaders[y], leaders[x]);
			lag[y * L + x] = Math.max(0, direct >= 0 ? direct : edgeLag(leaders[x], leaders[y]));
		}
	set.ml = new MultiLeader(leaders, lag, keys);
}
