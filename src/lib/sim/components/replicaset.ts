// A replica set's memory of recent commits: the last commit (and its acknowledgement) per
// key, for stale reads; and a ring of the commits younger than the largest async lag, each
// with a receipt naming the client request that wrote it, so that when the leader dies the
// writes it had not shipped are lost exactly where they were acknowledged: at the database
// that committed them, at the client that was told "done", and in the global counts.
import type { Sim } from '../core';
import { C, F, K, LOST, OK } from '../consts';
import type { Failover } from '../machines/failover';
import type { MultiLeader } from './multileader';

export class ReplicaSet {
	/** Index in Sim.replicaSets. */
	idx = 0;
	members: number[] = [];
	leader = -1;
	/**
	 * The last two commits per key (keys folded into the table) and when each was
	 * acknowledged: a read is stale if the newest write acknowledged before it began is not
	 * yet on its follower (two deep: with sync waits a newer commit may still be unacknowledged).
	 */
	lastCommit: Float64Array;
	lastAck: Float64Array;
	prevCommit: Float64Array;
	prevAck: Float64Array;
	mask: number;
	/** Recent commits (ring, oldest at rHead): time, client root call, its generation, client node, outcome. */
	recent = new Float64Array(1024);
	recRoot = new Int32Array(1024);
	recGen = new Int32Array(1024);
	recClient = new Int32Array(1024);
	/** 0 the client request is in flight, 1 it completed, 2 it failed. */
	recState = new Uint8Array(1024);
	rHead = 0;
	rLen = 0;
	/** Sequence number of the entry at rHead (each commit gets the next). */
	baseSeq = 0;
	maxAsyncLag = 0;
	epoch = 0;
	/** Multi-leader replication (multileader.ts), or null: one leader takes every write. */
	ml: MultiLeader | null = null;
	/** The failover lifecycle (XState): leader-up → leader-lost → electing → follower-promoted. */
	life: Failover | null = null;
	get electing(): boolean {
		const st = this.life?.stateName();
		return st === 'leader-lost' || st === 'electing';
	}
	constructor(keys: number) {
		let size = 1;
		while (size < keys && size < 1 << 22) size <<= 1;
		this.lastCommit = new Float64Array(size).fill(-Infinity);
		this.lastAck = new Float64Array(size).fill(Infinity);
		this.prevCommit = new Float64Array(size).fill(-Infinity);
		this.prevAck = new Float64Array(size).fill(Infinity);
		this.mask = size - 1;
	}

	private grow(): void {
		const cap = this.recent.length, n = cap * 2;
		const t = new Float64Array(n), r = new Int32Array(n), g = new Int32Array(n), cl = new Int32Array(n), st = new Uint8Array(n);
		for (let j = 0; j < this.rLen; j++) {
			const k = (this.rHead + j) % cap;
			t[j] = this.recent[k];
			r[j] = this.recRoot[k];
			g[j] = this.recGen[k];
			cl[j] = this.recClient[k];
			st[j] = this.recState[k];
		}
		this.recent = t;
		this.recRoot = r;
		this.recGen = g;
		this.recClient = cl;
		this.recState = st;
		this.rHead = 0;
	}

	/** Key k committed now, acknowledged `wait` later. */
	commitKey(k: number, now: number, wait: number): void {
		this.prevCommit[k] = this.lastCommit[k];
		this.prevAck[k] = this.lastAck[k];
		this.lastCommit[k] = now;
		this.lastAck[k] = now + wait;
	}

	/** Whether a follower `lag` behind misses, at `now`, a write to k acknowledged before `began`. */
	staleRead(k: number, now: number, lag: number, began: number): boolean {
		if (this.lastAck[k] <= began) return now - this.lastCommit[k] < lag;
		return this.prevAck[k] <= began && now - this.prevCommit[k] < lag;
	}

	/** Drop commits older than the largest async lag: every follower has them. */
	private trim(now: number): void {
		const cut = now - this.maxAsyncLag;
		while (this.rLen > 0 && this.recent[this.rHead] <= cut) {
			this.rHead = (this.rHead + 1) % this.recent.length;
			this.rLen--;
			this.baseSeq++;
		}
	}

	/** Remember a commit of call c (its client request, if one is waiting on it). */
	remember(s: Sim, c: number, setIdx: number): void {
		this.trim(s.now);
		if (this.rLen === this.recent.length) this.grow();
		const k = (this.rHead + this.rLen) % this.recent.length;
		const root = rootOf(s, c);
		this.recent[k] = s.now;
		this.recRoot[k] = root;
		this.recGen[k] = root >= 0 ? s.cGen[root] : 0;
		this.recClient[k] = root >= 0 ? s.cNode[root] : -1;
		this.recState[k] = 0;
		if (root >= 0) {
			s.cReceipt[root] = this.baseSeq + this.rLen;
			s.cRSet[root] = setIdx + 1;
		}
		this.rLen++;
	}

	/** The client request `root` ended with `res`: note it on its receipt, if still kept. */
	settle(s: Sim, root: number, res: number): void {
		const j = s.cReceipt[root] - this.baseSeq;
		if (j < 0 || j >= this.rLen) return;
		const k = (this.rHead + j) % this.recent.length;
		if (this.recRoot[k] === root && this.recGen[k] === s.cGen[root]) this.recState[k] = res === OK ? 1 : 2;
	}

	/**
	 * The leader died at s.now: commits younger than the async lag never reached a follower.
	 * Returns how many; their client requests fail `lost` (now if they had completed, at their
	 * end if still in flight), and the ring is emptied.
	 */
	loseRecent(s: Sim): number {
		let lost = 0;
		if (this.maxAsyncLag > 0) {
			const cut = s.now - this.maxAsyncLag;
			for (let j = 0; j < this.rLen; j++) {
				const k = (this.rHead + j) % this.recent.length;
				if (this.recent[k] <= cut) continue;
				lost++;
				const root = this.recRoot[k];
				if (root < 0) continue;
				if (this.recState[k] === 0 && s.cGen[root] === this.recGen[k]) s.cFlags[root] |= F.DOOMED;
				else if (this.recState[k] === 1) {
					const client = s.nodes[this.recClient[k]];
					client.cnt[C.COMP]--;
					client.cnt[C.FAIL + LOST - 1]++;
					s.g[C.COMP]--;
					s.g[C.FAIL + LOST - 1]++;
				}
			}
		}
		this.baseSeq += this.rLen;
		this.rLen = 0;
		return lost;
	}
}

/** The client request call c serves (walking up its callers), or -1 if a caller gave up or it has none. */
export function rootOf(s: Sim, c: number): number {
	let x = c;
	for (;;) {
		const p = s.cParent[x];
		if (p < 0) return s.nodes[s.cNode[x]].k === K.client ? x : -1;
		if (s.cGen[p] !== s.cPGen[x]) return -1;
		x = p;
	}
}

/** When the request call c serves began at its client (its own arrival if it has none). */
export function startOf(s: Sim, c: number): number {
	const root = rootOf(s, c);
	return root >= 0 ? s.cStart[root] : s.cT0[c];
}
