// The discrete-event core: the call protocol every component speaks: send a call over an
// edge, arrive at a node, finish, return to the caller, with timeouts, retries and breakers
// on the way, and the end of a call's service at an instance. No object or closure is made
// per event. The state it runs on is state.ts (clock, queue, pool of calls in typed arrays,
// counters) and the server groups it queues at are servers.ts; Sim is the one class all
// three make (Sim extends ServerGroups extends SimState), so components see one object.
import { C, EV, F, K, OK, TIMEOUT, UNAVAILABLE } from './consts';
import { addBoth } from './engine/histogram';
import { onArrive, onResult, onServed } from './dispatch';
import { backoff } from './overload';
import { ServerGroups } from './servers';
import { acquire, releaseConn } from './pools';

/**
 * A chain of zero-latency calls is followed by direct calls (cheaper than an event each) up
 * to this depth, then through the event queue at the same instant: a chain of 1,000
 * services must not overflow the stack.
 */
const MAX_NESTING = 64;

export interface Handlers {
	/** A call reached a node (after the node-down check). */
	arrive(s: Sim, c: number): void;
	/** A call's service at an instance ended (epoch checked). */
	served(s: Sim, c: number): void;
	/** A child call (over cCurEdge) answered, after retries: res 0 ok, else reason; flags of the child. */
	result(s: Sim, c: number, res: number, flags: number): void;
	/** Perform the call's current step again (a retry after backoff) or resume after a DELAY. */
	resume(s: Sim, c: number): void;
}

export class Sim extends ServerGroups {
	/** Calls answered in place (zero latency) nest; past MAX_NESTING they go through the queue instead. */
	private nesting = 0;

	/** Send a child of `parent` over edge e to node `target` (instance `inst`, or -1: the node picks). */
	send(parent: number, e: number, target: number, inst: number): void {
		this.cCurEdge[parent] = e;
		const edge = this.edges[e];
		const br = edge.breaker;
		if (br !== null && !br.allow(this.now)) {
			this.childDone(parent, e, UNAVAILABLE, 0, false);
			return;
		}
		if (this.anyPartition) {
			const src = this.nodes[edge.src], dst = this.nodes[target];
			if (edge.cut || (src.region >= 0 && dst.region >= 0 && this.partitioned[src.region * this.R + dst.region] === 1)) {
				this.childDone(parent, e, UNAVAILABLE, 0, false);
				return;
			}
		}
		let conn = 0;
		if (edge.pool >= 0 && (conn = acquire(this, parent, e, target, inst)) === 0) return; // waits for a connection, or refused
		this.transmit(parent, e, target, inst, conn);
	}

	/** The send itself, once any connection is held (conn: its pool slot + 1, or 0). */
	transmit(parent: number, e: number, target: number, inst: number, conn: number): void {
		this.cCurEdge[parent] = e;
		const edge = this.edges[e];
		const c = this.child(parent, target);
		this.cEdge[c] = e;
		this.cInst[c] = inst;
		this.cConn[c] = conn;
		this.cChild[parent] = c;
		if (edge.timeout > 0) {
			const t = this.now + edge.timeout;
			this.q.push(t, EV.TIMEOUT, c, this.cGen[c]);
			// The deadline travels with the request, tightened by each caller's own timeout.
			if (t < this.cDeadline[c]) this.cDeadline[c] = t;
		}
		let lat = target === edge.dst ? edge.lat : this.latency(edge, target);
		if (edge.fromOrigin) {
			// A caller outside any region (client, DNS, CDN edge) carries the user: the hop costs
			// the distance from the request's origin region to the target's region.
			const o = this.cOrigin[c], r = this.nodes[target].region;
			if (o >= 0 && r >= 0) lat += this.cx.regionLat[o * this.R + r];
		}
		this.cLat[c] = lat;
		if (edge.loss > 0) {
			// Packet loss on the link: retransmissions on the way there (and, flagged, on the way back).
			this.cFlags[c] |= F.LOSSY;
			lat += this.retransmits(edge.loss);
		}
		if (lat > 0 || this.nesting >= MAX_NESTING) this.q.push(this.now + lat, EV.ARRIVE, c, 0);
		else {
			this.nesting++;
			this.arrive(c);
			this.nesting--;
		}
	}

	/** Packet loss: each lost transmission waits a retransmission timeout (200 ms, doubling, as TCP's minimum RTO). */
	retransmits(p: number): number {
		let extra = 0, rto = 0.2;
		while (this.rng.uniform() < p) {
			extra += rto;
			rto *= 2;
		}
		return extra;
	}

	arrive(c: number): void {
		const n = this.nodes[this.cNode[c]];
		this.cT0[c] = this.now;
		if ((this.cFlags[c] & F.REPLICA) === 0) n.cnt[C.ARR]++;
		if (this.nodeDown(n)) {
			this.finish(c, UNAVAILABLE);
			return;
		}
		if (n.errRate > 0 && this.rng.uniform() < n.errRate) {
			// An error-rate fault: the node answers 5xx at once (counted unavailable).
			this.finish(c, UNAVAILABLE);
			return;
		}
		onArrive(this, n.k, c);
	}

	/** The call is over at its node: count it, then answer the caller (or drop it if none). */
	finish(c: number, res: number): void {
		const n = this.nodes[this.cNode[c]];
		const flags = this.cFlags[c];
		if ((flags & F.HELD) !== 0) {
			this.cFlags[c] = flags & ~F.HELD;
			const i = this.cInst[c];
			if (n.epoch[i] === this.cEpoch[c]) {
				// Time at the node less its queue and service: the worker waited on downstream.
				n.cnt[C.HELD_S] += Math.max(0, this.now - this.cT0[c] - this.cOwn[c]);
				this.release(n, i);
			}
		}
		if ((flags & F.REPLICA) === 0) {
			if (res === OK) {
				n.cnt[C.COMP]++;
				const ms = this.cOwn[c] * 1000;
				addBoth(n.hRun, n.hWin, ms);
				if (this.trackEwma && n.k >= K.service) {
					const i = this.cInst[c];
					if (i >= 0) n.ewma[i] = n.ewma[i] === 0 ? ms : 0.9 * n.ewma[i] + 0.1 * ms;
				}
			} else {
				n.cnt[C.FAIL + res - 1]++;
				n.hFailRun.add((this.now - this.cT0[c]) * 1000);
			}
		}
		this.cRes[c] = res;
		const p = this.cParent[c];
		if (p < 0) {
			// A message has no caller: its broker hears of the outcome (ack, redelivery).
			if ((flags & F.MESSAGE) !== 0) this.onMessageEnd(c, res);
			else this.free(c);
			return;
		}
		let lat = this.cEdge[c] >= 0 ? this.cLat[c] : 0;
		if ((flags & F.LOSSY) !== 0) lat += this.retransmits(this.edges[this.cEdge[c]].loss);
		if (lat > 0 || this.nesting >= MAX_NESTING) this.q.push(this.now + lat, EV.RETURN, c, 0);
		else {
			this.nesting++;
			this.deliver(c);
			this.nesting--;
		}
	}

	/** The answer of call c reaches its parent. */
	deliver(c: number): void {
		if (this.cConn[c] !== 0) releaseConn(this, c);
		const p = this.cParent[c];
		const res = this.cRes[c], flags = this.cFlags[c], e = this.cEdge[c];
		if (p < 0 || this.cGen[p] !== this.cPGen[c]) {
			this.free(c);
			return;
		}
		if ((flags & F.REPLICA) !== 0) {
			this.free(c);
			onResult(this, this.nodes[this.cNode[p]].k, p, res, flags);
			return;
		}
		if (this.cChild[p] !== c) {
			this.free(c);
			return;
		}
		this.free(c);
		this.cChild[p] = -1;
		this.childDone(p, e, res, flags, true);
	}

	/** Outcome of one attempt over edge e: breaker bookkeeping, then retry or hand to the parent's node. */
	childDone(p: number, e: number, res: number, flags: number, attempted: boolean): void {
		const edge = this.edges[e];
		if (attempted && edge.breaker !== null) edge.breaker.record(res === OK, this.now);
		if (res === OK) {
			if (edge.budget !== null) edge.budget.success();
		} else if (
			this.cAttempt[p] < edge.retries &&
			(edge.retryMask & (1 << res)) !== 0 &&
			(edge.budget === null || edge.budget.take(this.now))
		) {
			// Capped exponential backoff with jitter (equal by default: half fixed, half random,
			// so synchronized failures spread out but the wait never collapses to zero).
			const a = this.cAttempt[p]++;
			this.q.push(this.now + backoff(this, edge, a), EV.RETRY, p, this.cGen[p]);
			return;
		}
		this.cAttempt[p] = 0;
		onResult(this, this.nodes[this.cNode[p]].k, p, res, flags);
	}

	timeout(c: number, gen: number): void {
		if (this.cGen[c] !== gen) return;
		const p = this.cParent[c];
		if (p < 0 || this.cGen[p] !== this.cPGen[c] || this.cChild[p] !== c) return;
		// The caller gives up; the callee keeps working (that wasted work is what makes retry storms).
		if (this.cConn[c] !== 0) releaseConn(this, c);
		this.cParent[c] = -1;
		this.cChild[p] = -1;
		this.childDone(p, this.cEdge[c], TIMEOUT, 0, true);
	}

	/** A call's service at instance cInst ended (EV.DONE): hand it to its node's component. */
	done(c: number): void {
		const n = this.nodes[this.cNode[c]];
		const i = this.cInst[c];
		if (n.epoch[i] !== this.cEpoch[c]) {
			// The instance died under this request.
			this.cFlags[c] &= ~F.HELD;
			this.lostAtDeadInstance(c);
			return;
		}
		if (n.pausedUntil !== null && n.pausedUntil[i] > this.now) {
			// Nothing finishes while the instance is paused.
			this.q.push(n.pausedUntil[i], EV.DONE, c, 0);
			return;
		}
		this.cOwn[c] += this.now - this.cT0[c];
		if (n.instErr !== null && n.instErr[i] > 0 && this.rng.uniform() < n.instErr[i]) {
			// A bad version: the work was done, the answer is a 5xx.
			this.release(n, i);
			this.finish(c, UNAVAILABLE);
			return;
		}
		if (n.blocking && (this.cFlags[c] & F.REPLICA) === 0) this.cFlags[c] |= F.HELD;
		else this.release(n, i);
		onServed(this, n.k, c);
	}

	lostAtDeadInstance: (c: number) => void = (c) => this.finish(c, UNAVAILABLE);
	onMessageEnd: (c: number, res: number) => void = (c) => this.free(c);
}
