// The discrete-event core: the clock, the event loop, the pool of calls (per-request state
// in typed arrays, calls.ts) and the protocol every component speaks: send a call over an edge,
// arrive at a node, queue and serve at an instance, finish, return to the caller, with
// timeouts, retries and breakers on the way. No object or closure is made per event.
import type { Design } from '../model/types';
import { compile, type Compiled, type EdgeRt, NodeRt } from './compile';
import { C, EV, F, K, OK, TIMEOUT, UNAVAILABLE, LOST, REJECTED } from './consts';
import { EventQueue } from './engine/heap';
import { Histogram, addBoth } from './engine/histogram';
import { Rng } from './engine/rng';
import { onArrive, onResult, onServed } from './dispatch';
import { CallPool } from './calls';
import { FIFO, abandoned, backoff, popHead, popOrdered } from './overload';
import { acquire, releaseConn } from './pools';
import type { PoolTable } from './parts/pool';

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

export class Sim extends CallPool {
	q = new EventQueue();
	rng: Rng;
	now = 0;
	events = 0;
	durationS: number;
	warmupS: number;
	frameS: number;
	design: Design;
	nodes: NodeRt[];
	edges: EdgeRt[];
	cx: Compiled;
	/** Calls answered in place (zero latency) nest; past MAX_NESTING they go through the queue instead. */
	private nesting = 0;
	R: number;
	/** Region down flags and partitions (pairs a*R+b). */
	regionDown: Uint8Array;
	partitioned: Uint8Array;

	// scratch outputs of pickers (no tuple allocation)
	dbEdge = -1;
	pickE = -1;
	pickI = -1;
	// scenario-driven state
	spikesPlanned = false;
	/** Whether any node looks at keys (caches, shards, replicas, ip-hash, per-key limits); if not, none are drawn. */
	keysMatter = true;
	/** Only a least-response-time balancer needs each instance's recent latency. */
	trackEwma = false;
	/** With one client its node's latency is the global one: recorded once. */
	singleClient = false;
	/** When every client sends one and the same type, the per-type latency is the global one (recorded once). */
	singleType = -1;
	/** Sliced run (scale.ts): counts × scale, instances × instanceScale. */
	scale = 1;
	instanceScale = new Float64Array(0);
	/** Connection pools (pools.ts), null when no edge has one; the last wait's ticket. */
	pools: PoolTable | null = null;
	poolTicket = 0;
	/** Set once a partition event has cut two regions apart. */
	anyPartition = false;
	spikeMul = new Float64Array(0);
	replicaSets: import('./components/database').ReplicaSet[] = [];
	scenario: { pendingReady: Int32Array } | null = null;
	/** Lifecycle machines (XState) per node: health, and the autoscaler or cache life. */
	health: ({ stateName(): string } | undefined)[] = [];
	lives: ({ stateName(): string } | undefined)[] = [];

	// ---- global counters (cumulative) and histograms
	g = new Float64Array(C.SIZE);
	gRun = new Histogram();
	gWin = new Histogram();
	gType = [new Histogram(), new Histogram(), new Histogram()];
	/** Failed requests: send → the client learns of the failure (run and window). */
	gFailRun = new Histogram();
	gFailWin = new Histogram();
	snapRun: { g: Float64Array; nodes: Float64Array[]; areas: Float64Array } | null = null;
	snapWin: { g: Float64Array; nodes: Float64Array[]; areas: Float64Array; t: number };

	constructor(design: Design, opts: { durationS: number; warmupS: number; seed: number; frameS: number }) {
		super();
		this.design = design;
		this.durationS = opts.durationS;
		this.warmupS = opts.warmupS;
		this.frameS = opts.frameS;
		this.rng = new Rng(opts.seed);
		this.cx = compile(design);
		this.nodes = this.cx.nodes;
		this.edges = this.cx.edges;
		this.R = this.cx.regions.length;
		this.regionDown = new Uint8Array(Math.max(1, this.R));
		this.partitioned = new Uint8Array(Math.max(1, this.R * this.R));
		this.snapWin = this.snapshot(0);
		this.instanceScale = new Float64Array(this.nodes.length).fill(1);
	}

	snapshot(t: number) {
		const areas = new Float64Array(this.nodes.length * 3);
		this.nodes.forEach((n, i) => {
			this.touch(n);
			areas[3 * i] = n.busyArea;
			areas[3 * i + 1] = n.waitArea;
			areas[3 * i + 2] = n.capArea;
		});
		return { g: this.g.slice(), nodes: this.nodes.map((n) => n.cnt.slice()), areas, t };
	}

	// ---------------------------------------------------------------- time-weighted areas
	touch(n: NodeRt): void {
		const dt = this.now - n.lastT;
		if (dt > 0) {
			n.busyArea += n.busyTotal * dt;
			n.waitArea += n.waitTotal * dt;
			n.capArea += n.capTotal * dt;
			n.lastT = this.now;
		}
	}

	/**
	 * A group's capacity is its live workers: utilization is busy time over the capacity of
	 * the instances that were up (a dead instance neither works nor counts as idle).
	 */
	recap(n: NodeRt): void {
		this.touch(n);
		let up = 0;
		if (!this.nodeDown(n)) for (let i = 0; i < n.active; i++) up += n.up[i];
		n.capTotal = up * n.conc;
	}

	// ---------------------------------------------------------------- health
	nodeDown(n: NodeRt): boolean {
		return n.failed || (n.region >= 0 && this.regionDown[n.region] === 1);
	}
	instUp(n: NodeRt, i: number): boolean {
		return n.up[i] === 1 && !this.nodeDown(n);
	}
	/** Whether a node has no instance able to answer (for DNS and failover decisions). */
	allDown(n: NodeRt): boolean {
		if (this.nodeDown(n)) return true;
		if (n.k === K.client) return false;
		for (let i = 0; i < n.active; i++) if (n.up[i] === 1) return false;
		return true;
	}

	latency(e: EdgeRt, target: number): number {
		if (target === e.dst) return e.lat;
		const ra = this.nodes[e.src].region, rb = this.nodes[target].region;
		return e.base + (ra >= 0 && rb >= 0 ? this.cx.regionLat[ra * this.R + rb] : 0);
	}

	// ---------------------------------------------------------------- the call protocol
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
			if (n.epoch[i] === this.cEpoch[c]) this.release(n, i);
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
			this.free(c);
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

	// ---------------------------------------------------------------- server groups
	serviceTime(n: NodeRt, c: number): number {
		let mean = n.mean;
		if (n.k === K.database) mean = this.cType[c] === 2 ? n.writeMean : n.readMean;
		mean *= n.slow;
		if (mean <= 0) return 0;
		if (n.dist === 0) return this.rng.exponential(mean);
		if (n.dist === 1) return mean;
		const s = n.sigma;
		return Math.exp(Math.log(mean) - 0.5 * s * s + s * this.rng.normal());
	}

	/** Queue or serve call c at instance i of a server group. */
	admit(n: NodeRt, i: number, c: number): void {
		this.cInst[c] = i;
		if (!this.instUp(n, i)) {
			this.finish(c, UNAVAILABLE);
			return;
		}
		if (n.dropAbandoned && abandoned(this, c)) {
			// Its client gave up before it got here: serving it would be work for nobody.
			this.finish(c, TIMEOUT);
			return;
		}
		const counted = (this.cFlags[c] & F.REPLICA) === 0;
		if (n.busy[i] < n.conc) {
			if (counted) n.cnt[C.ACC]++;
			this.touch(n);
			n.busy[i]++;
			n.busyTotal++;
			this.startService(n, i, c);
			return;
		}
		if (n.qLen[i] >= n.queueLimit) {
			this.finish(c, REJECTED);
			return;
		}
		if (counted) {
			n.cnt[C.ACC]++;
			n.cnt[C.WAITED]++;
		}
		this.touch(n);
		n.waitTotal++;
		let qb = n.queues[i];
		const len = n.qLen[i];
		if (len === qb.length) {
			const nb = new Int32Array(qb.length * 2);
			const h = n.qHead[i];
			for (let j = 0; j < len; j++) nb[j] = qb[(h + j) % qb.length];
			n.queues[i] = qb = nb;
			n.qHead[i] = 0;
		}
		qb[(n.qHead[i] + len) % qb.length] = c;
		n.qLen[i] = len + 1;
	}

	/** The worker is already counted busy. */
	startService(n: NodeRt, i: number, c: number): void {
		this.cFlags[c] |= F.STARTED;
		this.cEpoch[c] = n.epoch[i];
		let st = this.serviceTime(n, c);
		// Contention: each other busy worker on the instance adds a share of the service time.
		if (n.contention > 0) st *= 1 + n.contention * (n.busy[i] - 1);
		if (n.instSlow !== null) st *= n.instSlow[i];
		// Work that starts during a stop-the-world pause waits for its end.
		if (n.pausedUntil !== null && n.pausedUntil[i] > this.now) st += n.pausedUntil[i] - this.now;
		this.q.push(this.now + st, EV.DONE, c, 0);
	}

	/** A worker of instance i frees: the oldest waiting call takes it (or per the queue order). */
	release(n: NodeRt, i: number): void {
		this.touch(n);
		while (n.qLen[i] > 0) {
			const c = n.discipline === FIFO ? popHead(n, i) : popOrdered(this, n, i);
			if (c < 0) continue;
			if (n.dropAbandoned && abandoned(this, c)) {
				// Its caller gave up: serving it would be work for nobody.
				this.finish(c, TIMEOUT);
				continue;
			}
			this.startService(n, i, c);
			return;
		}
		n.busy[i]--;
		n.busyTotal--;
		if (n.k === K.worker) this.onWorkerFree(n, i);
	}

	onWorkerFree: (n: NodeRt, i: number) => void = () => {};

	spikeFactor(client: number): number {
		return this.spikeMul.length > 0 ? this.spikeMul[client] : 1;
	}

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

	/** Whether call c's instance died since it started there (its in-memory state is gone). */
	stale(c: number): boolean {
		const n = this.nodes[this.cNode[c]];
		const i = this.cInst[c];
		return (this.cFlags[c] & F.STARTED) !== 0 && i >= 0 && n.epoch[i] !== this.cEpoch[c];
	}

	/** Take instance i down: what it was serving and queueing is lost. */
	killInstance(n: NodeRt, i: number): void {
		if (n.up[i] === 0) return;
		this.touch(n);
		n.up[i] = 0;
		n.epoch[i]++;
		n.instDownSince[i] = this.now;
		n.busyTotal -= n.busy[i];
		n.busy[i] = 0;
		const len = n.qLen[i];
		n.waitTotal -= len;
		n.qLen[i] = 0;
		const qb = n.queues[i], h = n.qHead[i];
		for (let j = 0; j < len; j++) this.finish(qb[(h + j) % qb.length], UNAVAILABLE);
		n.qHead[i] = 0;
		this.recap(n);
	}

	reviveInstance(n: NodeRt, i: number): void {
		if (n.up[i] === 1) return;
		n.up[i] = 1;
		n.instDownSince[i] = -Infinity;
		this.recap(n);
		if (n.k === K.worker) for (let j = 0; j < n.conc; j++) this.onWorkerFree(n, i);
	}
}
