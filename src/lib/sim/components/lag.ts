// A queue's figures read from its state (docs/model.md, "Queues"): backlog (depth), the age
// of the oldest waiting message, and consumer lag per group and per partition: messages
// published to a group and not yet acknowledged by it (waiting + in hand).
import type { Sim } from '../core';
import type { NodeRt } from '../compile';
import { C } from '../consts';
import { qs, type QueueState } from './queue';

/** Messages waiting now, over every group. */
export function depthOf(st: QueueState): number {
	let d = 0;
	for (const g of st.groups) d += g.waiting;
	return d;
}

/** The backlog a worker's group has waiting in one queue (its autoscaler reads it). */
export function backlogFor(qn: NodeRt, worker: number): number {
	const st = qs(qn);
	const g = st.groupOf[worker];
	return g >= 0 ? st.groups[g].waiting : depthOf(st);
}

/** Each group's lag now: waiting + received and not yet acknowledged. */
export function lagByGroup(st: QueueState): number[] {
	return st.groups.map((g) => g.waiting + g.inHand);
}

/** Each partition's lag in the most lagging group (ordered queues): its waiting messages + the one in processing. */
export function lagByPartition(st: QueueState): number[] {
	if (!st.ordered) return [];
	let worst = st.groups[0];
	for (const g of st.groups) if (g.waiting + g.inHand > worst.waiting + worst.inHand) worst = g;
	return worst.parts.map((r, p) => r.len + worst.busy[p]);
}

export function maxPartitionLag(st: QueueState): number {
	let m = 0;
	if (!st.ordered) return 0;
	for (const g of st.groups) for (let p = 0; p < g.parts.length; p++) m = Math.max(m, g.parts[p].len + g.busy[p]);
	return m;
}

/** Age of the oldest message waiting in any group, ms. */
export function oldestAgeMs(s: Sim, st: QueueState): number {
	let t0 = Infinity;
	for (const g of st.groups) {
		if (!st.ordered) {
			if (g.ring.len > 0) t0 = Math.min(t0, s.cT0[g.ring.buf[g.ring.head]]);
		} else for (const r of g.parts) if (r.len > 0) t0 = Math.min(t0, s.cT0[r.buf[r.head]]);
	}
	return Number.isFinite(t0) ? (s.now - t0) * 1000 : 0;
}

/** A queue's figures for a frame or the run (counts are differences from the window's or run's start). */
export function queueExtras(s: Sim, n: NodeRt, cnt: Float64Array, base: Float64Array, out: Record<string, unknown>, whole: boolean): void {
	const st = qs(n);
	out.depth = depthOf(st);
	const lags = lagByGroup(st);
	out.lag = Math.max(0, ...lags);
	if (st.ordered) out.maxPartitionLag = maxPartitionLag(st);
	const d = (k: number) => cnt[k] - base[k];
	out.redelivered = d(C.REDELIVERED);
	out.discarded = d(C.DISCARDED);
	// Frames carry duplicates and dead letters only where they can happen (a flat zero chart says nothing).
	if (whole || st.vis > 0 || st.maxReceives > 0) {
		out.duplicates = d(C.DUPLICATES);
		out.deadLettered = d(C.DEAD_LETTERED);
	}
	if (!whole) return;
	const deliveries = d(C.COMP);
	out.duplicateRatio = deliveries > 0 ? d(C.DUPLICATES) / deliveries : 0;
	out.redeliveredRatio = deliveries > 0 ? d(C.REDELIVERED) / deliveries : 0;
	if (lags.length > 1) out.lagByGroup = lags;
	if (st.ordered) out.lagByPartition = lagByPartition(st);
}
