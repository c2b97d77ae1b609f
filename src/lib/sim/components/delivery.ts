// What happens to a message after a worker received it (docs/model.md, "Queues"):
// acknowledged when its processing completes; with a visibility timeout V it is hidden for
// V, and if not acknowledged by then (processing slower than V, failed, or its consumer
// died) it is delivered again: at-least-once. A redelivery while an earlier delivery is
// still being processed is a duplicate: the work is done twice. After maxReceives
// deliveries a message goes to the dead-letter queue instead. Without a visibility timeout
// a message comes back only when its consumer dies (as RabbitMQ on a closed connection),
// and one whose processing failed is dropped (discarded). None of this touches a client
// request's counts: a message has no caller.
import type { Sim } from '../core';
import type { NodeRt } from '../compile';
import { C, F, K, M, OK, UNAVAILABLE } from '../consts';
import { dispatch, enqueue, freePartition, partitionOf, qs, type QueueState } from './queue';
import { service } from './service';

const groupOf = (bits: number) => bits >>> M.GROUP_SHIFT;

/** The receive of m ended: its group no longer has it in hand, and its partition is free. */
function endReceive(s: Sim, st: QueueState, m: number): boolean {
	const bits = s.cMsg[m];
	const grp = st.groups[groupOf(bits)];
	grp.inHand--;
	s.cMsg[m] = bits & ~M.HOLDS;
	if ((bits & M.HOLDS) === 0) return false;
	freePartition(grp, partitionOf(s, st, m));
	return true;
}

/** m goes back to its broker (redelivered), or to the dead-letter queue after maxReceives deliveries. */
function back(s: Sim, qn: NodeRt, m: number): boolean {
	const st = qs(qn);
	const bits = s.cMsg[m];
	const g = groupOf(bits);
	let queued = false;
	if (st.maxReceives > 0 && (bits & M.RECEIVES) >= st.maxReceives) {
		qn.cnt[C.DEAD_LETTERED]++;
		s.free(m);
	} else {
		qn.cnt[C.REDELIVERED]++;
		qn.cnt[C.ARR]++;
		if (s.nodeDown(qn)) {
			// A dead broker cannot take it back.
			qn.cnt[C.FAIL + UNAVAILABLE - 1]++;
			s.free(m);
			return false;
		}
		s.cNode[m] = qn.idx;
		s.cInst[m] = -1;
		s.cT0[m] = s.now;
		s.cFlags[m] = F.MESSAGE;
		s.cStep[m] = 0;
		s.cAttempt[m] = 0;
		s.cChild[m] = -1;
		s.cMsg[m] = (bits & M.KEEP) | (g << M.GROUP_SHIFT);
		// An ordered partition keeps its order: the message goes back to the front.
		enqueue(s, qn, g, m, st.ordered);
		queued = true;
	}
	if (!s.nodeDown(qn)) dispatch(s, qn, g);
	return queued;
}

/** A message's processing at a worker is over (core.finish, for a call with no caller marked MESSAGE). */
export function messageEnd(s: Sim, m: number, res: number): void {
	const bits = s.cMsg[m];
	const qn = s.nodes[s.cPend[m]];
	if ((bits & M.SUPERSEDED) !== 0 || qn === undefined || qn.k !== K.queue) {
		s.free(m);
		return;
	}
	const st = qs(qn);
	if (res !== OK && st.vis > 0) {
		// Not acknowledged: it comes back when its visibility timeout ends.
		s.cMsg[m] = bits | M.FAILED;
		return;
	}
	const freed = endReceive(s, st, m);
	if (res !== OK && s.stale(m)) {
		// Its consumer died: the broker sees the connection close and delivers it again.
		back(s, qn, m);
		return;
	}
	if (res !== OK) qn.cnt[C.DISCARDED]++;
	s.free(m);
	if (freed) dispatch(s, qn, groupOf(bits));
}

/** EV.VISIBLE: message m's visibility timeout ends (gen: the slot's generation when it was received). */
export function visibilityExpired(s: Sim, m: number, gen: number): void {
	if (s.cGen[m] !== gen || (s.cFlags[m] & F.MESSAGE) === 0) return;
	const bits = s.cMsg[m];
	if ((bits & M.SUPERSEDED) !== 0) return;
	const qn = s.nodes[s.cPend[m]];
	const st = qs(qn);
	endReceive(s, st, m);
	if ((bits & M.FAILED) !== 0) {
		back(s, qn, m);
		return;
	}
	// Still being processed (or its consumer died and nobody noticed yet): a copy goes back
	// and this delivery runs on for nobody.
	s.cMsg[m] |= M.SUPERSEDED;
	const c = s.alloc();
	s.cType[c] = s.cType[m];
	s.cKey[c] = s.cKey[m];
	s.cOrigin[c] = s.cOrigin[m];
	s.cParent[c] = -1;
	s.cPend[c] = qn.idx;
	s.cMsg[c] = bits & ~(M.SUPERSEDED | M.FAILED | M.HOLDS);
	if (back(s, qn, c) && !s.stale(m)) qn.cnt[C.DUPLICATES]++;
}

/** A worker finished serving call c: a poison message fails here, anything else runs the worker's plan. */
export function workerServed(s: Sim, c: number): void {
	if ((s.cFlags[c] & F.MESSAGE) !== 0 && (s.cMsg[c] & M.POISON) !== 0) {
		s.finish(c, UNAVAILABLE);
		return;
	}
	service.served(s, c);
}


/** A broker that dies loses what it held (no replication modelled): every waiting message fails there. */
export function dropBacklog(s: Sim, n: NodeRt): void {
	const st = qs(n);
	s.touch(n);
	for (const grp of st.groups) {
		const rings = st.ordered ? grp.parts : [grp.ring];
		for (const r of rings) {
			for (let j = 0; j < r.len; j++) s.free(r.buf[(r.head + j) % r.buf.length]);
			r.len = 0;
		}
		grp.ready.len = 0;
		n.cnt[C.FAIL + UNAVAILABLE - 1] += grp.waiting;
		n.waitTotal -= grp.waiting;
		grp.waiting = 0;
	}
}
