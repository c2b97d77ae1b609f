// Clients: the sources of traffic. Each arrival is a request (a root call at the client
// node) sent over the first outgoing edge that carries its type. Arrivals are Poisson or
// evenly spaced at a rate shaped over time; a time-varying rate is treated as piecewise
// constant over 1 s steps (memorylessness makes a re-draw at each step exact for that).
import type { Handlers, Sim } from '../core';
import type { NodeRt } from '../compile';
import { obj } from '../compile';
import type { TrafficShape } from '../../model/sharedParams';
import { addBoth } from '../engine/histogram';
import { C, EV, F, K, LOST, OK, UNAVAILABLE, TIMEOUT, unreachable } from '../consts';
import { Zipf } from '../engine/zipf';
import { routeTo } from './database';
import { leavePool, releaseConn } from '../pools';

export class ClientState {
	rps: number;
	poisson: boolean;
	mixCum: Float64Array;
	onlyType: number;
	zipf: Zipf;
	keys: number;
	shape: TrafficShape;
	sh: Record<string, unknown>;
	timeout: number;
	originCum: Float64Array;
	originIdx: Int16Array;
	varying: boolean;
	entry: Int32Array;
	/** Closed loop: users who each wait for their answer, then think (mean thinkS) before the next. */
	closed: boolean;
	users: number;
	thinkS: number;
	/** Closed loop: users to leave (a spike's end, or a spike below 1×): each leaves instead of its next request. */
	retire = 0;
	/** Hot-key surge (a fault): this share of requests goes to hotKey. */
	hotShare = 0;
	hotKey = 0;

	constructor(s: Sim, n: NodeRt) {
		const p = n.p;
		this.rps = Math.max(0, p.rps as number);
		this.poisson = p.arrival !== 'uniform';
		const mix = obj(p.mix);
		const w = [Math.max(0, mix.static as number), Math.max(0, mix.read as number), Math.max(0, mix.write as number)];
		const tot = w[0] + w[1] + w[2] || 1;
		this.mixCum = new Float64Array([w[0] / tot, (w[0] + w[1]) / tot, 1]);
		// A mix of one type needs no draw.
		this.onlyType = w[0] === tot ? 0 : w[1] === tot ? 1 : w[2] === tot ? 2 : -1;
		this.keys = Math.max(1, Math.floor(p.keys as number));
		this.zipf = new Zipf(this.keys, Math.max(0, p.zipf as number));
		this.sh = obj(p.shape);
		this.shape = this.sh.kind as TrafficShape;
		this.timeout = (p.timeoutMs as number) / 1000;
		this.closed = p.loop === 'closed';
		this.users = Math.max(1, Math.floor((p.users as number | undefined) ?? 100));
		this.thinkS = Math.max(0, (p.thinkMs as number | undefined) ?? 1000) / 1000;
		const regions = Object.entries(obj(p.regions)).filter(([, v]) => typeof v === 'number' && v > 0) as [string, number][];
		const rt = regions.reduce((a, [, v]) => a + v, 0);
		let acc = 0;
		this.originCum = new Float64Array(regions.map(([, v]) => (acc += v / rt)));
		this.originIdx = new Int16Array(regions.map(([r]) => s.cx.regions.indexOf(r)));
		this.varying = this.shape !== 'constant';
		this.entry = new Int32Array(3).fill(-1);
		for (let t = 0; t < 3; t++) if (n.out[t].length > 0) this.entry[t] = n.out[t][0];
	}

	/** Offered rate at time t (without scenario spikes). */
	rateAt(t: number): number {
		if (!this.varying) return this.rps;
		const sh = this.sh;
		switch (this.shape) {
			case 'ramp': {
				const to = sh.toRps as number, over = sh.overS as number;
				return t >= over ? to : this.rps + ((to - this.rps) * t) / over;
			}
			case 'spike': {
				const at = sh.atS as number, d = sh.durationS as number;
				return t >= at && t < at + d ? this.rps * (sh.factor as number) : this.rps;
			}
			case 'diurnal': {
				const period = sh.periodS as number, amp = sh.amplitude as number;
				return Math.max(0, this.rps * (1 + amp * Math.sin((2 * Math.PI * t) / period)));
			}
			case 'constant':
				return this.rps;
			default:
				return unreachable(this.shape);
		}
	}
}

export function clientState(n: NodeRt): ClientState {
	return n.client as ClientState;
}

/** The client's first arrivals: one stream (open loop) or each user after a first think (closed). */
export function startClient(s: Sim, n: NodeRt): void {
	const st = clientState(n);
	if (!st.closed) return scheduleNext(s, n);
	for (let u = 0; u < st.users; u++) s.q.push(think(s, st), EV.ARRIVAL, n.idx, 2);
}

function think(s: Sim, st: ClientState): number {
	return s.now + (st.thinkS > 0 ? s.rng.exponential(st.thinkS) : 0);
}

/** Schedule the client's next arrival after `now`. */
export function scheduleNext(s: Sim, n: NodeRt): void {
	const st = clientState(n);
	const rate = st.rateAt(s.now) * s.spikeFactor(n.idx);
	const step = st.varying || s.spikesPlanned ? 1 : Infinity;
	if (!(rate > 0)) {
		if (step < Infinity || s.spikesPlanned) s.q.push(s.now + 1, EV.ARRIVAL, n.idx, 1);
		return;
	}
	const gap = st.poisson ? s.rng.exponential(1 / rate) : 1 / rate;
	if (gap > step) s.q.push(s.now + step, EV.ARRIVAL, n.idx, 1);
	else s.q.push(s.now + gap, EV.ARRIVAL, n.idx, 0);
}

/**
 * A spike on a closed-loop client changes how many users there are (closed loops have no
 * rate to multiply): `delta` more (each starts after a think) or fewer (each leaves instead
 * of its next request).
 */
export function addUsers(s: Sim, n: NodeRt, delta: number): void {
	const st = clientState(n);
	st.users += delta;
	if (delta < 0) {
		st.retire -= delta;
		return;
	}
	const kept = Math.min(st.retire, delta);
	st.retire -= kept;
	for (let u = kept; u < delta; u++) s.q.push(think(s, st), EV.ARRIVAL, n.idx, 2);
}

/** A spike on closed-loop clients (all, or `target`): users × factor while it lasts; returns (client, users added) pairs. */
export function spikeUsers(s: Sim, target: number, factor: number): number[] {
	const out: number[] = [];
	for (const n of s.nodes) {
		if (n.k !== K.client || (target >= 0 && target !== n.idx) || !clientState(n).closed) continue;
		const delta = Math.round(clientState(n).users * (factor - 1));
		addUsers(s, n, delta);
		out.push(n.idx, delta);
	}
	return out;
}

/** A new request leaves the client. */
export function startRequest(s: Sim, n: NodeRt): void {
	const st = clientState(n);
	if (st.retire > 0) {
		// A closed-loop user leaving (the spike that brought it is over).
		st.retire--;
		return;
	}
	const c = s.alloc();
	s.cNode[c] = n.idx;
	let t = st.onlyType;
	if (t < 0) {
		const u = s.rng.uniform();
		t = u < st.mixCum[0] ? 0 : u < st.mixCum[1] ? 1 : 2;
	}
	s.cType[c] = t;
	s.cKey[c] = s.keysMatter ? (st.hotShare > 0 && s.rng.uniform() < st.hotShare ? st.hotKey : st.zipf.sample(s.rng) - 1) : 0;
	let origin = n.region;
	if (st.originCum.length > 0) {
		const v = s.rng.uniform();
		let j = 0;
		while (j < st.originCum.length - 1 && v >= st.originCum[j]) j++;
		origin = st.originIdx[j];
	}
	s.cOrigin[c] = origin;
	s.cStart[c] = s.now;
	s.cT0[c] = s.now;
	s.g[C.ARR]++;
	n.cnt[C.ARR]++;
	const e = st.entry[t];
	if (e < 0) {
		endRequest(s, c, UNAVAILABLE);
		return;
	}
	s.cDeadline[c] = s.now + st.timeout;
	if (s.now + st.timeout < s.durationS) s.q.push(s.now + st.timeout, EV.DEADLINE, c, s.cGen[c]);
	s.send(c, e, routeTo(s, s.edges[e].dst, t), -1);
}

export function endRequest(s: Sim, c: number, res: number): void {
	const n = s.nodes[s.cNode[c]];
	if (s.cRSet[c] > 0) {
		// A write with a receipt at a replica set: a success whose commit a failover has since
		// discarded is lost; otherwise the receipt learns how the request ended.
		if (res === OK && (s.cFlags[c] & F.DOOMED) !== 0) res = LOST;
		else s.replicaSets[s.cRSet[c] - 1].settle(s, c, res);
	}
	if (res === OK) {
		const ms = (s.now - s.cStart[c]) * 1000;
		s.g[C.COMP]++;
		n.cnt[C.COMP]++;
		addBoth(s.gRun, s.gWin, ms);
		if (s.singleType < 0) s.gType[s.cType[c]].add(ms);
		if (!s.singleClient) addBoth(n.hRun, n.hWin, ms);
	} else {
		s.g[C.FAIL + res - 1]++;
		n.cnt[C.FAIL + res - 1]++;
		// The time the failure cost: from the send to the moment the client learns of it.
		const ms = (s.now - s.cStart[c]) * 1000;
		addBoth(s.gFailRun, s.gFailWin, ms);
		if (!s.singleClient) n.hFailRun.add(ms);
	}
	s.free(c);
	const st = clientState(n);
	if (st.closed) s.q.push(think(s, st), EV.ARRIVAL, n.idx, 2);
}

/** The client's deadline passed: the request fails as a timeout, whatever is still running. */
export function deadline(s: Sim, c: number, gen: number): void {
	if (s.cGen[c] !== gen) return;
	const ch = s.cChild[c];
	if (ch >= 0) {
		if (s.cConn[ch] !== 0) releaseConn(s, ch);
		s.cParent[ch] = -1;
	}
	if (s.cWait[c] !== 0) leavePool(s, c);
	endRequest(s, c, TIMEOUT);
}

export const client: Handlers = {
	arrive(s, c) {
		// A call into a client node (an edge pointing at a client) has nowhere to go.
		s.finish(c, UNAVAILABLE);
	},
	served() {},
	result(s, c, res) {
		endRequest(s, c, res);
	},
	resume(s, c) {
		const e = s.cCurEdge[c];
		s.send(c, e, routeTo(s, s.edges[e].dst, s.cType[c]), -1);
	}
};
