// Databases: a server group whose service time is readMs or writeMs. Databases joined by
// replication edges form a replica set with one leader. Writes go to the leader; a commit
// reaches follower f lag_f later (async), or the leader waits for it (sync: the slowest
// live sync follower; semi-sync: the fastest). A follower read of a key whose last commit is
// younger than that follower's lag is stale. When the leader is lost, writes are
// unavailable until a follower is promoted failoverS later; async writes committed within
// the lag before the loss never reached a follower: they are lost.
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { C, EV, K, OK, T_WRITE, LOST, UNAVAILABLE } from '../consts';
import { shardOf } from '../parts/hash';
import { startFailover } from '../machines/failover';
import { ReplicaSet, startOf } from './replicaset';
import { initMultiLeader } from './multileader';

export { ReplicaSet };

export interface DbState {
	set: ReplicaSet | null;
	lag: number;
	mode: 'async' | 'sync' | 'semi-sync';
	shards: number;
	perShard: number;
	range: boolean;
	keys: number;
}

export function dbs(n: NodeRt): DbState {
	return n.db as DbState;
}

export function initDatabases(s: Sim, maxKeys: number): void {
	const parent = new Map<number, number>();
	const find = (x: number): number => {
		while (parent.get(x) !== x) x = parent.get(x)!;
		return x;
	};
	for (const n of s.nodes) {
		if (n.k !== K.database) continue;
		parent.set(n.idx, n.idx);
		const shards = Math.max(1, Math.floor(n.p.shards as number));
		n.db = {
			set: null,
			lag: 0,
			mode: 'async',
			shards,
			perShard: Math.max(1, Math.floor(n.p.instances as number)),
			range: n.p.sharding === 'range',
			keys: maxKeys
		} satisfies DbState;
	}
	for (const e of s.edges) {
		if (!e.replication) continue;
		parent.set(find(e.src), find(e.dst));
		const st = dbs(s.nodes[e.dst]);
		st.lag = e.lag;
		st.mode = e.mode;
	}
	const sets = new Map<number, ReplicaSet>();
	for (const n of s.nodes) {
		if (n.k !== K.database) continue;
		const hasRepl = s.edges.some((e) => e.replication && (e.src === n.idx || e.dst === n.idx));
		if (!hasRepl) continue;
		const root = find(n.idx);
		let set = sets.get(root);
		if (!set) sets.set(root, (set = new ReplicaSet(maxKeys)));
		set.members.push(n.idx);
		dbs(n).set = set;
	}
	for (const set of sets.values()) {
		set.leader = set.members.find((m) => s.nodes[m].p.role === 'leader') ?? set.members[0];
		initMultiLeader(s, set, maxKeys);
		set.life = startFailover(Math.max(0, s.nodes[set.leader].p.failoverS as number));
		for (const m of set.members) {
			const st = dbs(s.nodes[m]);
			if (m !== set.leader && st.mode === 'async') set.maxAsyncLag = Math.max(set.maxAsyncLag, st.lag);
		}
	}
	s.replicaSets = [...sets.values()];
	s.replicaSets.forEach((set, i) => (set.idx = i));
	for (const n of s.nodes)
		for (let t = 0; t < 3; t++) {
			const out = n.out[t].filter((e) => s.nodes[s.edges[e].dst].k === K.database);
			n.dbFast[t] = out.length === 1 && dbs(s.nodes[s.edges[out[0]].dst]).set === null ? out[0] : -1;
		}
}

function isFollower(n: NodeRt): boolean {
	const set = dbs(n).set;
	return set ? set.leader !== n.idx : n.p.role === 'follower';
}

/** The database a read goes to: a live follower at random, else the leader. Sets s.dbEdge. */
export function pickDbRead(s: Sim, n: NodeRt, type: number): number {
	const fast = n.dbFast[type];
	if (fast >= 0) {
		// One database edge to a database outside any replica set: nothing to choose.
		s.dbEdge = fast;
		return s.edges[fast].dst;
	}
	const out = n.out[type];
	let count = 0;
	for (let j = 0; j < out.length; j++) {
		const t = s.nodes[s.edges[out[j]].dst];
		if (t.k === K.database && isFollower(t) && !s.allDown(t)) count++;
	}
	if (count > 0) {
		let pick = count === 1 ? 0 : s.rng.int(count);
		for (let j = 0; j < out.length; j++) {
			const t = s.nodes[s.edges[out[j]].dst];
			if (t.k === K.database && isFollower(t) && !s.allDown(t) && pick-- === 0) {
				s.dbEdge = out[j];
				return t.idx;
			}
		}
	}
	return firstDbLeader(s, out);
}

/** The database a write goes to: the current leader of the first database's replica set. */
export function pickDbWrite(s: Sim, n: NodeRt): number {
	return firstDbLeader(s, n.out[T_WRITE]);
}

/** The first database among edges `out` (its edge left in s.dbEdge), as its replica set's current leader. */
function firstDbLeader(s: Sim, out: number[]): number {
	for (let j = 0; j < out.length; j++) {
		const t = s.nodes[s.edges[out[j]].dst];
		if (t.k !== K.database) continue;
		s.dbEdge = out[j];
		return writeLeader(dbs(t).set, t.idx);
	}
	return -1;
}

/** Where a call over an edge to node `dst` really goes: writes to a replica set follow its current leader. */
export function routeTo(s: Sim, dst: number, type: number): number {
	const n = s.nodes[dst];
	if (n.k !== K.database || type !== T_WRITE) return dst;
	return writeLeader(dbs(n).set, dst);
}

/** Who takes a write aimed at database idx: itself if it is a leader accepting writes (multi-leader), else its set's leader. */
function writeLeader(set: ReplicaSet | null, idx: number): number {
	if (set === null) return idx;
	return set.ml !== null && set.ml.accepts(idx) ? idx : set.leader;
}

/**
 * Acknowledged writes that will never be applied: at the node that had acknowledged them,
 * moved from completed to failed `lost`. (The client side is the receipts' business:
 * ReplicaSet.loseRecent.)
 */
export function loseWrites(s: Sim, n: NodeRt, count: number): void {
	if (count <= 0) return;
	n.cnt[C.LOST] += count;
	n.cnt[C.FAIL + LOST - 1] += count;
	n.cnt[C.COMP] -= count;
}

function candidateOf(s: Sim, set: ReplicaSet): number {
	return set.members.findIndex((m) => m !== set.leader && !s.allDown(s.nodes[m]));
}

/** Called when a database's health changed: drives the replica set's failover machine. */
export function dbHealthChanged(s: Sim, n: NodeRt): void {
	const set = dbs(n).set;
	if (!set || set.leader !== n.idx || !set.life) return;
	const life = set.life;
	if (!s.allDown(n)) {
		// The leader is back before a follower was promoted: it keeps the role.
		if (set.electing) {
			life.send({ type: 'LEADER_RECOVER', now: s.now });
			set.epoch++;
		}
		return;
	}
	if (set.electing) return;
	const lost = set.loseRecent(s);
	loseWrites(s, n, lost);
	set.epoch++;
	life.send({ type: 'LEADER_FAIL', now: s.now, candidate: candidateOf(s, set), unshippedWrites: lost });
	s.q.push(s.now + life.context().failoverS, EV.PROMOTE, s.replicaSets.indexOf(set), set.epoch);
}

/** failoverS after the loss: promote the most suitable live follower, if any. */
export function promote(s: Sim, setIdx: number, epoch: number): void {
	const set = s.replicaSets[setIdx];
	if (!set || !set.life || set.epoch !== epoch || !set.electing) return;
	const cand = candidateOf(s, set);
	if (cand < 0) {
		// No follower can take over yet: look again a second later.
		s.q.push(s.now + 1, EV.PROMOTE, setIdx, epoch);
		return;
	}
	set.life.send({ type: 'CANDIDATE', now: s.now, candidate: cand });
	set.life.send({ type: 'TICK', now: s.now });
	if (set.life.stateName() !== 'follower-promoted') return;
	set.leader = set.members[set.life.context().promoted];
	s.nodes[set.leader].promotedAt = s.now;
	set.maxAsyncLag = 0;
	for (const m of set.members) {
		const st = dbs(s.nodes[m]);
		if (m !== set.leader && st.mode === 'async') set.maxAsyncLag = Math.max(set.maxAsyncLag, st.lag);
	}
}

function commit(s: Sim, set: ReplicaSet, c: number): void {
	if (set.maxAsyncLag > 0) set.remember(s, c, set.idx);
}

/** How long a write waits at the leader for sync / semi-sync followers (s). */
function replicationWait(s: Sim, set: ReplicaSet): number {
	let syncMax = 0, semiMin = Infinity;
	for (const m of set.members) {
		if (m === set.leader) continue;
		const f = s.nodes[m];
		if (s.allDown(f)) continue;
		const st = dbs(f);
		if (st.mode === 'sync') syncMax = Math.max(syncMax, st.lag);
		else if (st.mode === 'semi-sync') semiMin = Math.min(semiMin, st.lag);
	}
	return Math.max(syncMax, semiMin === Infinity ? 0 : semiMin);
}

export const database: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		if (n.writesFail && s.cType[c] === T_WRITE) {
			// Disk full: the write cannot be stored; reads are untouched.
			s.finish(c, UNAVAILABLE);
			return;
		}
		const st = dbs(n);
		let i = s.cInst[c];
		if (i < 0) {
			const key = s.cKey[c];
			const shard = st.shards === 1 ? 0 : st.range ? Math.min(st.shards - 1, Math.floor((key * st.shards) / st.keys)) : shardOf(key, st.shards);
			i = shard * st.perShard + (st.perShard === 1 ? 0 : s.rng.int(st.perShard));
		}
		s.admit(n, i, c);
	},
	served(s, c) {
		const n = s.nodes[s.cNode[c]];
		const st = dbs(n);
		const set = st.set;
		if (set === null) {
			s.finish(c, OK);
			return;
		}
		const key = s.cKey[c];
		if (s.cType[c] === T_WRITE) {
			if (set.ml !== null) set.ml.write(s, n, key);
			if (set.leader === n.idx) {
				commit(s, set, c);
				const wait = replicationWait(s, set);
				set.commitKey(key & set.mask, s.now, wait);
				if (wait > 0) {
					s.q.push(s.now + wait, EV.DELAY, c, 0);
					return;
				}
			}
		} else if (set.leader !== n.idx && s.now - set.lastCommit[key & set.mask] < st.lag && (set.ml === null || !set.ml.accepts(n.idx)) && set.staleRead(key & set.mask, s.now, st.lag, startOf(s, c))) {
			// Stale: the follower has not applied a write that was acknowledged before this read began.
			n.cnt[C.STALE]++;
		}
		s.finish(c, OK);
	},
	result(s, c, res) {
		s.finish(c, res);
	},
	resume(s, c) {
		// The sync followers acknowledged.
		s.finish(c, OK);
	}
};
