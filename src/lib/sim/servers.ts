// Server groups: a node's instances, each with `conc` workers and a bounded queue. A call is
// admitted, waits or is rejected, is served for a drawn service time, and frees its worker to
// the next waiting call; an instance can die (its work is lost) and come back. Split from
// core.ts (the call protocol) along the one seam between them: a group ends a call through
// `finish`, which core.ts implements (declared abstract here, so no cost and no cycle).
import type { NodeRt } from './compile';
import { C, EV, F, K, TIMEOUT, UNAVAILABLE, REJECTED } from './consts';
import { SimState } from './state';
import { FIFO, abandoned, popHead, popOrdered } from './overload';

export abstract class ServerGroups extends SimState {
	/** The call is over at its node: count it, then answer the caller (core.ts). */
	abstract finish(c: number, res: number): void;

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
