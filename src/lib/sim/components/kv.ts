// Leaderless key-value store (Dynamo, Cassandra). The node coordinates: a key lives on n
// consecutive machines of the ring starting at hash(key); a request goes to every replica
// that is up (one that is down never answers) and completes with the w-th (write) or r-th
// (read) answer. With fewer than w (r) replicas up it fails `unavailable` at once. Each
// machine is a server group (concurrency, serviceTimeMs, queueLimit); the coordinator's
// latency is the time to the quorum's last needed answer.
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { F, OK, T_WRITE, UNAVAILABLE } from '../consts';
import { QuorumPlacement, countUp } from '../parts/quorum';
import type { KeyVersions } from '../parts/versions';
import { kvArrive, kvQuorum, kvReplicaServed } from './kvConsistency';

export interface KvState {
	n: number;
	w: number;
	r: number;
	placement: QuorumPlacement;
	/** The current request's replicas (filled per arrival; never allocated on the hot path). */
	replicas: Int32Array;
	/** Versions per key and replica when staleness is tracked (kvConsistency.ts), else null: nothing is done. */
	ver: KeyVersions | null;
	/** Mean propagation delay (s), read repair, hinted handoff; the current read's repair target. */
	prop: number;
	repair: boolean;
	handoff: boolean;
	repairTo: number;
}

export function initKv(n: NodeRt): void {
	const machines = n.nInst;
	const rep = Math.min(machines, Math.max(1, Math.floor(n.p.n as number)));
	n.kv = {
		n: rep,
		w: Math.min(rep, Math.max(1, Math.floor(n.p.w as number))),
		r: Math.min(rep, Math.max(1, Math.floor(n.p.r as number))),
		placement: new QuorumPlacement(machines, rep),
		replicas: new Int32Array(rep),
		ver: null,
		prop: 0,
		repair: false,
		handoff: false,
		repairTo: -Infinity
	} satisfies KvState;
}

export const kv: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		if ((s.cFlags[c] & F.REPLICA) !== 0) {
			s.admit(n, s.cInst[c], c);
			return;
		}
		const st = n.kv as KvState;
		const need = s.cType[c] === T_WRITE ? st.w : st.r;
		const reps = st.replicas;
		const count = st.placement.replicasOf(s.cKey[c], reps);
		const up = countUp(reps, count, n.up);
		if (up < need) {
			s.finish(c, UNAVAILABLE);
			return;
		}
		s.cPend[c] = need; // answers still needed
		s.cStep[c] = up; // answers still possible
		const versions = st.ver !== null;
		if (versions) kvArrive(s, n, st, c, count);
		for (let j = 0; j < count; j++) {
			const m = reps[j];
			if (n.up[m] !== 1) continue;
			const r = s.child(c, n.idx);
			s.cFlags[r] = F.REPLICA;
			s.cInst[r] = m;
			s.cT0[r] = s.now;
			if (versions) {
				s.cStep[r] = j; // its position in the key's replica list
				s.cVer[r] = s.cType[c] === T_WRITE ? s.cVer[c] : st.repairTo;
			}
			s.admit(n, m, r);
			if (s.cPend[c] <= 0) return; // answered synchronously (zero service time)
		}
	},
	served(s, c) {
		const st = s.nodes[s.cNode[c]].kv as KvState;
		if (st.ver !== null) kvReplicaServed(s, st, c);
		s.finish(c, OK);
	},
	result(s, c, res) {
		if (s.cPend[c] <= 0) return;
		s.cStep[c]--;
		if (res === OK) {
			if (--s.cPend[c] === 0) {
				s.cOwn[c] = s.now - s.cT0[c];
				const n = s.nodes[s.cNode[c]];
				if ((n.kv as KvState).ver !== null) kvQuorum(s, n, n.kv as KvState, c);
				s.finish(c, OK);
			}
		} else if (s.cStep[c] < s.cPend[c]) {
			s.cPend[c] = 0;
			s.finish(c, res);
		}
	},
	resume() {}
};
