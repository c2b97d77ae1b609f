// Message queues and their consumers. A publish is acknowledged after publishMs; the
// message waits in the broker (FIFO) until a worker slot is free, then the worker pulls the
// oldest (model.md: workers have no queue of their own). The queue node's latency is a
// message's time in the broker, its meanQueue the time-average backlog, its depth the
// backlog now. If a worker instance dies with a message in hand, the message goes back to
// the broker (at-least-once delivery).
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { addBoth } from '../engine/histogram';
import { C, EV, F, K, OK, REJECTED, UNAVAILABLE } from '../consts';

export interface QueueState {
	buf: Int32Array;
	head: number;
	len: number;
	maxDepth: number;
	publish: number;
	workers: number[];
}

export function qs(n: NodeRt): QueueState {
	return n.queue as QueueState;
}

export function initQueue(s: Sim, n: NodeRt): void {
	const workers: number[] = [];
	for (let t = 0; t < 3; t++)
		for (const e of n.out[t]) {
			const w = s.edges[e].dst;
			if (s.nodes[w].k === K.worker && !workers.includes(w)) workers.push(w);
		}
	n.queue = {
		buf: new Int32Array(64),
		head: 0,
		len: 0,
		maxDepth: Math.max(1, n.p.maxDepth as number),
		publish: Math.max(0, n.p.publishMs as number) / 1000,
		workers
	} satisfies QueueState;
}

/** The worker nodes' upstream queues, for pulling. */
export function initWorker(s: Sim, n: NodeRt): void {
	const queues: number[] = [];
	for (const e of n.inEdges) if (s.nodes[s.edges[e].src].k === K.queue) queues.push(s.edges[e].src);
	n.sources = queues;
}

function enqueue(s: Sim, qn: NodeRt, m: number): void {
	const st = qs(qn);
	if (st.len === st.buf.length) {
		const nb = new Int32Array(st.buf.length * 2);
		for (let j = 0; j < st.len; j++) nb[j] = st.buf[(st.head + j) % st.buf.length];
		st.buf = nb;
		st.head = 0;
	}
	st.buf[(st.head + st.len) % st.buf.length] = m;
	st.len++;
	s.touch(qn);
	qn.waitTotal++;
}

/** Hand the oldest message of queue qn to worker instance i of w (a free slot). */
function handOver(s: Sim, qn: NodeRt, w: NodeRt, i: number): void {
	const st = qs(qn);
	const m = st.buf[st.head];
	st.head = (st.head + 1) % st.buf.length;
	st.len--;
	s.touch(qn);
	qn.waitTotal--;
	qn.cnt[C.COMP]++;
	const ms = (s.now - s.cT0[m]) * 1000;
	addBoth(qn.hRun, qn.hWin, ms);
	s.cNode[m] = w.idx;
	s.cInst[m] = i;
	s.cT0[m] = s.now;
	s.cOwn[m] = 0;
	s.cPend[m] = qn.idx;
	w.cnt[C.ARR]++;
	s.admit(w, i, m);
}

/** A new message: give it to a free worker if there is one. */
function dispatch(s: Sim, qn: NodeRt): void {
	const st = qs(qn);
	for (const wi of st.workers) {
		const w = s.nodes[wi];
		if (s.nodeDown(w)) continue;
		for (let i = 0; i < w.active && st.len > 0; i++) {
			if (w.up[i] === 1 && w.ready[i] === 1 && w.busy[i] < w.conc) handOver(s, qn, w, i);
		}
		if (st.len === 0) return;
	}
}

/** A worker slot freed: pull the oldest message among its queues. */
export function workerFree(s: Sim, w: NodeRt, i: number): void {
	if (w.up[i] !== 1 || w.ready[i] !== 1 || i >= w.active || w.busy[i] >= w.conc || s.nodeDown(w)) return;
	const queues = w.sources as number[];
	let best: NodeRt | null = null, bestT = Infinity;
	for (const q of queues) {
		const qn = s.nodes[q];
		const st = qs(qn);
		if (st.len > 0 && s.cT0[st.buf[st.head]] < bestT) {
			bestT = s.cT0[st.buf[st.head]];
			best = qn;
		}
	}
	if (best !== null) handOver(s, best, w, i);
}

/** The message's worker died: back to its broker. */
export function redeliver(s: Sim, m: number): void {
	const w = s.nodes[s.cNode[m]];
	w.cnt[C.FAIL + UNAVAILABLE - 1]++;
	const qn = s.nodes[s.cPend[m]];
	s.cNode[m] = qn.idx;
	s.cInst[m] = -1;
	s.cT0[m] = s.now;
	s.cFlags[m] = F.MESSAGE;
	s.cStep[m] = 0;
	qn.cnt[C.ARR]++;
	enqueue(s, qn, m);
	dispatch(s, qn);
}

export const queue: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		const st = qs(n);
		if (st.len >= st.maxDepth) {
			s.finish(c, REJECTED);
			return;
		}
		const m = s.child(c, n.idx);
		s.cParent[m] = -1;
		s.cFlags[m] = F.MESSAGE;
		s.cT0[m] = s.now;
		enqueue(s, n, m);
		// The publish itself is acknowledged: counted as the message's arrival, not a completion.
		n.cnt[C.ACC]++;
		if (st.publish > 0) s.q.push(s.now + st.publish, EV.DELAY, c, 0);
		else ack(s, c);
		dispatch(s, n);
	},
	served() {},
	result() {},
	resume(s, c) {
		ack(s, c);
	}
};

/** Answer the publisher without counting a completion at the queue node (that is the pull). */
function ack(s: Sim, c: number): void {
	const p = s.cParent[c];
	s.cRes[c] = OK;
	if (p < 0) {
		s.free(c);
		return;
	}
	const e = s.cEdge[c];
	const lat = e >= 0 ? s.latency(s.edges[e], s.cNode[c]) : 0;
	if (lat > 0) s.q.push(s.now + lat, EV.RETURN, c, 0);
	else s.deliver(c);
}

