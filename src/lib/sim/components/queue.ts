// Message queues and their consumers. A publish is acknowledged after publishMs; the
// message waits in the broker (FIFO) until a worker slot is free, then the worker pulls the
// oldest (model.md: workers have no queue of their own). The queue node's latency is a
// message's time in the broker, its meanQueue the time-average backlog, its depth the
// backlog now.
//
// Consumer groups: the workers fed by a queue are split by their `consumerGroup`; each
// group gets its own copy of every message, and the workers of one group share theirs.
// Ordering per partition: a message goes to partition shardOf(key, P), and within a group a
// partition has one message in processing at a time, so a group runs at most P at once.
// Redelivery, the visibility timeout and the dead-letter queue are in delivery.ts.
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { addBoth } from '../engine/histogram';
import { shardOf } from '../parts/hash';
import { C, EV, F, K, M, OK, REJECTED } from '../consts';

/** A growable FIFO of call slots (messages or partition numbers). */
export interface Ring {
	buf: Int32Array;
	head: number;
	len: number;
}

export interface GroupState {
	/** The group's worker nodes, and the one a new message is offered to first (they take turns). */
	workers: number[];
	rr: number;
	/** Unordered: the group's backlog. */
	ring: Ring;
	/** Per partition (ordered queues): its backlog, whether a message of it is in processing. */
	parts: Ring[];
	busy: Uint8Array;
	/** Partitions with messages waiting and none in processing, in the order they became so. */
	ready: Ring;
	waiting: number;
	/** Received and not yet acknowledged, failed for good or expired. */
	inHand: number;
}

export interface QueueState {
	groups: GroupState[];
	/** By node index: the group of a worker fed by this queue, else -1. */
	groupOf: Int32Array;
	ordered: boolean;
	partitions: number;
	maxDepth: number;
	publish: number;
	/** Visibility timeout, s (0: none) and receives before the dead-letter queue (0: never). */
	vis: number;
	maxReceives: number;
	/** Poison-messages fault: the share of new messages that always fail processing. */
	poison: number;
}

export function qs(n: NodeRt): QueueState {
	return n.queue as QueueState;
}

export const ring = (size = 64): Ring => ({ buf: new Int32Array(size), head: 0, len: 0 });

function grow(r: Ring): void {
	const nb = new Int32Array(r.buf.length * 2);
	for (let j = 0; j < r.len; j++) nb[j] = r.buf[(r.head + j) % r.buf.length];
	r.buf = nb;
	r.head = 0;
}
export function push(r: Ring, x: number): void {
	if (r.len === r.buf.length) grow(r);
	r.buf[(r.head + r.len) % r.buf.length] = x;
	r.len++;
}
/** Back at the head (a redelivered message of an ordered partition keeps its place). */
export function pushFront(r: Ring, x: number): void {
	if (r.len === r.buf.length) grow(r);
	r.head = (r.head - 1 + r.buf.length) % r.buf.length;
	r.buf[r.head] = x;
	r.len++;
}
function shift(r: Ring): number {
	const x = r.buf[r.head];
	r.head = (r.head + 1) % r.buf.length;
	r.len--;
	return x;
}

export function initQueue(s: Sim, n: NodeRt): void {
	const workers: number[] = [];
	for (let t = 0; t < 3; t++)
		for (const e of n.out[t]) {
			const w = s.edges[e].dst;
			if (s.nodes[w].k === K.worker && !workers.includes(w)) workers.push(w);
		}
	const ordered = n.p.ordering === 'per-partition';
	const partitions = ordered ? Math.max(1, Math.floor(n.p.partitions as number)) : 1;
	const groupOf = new Int32Array(s.nodes.length).fill(-1);
	const numbers: number[] = [];
	const groups: GroupState[] = [];
	for (const w of workers) {
		const g = Math.floor((s.nodes[w].p.consumerGroup as number | undefined) ?? 1);
		let gi = numbers.indexOf(g);
		if (gi < 0) {
			gi = numbers.push(g) - 1;
			groups.push({
				workers: [],
				rr: 0,
				ring: ring(),
				parts: ordered ? Array.from({ length: partitions }, () => ring(4)) : [],
				busy: new Uint8Array(ordered ? partitions : 0),
				ready: ring(ordered ? Math.min(partitions, 1024) : 1),
				waiting: 0,
				inHand: 0
			});
		}
		groups[gi].workers.push(w);
		groupOf[w] = gi;
	}
	// A queue no worker reads still holds its messages (one group with nobody in it).
	if (groups.length === 0) groups.push({ workers: [], rr: 0, ring: ring(), parts: ordered ? Array.from({ length: partitions }, () => ring(4)) : [], busy: new Uint8Array(ordered ? partitions : 0), ready: ring(), waiting: 0, inHand: 0 });
	n.queue = {
		groups,
		groupOf,
		ordered,
		partitions,
		maxDepth: Math.max(1, n.p.maxDepth as number),
		publish: Math.max(0, n.p.publishMs as number) / 1000,
		vis: Math.max(0, (n.p.visibilityTimeoutS as number | undefined) ?? 0),
		maxReceives: Math.max(0, Math.floor((n.p.maxReceives as number | undefined) ?? 0)),
		poison: 0
	} satisfies QueueState;
}

/** The worker nodes' upstream queues, for pulling. */
export function initWorker(s: Sim, n: NodeRt): void {
	const queues: number[] = [];
	for (const e of n.inEdges) if (s.nodes[s.edges[e].src].k === K.queue) queues.push(s.edges[e].src);
	n.sources = queues;
}

/** Message m waits in group g (at the back; at the front of its partition when redelivered in order). */
export function enqueue(s: Sim, qn: NodeRt, g: number, m: number, front: boolean): void {
	const st = qs(qn);
	const grp = st.groups[g];
	if (st.ordered) {
		const p = partitionOf(s, st, m);
		const r = grp.parts[p];
		if (front) pushFront(r, m);
		else push(r, m);
		if (r.len === 1 && grp.busy[p] === 0) push(grp.ready, p);
	} else push(grp.ring, m);
	grp.waiting++;
	s.touch(qn);
	qn.waitTotal++;
}

export function partitionOf(s: Sim, st: QueueState, m: number): number {
	return st.partitions > 1 ? shardOf(s.cKey[m], st.partitions) : 0;
}

/** The partition p of group g has no message in processing any more. */
export function freePartition(grp: GroupState, p: number): void {
	grp.busy[p] = 0;
	if (grp.parts[p].len > 0) push(grp.ready, p);
}

/** Take the next message of group g (the caller knows there is one). */
function take(st: QueueState, grp: GroupState): number {
	if (!st.ordered) return shift(grp.ring);
	const p = shift(grp.ready);
	grp.busy[p] = 1;
	return shift(grp.parts[p]);
}

/** The oldest message group g can hand out now, or -1 (ordered: of a partition not in processing). */
function headOf(st: QueueState, grp: GroupState): number {
	if (!st.ordered) return grp.ring.len > 0 ? grp.ring.buf[grp.ring.head] : -1;
	if (grp.ready.len === 0) return -1;
	const r = grp.parts[grp.ready.buf[grp.ready.head]];
	return r.buf[r.head];
}

/** Hand the next message of group g of queue qn to worker instance i of w (a free slot). */
function handOver(s: Sim, qn: NodeRt, g: number, w: NodeRt, i: number): void {
	const st = qs(qn);
	const grp = st.groups[g];
	const m = take(st, grp);
	grp.waiting--;
	grp.inHand++;
	s.touch(qn);
	qn.waitTotal--;
	qn.cnt[C.COMP]++;
	const ms = (s.now - s.cT0[m]) * 1000;
	addBoth(qn.hRun, qn.hWin, ms);
	// One more receive; the group, and whether it holds its partition, for the acknowledgement.
	s.cMsg[m] = ((s.cMsg[m] & M.KEEP) + 1) | (g << M.GROUP_SHIFT) | (st.ordered ? M.HOLDS : 0);
	s.cNode[m] = w.idx;
	s.cInst[m] = i;
	s.cT0[m] = s.now;
	s.cOwn[m] = 0;
	s.cPend[m] = qn.idx;
	w.cnt[C.ARR]++;
	if (st.vis > 0) s.q.push(s.now + st.vis, EV.VISIBLE, m, s.cGen[m]);
	s.admit(w, i, m);
}

/** Messages waiting in group g: hand them to its free worker slots. */
export function dispatch(s: Sim, qn: NodeRt, g: number): void {
	const st = qs(qn);
	const grp = st.groups[g];
	const k = grp.workers.length;
	// Worker nodes of one group take turns being offered a message first (competing consumers).
	const first = k > 1 ? grp.rr++ % k : 0;
	for (let j = 0; j < k; j++) {
		const w = s.nodes[grp.workers[(first + j) % k]];
		if (s.nodeDown(w)) continue;
		for (let i = 0; i < w.active && headOf(st, grp) >= 0; i++) {
			while (w.up[i] === 1 && w.ready[i] === 1 && w.busy[i] < w.conc && headOf(st, grp) >= 0) handOver(s, qn, g, w, i);
		}
		if (headOf(st, grp) < 0) return;
	}
}

/** A worker slot freed: pull the oldest message its groups can hand out among its queues. */
export function workerFree(s: Sim, w: NodeRt, i: number): void {
	if (w.up[i] !== 1 || w.ready[i] !== 1 || i >= w.active || w.busy[i] >= w.conc || s.nodeDown(w)) return;
	const queues = w.sources as number[];
	let best: NodeRt | null = null, bestG = 0, bestT = Infinity;
	for (const q of queues) {
		const qn = s.nodes[q];
		const st = qs(qn);
		const g = st.groupOf[w.idx];
		const m = headOf(st, st.groups[g]);
		if (m >= 0 && s.cT0[m] < bestT) {
			bestT = s.cT0[m];
			best = qn;
			bestG = g;
		}
	}
	if (best !== null) handOver(s, best, bestG, w, i);
}

export const queue: Handlers = {
	arrive(s, c) {
		const n = s.nodes[s.cNode[c]];
		const st = qs(n);
		const groups = st.groups;
		for (let g = 0; g < groups.length; g++)
			if (groups[g].waiting >= st.maxDepth) {
				s.finish(c, REJECTED);
				return;
			}
		const poison = st.poison > 0 && s.rng.uniform() < st.poison ? M.POISON : 0;
		// One copy per consumer group (fan-out); each is an arrival at the broker.
		for (let g = 0; g < groups.length; g++) {
			const m = s.child(c, n.idx);
			s.cParent[m] = -1;
			s.cFlags[m] = F.MESSAGE;
			s.cT0[m] = s.now;
			s.cMsg[m] = poison;
			if (g > 0) n.cnt[C.ARR]++;
			enqueue(s, n, g, m, false);
		}
		// The publish itself is acknowledged: counted as the message's arrival, not a completion.
		n.cnt[C.ACC]++;
		if (st.publish > 0) s.q.push(s.now + st.publish, EV.DELAY, c, 0);
		else ack(s, c);
		for (let g = 0; g < groups.length; g++) dispatch(s, n, g);
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
