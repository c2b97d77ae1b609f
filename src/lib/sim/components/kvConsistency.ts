// How a leaderless store's replicas catch up, and which reads miss the latest write
// (docs/model.md, "Consistency"). A write is applied at once on the replicas whose answers
// made its quorum (the first W); the others apply it an exponential propagation delay after
// processing it. A read is stale when none of the R answers that made its quorum holds the
// newest write committed before the read arrived. Read repair: each replica a read asked that
// was behind the newest version any live replica held at the read's arrival gets that version
// when it answers. Hinted handoff: a write meant for a down replica is delivered to it when it
// recovers (before it answers anything); without it the replica comes back without the write.
// Off (ver = null) unless one of these is asked for or the store can lose a machine.
import type { Sim } from '../core';
import type { NodeRt } from '../compile';
import { C, T_WRITE } from '../consts';
import { KeyVersions } from '../parts/versions';
import type { KvState } from './kv';

/** Whether any scenario event or random failure can take a machine of the store down. */
function canFail(s: Sim, n: NodeRt): boolean {
	if (n.failures !== null) return true;
	return (s.design.scenario?.events ?? []).some((e) => e.target === n.id || (n.region >= 0 && e.target === s.cx.regions[n.region]));
}

/** Sets up the version table when the store tracks staleness (after the clients' key space is known). */
export function initKvVersions(s: Sim, n: NodeRt, keys: number): void {
	const st = n.kv as KvState;
	st.prop = Math.max(0, n.p.propagationMs as number) / 1000;
	st.repair = n.p.readRepair === true;
	st.handoff = n.p.hintedHandoff === true;
	if (st.prop > 0 || st.repair || st.handoff || canFail(s, n)) st.ver = new KeyVersions(keys, st.n);
}

/** A request reached the coordinator (replicas in st.replicas, `count` of them): its version. */
export function kvArrive(s: Sim, n: NodeRt, st: KvState, c: number, count: number): void {
	const ver = st.ver as KeyVersions;
	const k = s.cKey[c];
	if (s.cType[c] === T_WRITE) {
		s.cVer[c] = s.now;
		// Hinted handoff: a down replica gets the write when it is back, before it answers anything.
		if (st.handoff) for (let j = 0; j < count; j++) if (n.up[st.replicas[j]] !== 1) ver.apply(k, j, s.now, s.now, s.now);
		return;
	}
	s.cVer[c] = ver.latest[k & ver.mask];
	st.repairTo = -Infinity;
	if (st.repair) for (let j = 0; j < count; j++) if (n.up[st.replicas[j]] === 1) st.repairTo = Math.max(st.repairTo, ver.versionAt(k, j, s.now));
}

/** Replica request r (position j in its key's list, in cStep) was processed. */
export function kvReplicaServed(s: Sim, st: KvState, r: number): void {
	const ver = st.ver as KeyVersions;
	const p = s.cParent[r];
	// Still waiting for answers: this one counts toward the quorum.
	const inQuorum = p >= 0 && s.cGen[p] === s.cPGen[r] && s.cPend[p] > 0;
	const k = s.cKey[r], j = s.cStep[r];
	if (s.cType[r] === T_WRITE) {
		const at = inQuorum || st.prop === 0 ? s.now : s.now + s.rng.exponential(st.prop);
		ver.apply(k, j, s.cVer[r], at, s.now);
		return;
	}
	const has = ver.versionAt(k, j, s.now);
	// A fresh answer in the quorum: the read can no longer be stale (-Infinity: nothing to miss).
	if (inQuorum && has >= s.cVer[p]) s.cVer[p] = -Infinity;
	if (st.repair && has < s.cVer[r]) ver.apply(k, j, s.cVer[r], s.now, s.now);
}

/** The coordinator's quorum answered OK: a write commits; a read that saw no fresh answer was stale. */
export function kvQuorum(s: Sim, n: NodeRt, st: KvState, c: number): void {
	if (s.cType[c] === T_WRITE) (st.ver as KeyVersions).commit(s.cKey[c], s.cVer[c]);
	else if (s.cVer[c] > -Infinity) n.cnt[C.STALE]++;
}
